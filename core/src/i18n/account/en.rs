//! English words of the account screens.

use super::{attribute_words, AccountText};
use crate::attributes::{AttributeRefusal, StandardAttribute, ValueProblem, Verifiable};
use crate::i18n::Lang;
use std::borrow::Cow;

pub(super) fn render(text: &AccountText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        AccountText::Attribute(attribute) => match attribute {
            StandardAttribute::Name => "Full name",
            StandardAttribute::GivenName => "Given name",
            StandardAttribute::FamilyName => "Family name",
            StandardAttribute::MiddleName => "Middle name",
            StandardAttribute::Nickname => "Nickname",
            StandardAttribute::PhoneNumber => "Phone number",
            StandardAttribute::Birthdate => "Date of birth",
            StandardAttribute::Locale => "Language and region",
            StandardAttribute::Gender => "Gender",
            StandardAttribute::Zoneinfo => "Time zone",
            StandardAttribute::Website => "Website",
        },
        AccountText::Optional => "(optional)",
        AccountText::Value(problem) => match problem {
            ValueProblem::Required => "This is required.",
            ValueProblem::PhoneFormat => {
                "Enter the number with + and the country code, such as +81 90 1234 5678."
            }
            ValueProblem::DateFormat => "Enter a real date, as YYYY-MM-DD.",
            ValueProblem::NotANumber => "Enter a number.",
            ValueProblem::TooLong(max) => {
                return Cow::Owned(format!("Use at most {max} characters."))
            }
        },
        AccountText::Refusal(refusal) => return refusal_words(refusal),
        AccountText::ProfileTitle => "Your profile",
        AccountText::ProfileIntro => "The details this site keeps about you.",
        AccountText::Email => "Email",
        AccountText::EmailVerified(true) => "Verified",
        AccountText::EmailVerified(false) => "Not verified",
        AccountText::Save => "Save changes",
        AccountText::Saved => "Your changes are saved.",
        AccountText::CodeSentTo(destination) => {
            return Cow::Owned(format!("We sent a verification code to {destination}."))
        }
        AccountText::ChangePending(Verifiable::Email, new) => {
            return Cow::Owned(format!(
                "Your email changes to {new} once you enter the code. Until then you keep signing in with your current address."
            ))
        }
        AccountText::ChangePending(Verifiable::PhoneNumber, new) => {
            return Cow::Owned(format!(
                "Your phone number changes to {new} once you enter the code. Until then your current number stays in use."
            ))
        }
        AccountText::VerificationCode => "Verification code",
        AccountText::Verify => "Verify",
        AccountText::SendCodeAgain => "Send the code again",
        AccountText::CodeSentAgain => "We sent a new code.",
        AccountText::NowVerified(Verifiable::Email) => "Your email address is verified.",
        AccountText::NowVerified(Verifiable::PhoneNumber) => "Your phone number is verified.",
        AccountText::VerifyTitle(Verifiable::Email) => "Verify your email address",
        AccountText::VerifyTitle(Verifiable::PhoneNumber) => "Verify your phone number",
        AccountText::VerifyEmailBody => {
            "Your email address isn't verified yet. Verify it so you can reset your password if you forget it."
        }
        AccountText::SendCode => "Send a code",
        AccountText::NotNow => "Not now",
        AccountText::DeleteTitle => "Delete your account",
        AccountText::DeleteWarning => {
            "Your account and everything it holds are deleted for good. This can't be undone."
        }
        AccountText::DeleteConfirmLabel(own) => {
            return Cow::Owned(format!("To confirm, type what you sign in with ({own})"))
        }
        AccountText::DeleteButton => "Delete my account",
        AccountText::DeleteEmailMismatch => "That isn't what you sign in with.",
        AccountText::DeletedTitle => "Your account was deleted",
        AccountText::DeletedBody => {
            "Your account is gone and you are signed out everywhere. You can create a new account at any time."
        }
    })
}

fn refusal_words(refusal: &AttributeRefusal) -> Cow<'static, str> {
    let name = |name: &str| attribute_words(name, Lang::En);
    Cow::Owned(match refusal {
        AttributeRefusal::Required(attribute) => format!("{} is required.", name(attribute)),
        AttributeRefusal::NotInPool(attribute) => format!(
            "This site asks for “{}”, which its user pool doesn't have. Please tell the site's owner.",
            name(attribute)
        ),
        AttributeRefusal::Immutable(attribute) => {
            format!("{} can't be changed once it is set.", name(attribute))
        }
        AttributeRefusal::NotWritable => {
            "This site may not change one of these details. Please tell the site's owner."
                .to_owned()
        }
        AttributeRefusal::PhoneFormat => {
            "Enter the phone number with + and the country code, such as +81 90 1234 5678."
                .to_owned()
        }
    })
}
