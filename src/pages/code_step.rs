//! What the two "enter the emailed code" pages share (confirming an account, resetting a
//! password): how the code is read, the line saying where the code went, and the one message
//! of two actions.

use crate::handoff::Handoff;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::validation::{normalize_code, normalize_email, FieldError};

/// The code as typed, ready to send: NFKC first, so the full-width digits a Japanese IME types
/// count as digits. The browser's own `normalize` does it; the wasm carries no Unicode tables.
pub fn checked_code(typed: &str) -> Result<String, FieldError> {
    let nfkc = js_sys::JsString::from(typed).normalize("NFKC");
    normalize_code(&String::from(nfkc))
}

/// "We sent a code to a***@e***." — Cognito's masked address, else the one typed — and, after a
/// resend, that a new code is on its way.
pub fn code_sent_line(
    handoff: Handoff,
    email: RwSignal<String>,
    sent_again: Signal<bool>,
) -> Signal<Option<Text>> {
    Signal::derive(move || {
        let masked = handoff
            .delivery
            .with(|delivery| delivery.as_ref().and_then(|d| d.destination.clone()));
        let typed = email.with(|email| (!email.is_empty()).then(|| email.clone()));
        Some(Text::CodeSent {
            to: masked.or(typed),
            again: sent_again.get(),
        })
    })
}

/// The problem to show: none while either action runs, else the main action's failure (cleared
/// when a code is sent again), else the resend's.
pub fn latest_problem(
    busy: Signal<bool>,
    main: Signal<Option<Problem>>,
    resend: Signal<Option<Problem>>,
) -> Signal<Option<Text>> {
    Signal::derive(move || {
        if busy.get() {
            None
        } else {
            main.get().or_else(|| resend.get()).map(Text::Problem)
        }
    })
}

/// Checks the address for a button that needs it: normalised in place and returned, or `None`
/// with the field flagged from now on.
pub fn email_check(
    email: RwSignal<String>,
    checked: RwSignal<bool>,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        checked.set(true);
        let normalized = normalize_email(&email.get_untracked()).ok()?;
        email.set(normalized.clone());
        Some(normalized)
    }
}
