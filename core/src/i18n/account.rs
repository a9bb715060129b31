//! The words of the account screens: sign-up's extra attributes, the profile page with its
//! verification codes, the offer to verify an email, and deleting the account.

mod en;
mod ja;

use super::Lang;
use crate::attributes::{AttributeRefusal, StandardAttribute, ValueProblem, Verifiable};
use std::borrow::Cow;

/// Something the account screens say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountText {
    /// A standard attribute's name, as a field's label.
    Attribute(StandardAttribute),
    /// After the label of a field that may stay empty.
    Optional,
    /// Why a typed value can't be sent.
    Value(ValueProblem),
    /// Cognito refused an attribute (the message of `Problem::Attribute`).
    Refusal(AttributeRefusal),
    ProfileTitle,
    ProfileIntro,
    Email,
    /// Whether the email address is verified.
    EmailVerified(bool),
    Save,
    Saved,
    /// A code went to this (masked) address.
    CodeSentTo(String),
    /// The new value waits for its code; the current one stays in use until then.
    ChangePending(Verifiable, String),
    VerificationCode,
    Verify,
    SendCodeAgain,
    CodeSentAgain,
    NowVerified(Verifiable),
    /// The heading over a code to enter for the attribute.
    VerifyTitle(Verifiable),
    VerifyEmailBody,
    SendCode,
    NotNow,
    DeleteTitle,
    DeleteWarning,
    /// The field where the user types what they sign in with (shown) to confirm.
    DeleteConfirmLabel(String),
    DeleteButton,
    DeleteEmailMismatch,
    DeletedTitle,
    DeletedBody,
}

render_by_lang!(AccountText);

impl AccountText {
    /// Every text, with sample data, for checks that each catalogue words them all.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<Self> {
        let mut all: Vec<Self> = StandardAttribute::ALL
            .into_iter()
            .map(Self::Attribute)
            .collect();
        all.extend(
            [
                ValueProblem::Required,
                ValueProblem::PhoneFormat,
                ValueProblem::DateFormat,
                ValueProblem::NotANumber,
                ValueProblem::TooLong(64),
            ]
            .map(Self::Value),
        );
        all.extend(
            [
                AttributeRefusal::Required("name".into()),
                AttributeRefusal::Required("custom:company".into()),
                AttributeRefusal::NotInPool("custom:x".into()),
                AttributeRefusal::Immutable("custom:referral".into()),
                AttributeRefusal::NotWritable,
                AttributeRefusal::PhoneFormat,
            ]
            .map(Self::Refusal),
        );
        all.extend([
            Self::Optional,
            Self::ProfileTitle,
            Self::ProfileIntro,
            Self::Email,
            Self::EmailVerified(true),
            Self::EmailVerified(false),
            Self::Save,
            Self::Saved,
            Self::CodeSentTo("a***@e***".into()),
            Self::ChangePending(Verifiable::Email, "new@example.com".into()),
            Self::ChangePending(Verifiable::PhoneNumber, "+819012345678".into()),
            Self::VerificationCode,
            Self::Verify,
            Self::SendCodeAgain,
            Self::CodeSentAgain,
            Self::NowVerified(Verifiable::Email),
            Self::NowVerified(Verifiable::PhoneNumber),
            Self::VerifyTitle(Verifiable::Email),
            Self::VerifyTitle(Verifiable::PhoneNumber),
            Self::VerifyEmailBody,
            Self::SendCode,
            Self::NotNow,
            Self::DeleteTitle,
            Self::DeleteWarning,
            Self::DeleteConfirmLabel("+819012345678".into()),
            Self::DeleteButton,
            Self::DeleteEmailMismatch,
            Self::DeletedTitle,
            Self::DeletedBody,
        ]);
        all
    }
}

/// How a refusal names an attribute: a standard one by its label, a custom one by its name
/// without `custom:`.
fn attribute_words(name: &str, lang: Lang) -> Cow<'static, str> {
    match crate::attributes::AttributeName::parse(name) {
        Some(crate::attributes::AttributeName::Standard(a)) => {
            AccountText::Attribute(a).render(lang)
        }
        _ => Cow::Owned(name.trim_start_matches("custom:").to_owned()),
    }
}
