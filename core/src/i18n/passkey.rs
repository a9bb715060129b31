//! The words of passkeys.

mod en;
mod ja;

use super::Lang;
use crate::problem::PasskeyProblem;
use std::borrow::Cow;

/// What went wrong with a passkey, in `lang`.
pub(super) fn problem(problem: &PasskeyProblem, lang: Lang) -> Cow<'static, str> {
    match lang {
        Lang::En => en::problem(problem),
        Lang::Ja => ja::problem(problem),
    }
}
