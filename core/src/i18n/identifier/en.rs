//! English words of sign-in identifiers.

use super::IdentifierText;
use crate::identifier::{IdKind, IdentifierError, IdentifierLabel};
use crate::validation::USERNAME_MAX_CHARS;
use std::borrow::Cow;

pub(super) fn render(text: &IdentifierText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        IdentifierText::Label(label) => label_text(*label),
        IdentifierText::Username => "Username",
        IdentifierText::PhoneNumber => "Phone number",
        IdentifierText::Country => "Country or region",
        IdentifierText::CountryName { iso, code } => {
            return Cow::Owned(format!("{} (+{code})", country(iso)))
        }
        IdentifierText::PhoneHint => {
            "Enter the number as you dial it in the country chosen, or with + and the country code."
        }
        IdentifierText::TextedCode { to, again } => {
            let first = if *again { "A new code is on its way. " } else { "" };
            return Cow::Owned(match to {
                Some(to) => format!("{first}We texted a code to {to}. Enter it below."),
                None => format!("{first}Enter the code from the text message we sent you."),
            });
        }
        IdentifierText::ForgotIntro(label) => {
            return Cow::Owned(format!(
                "Enter the {} of your account and we'll send you a code to reset your password.",
                label_text(*label).to_lowercase()
            ))
        }
        IdentifierText::Taken(IdKind::Username) => "This username is taken. Choose another one.",
        IdentifierText::Taken(IdKind::Email) => {
            "An account with this email address already exists."
        }
        IdentifierText::Taken(IdKind::Phone) => "An account with this phone number already exists.",
        IdentifierText::AliasTaken(IdKind::Phone) => {
            "An account with this phone number already exists. Sign in to that account instead."
        }
        IdentifierText::AliasTaken(IdKind::Email) => {
            "An account with this email address already exists. Sign in to that account instead."
        }
        IdentifierText::AliasTaken(IdKind::Username) => {
            "An account with this email address or phone number already exists. Sign in to that account instead."
        }
        IdentifierText::IncorrectCredentials(label) => {
            return Cow::Owned(format!(
                "Incorrect {} or password.",
                label_text(*label).to_lowercase()
            ))
        }
        IdentifierText::NotFound(label) => {
            return Cow::Owned(format!(
                "No account was found for this {}.",
                label_text(*label).to_lowercase()
            ))
        }
        IdentifierText::Field(error) => return field(*error),
    })
}

fn label_text(label: IdentifierLabel) -> &'static str {
    match label {
        IdentifierLabel::Email => "Email",
        IdentifierLabel::Phone => "Phone number",
        IdentifierLabel::EmailOrPhone => "Email or phone number",
        IdentifierLabel::Username => "Username",
        IdentifierLabel::UsernameOrEmail => "Username or email",
        IdentifierLabel::UsernameOrPhone => "Username or phone number",
        IdentifierLabel::UsernameEmailOrPhone => "Username, email or phone number",
    }
}

fn field(error: IdentifierError) -> Cow<'static, str> {
    Cow::Borrowed(match error {
        IdentifierError::Missing(label) => {
            return Cow::Owned(format!("Enter your {}.", label_text(label).to_lowercase()))
        }
        IdentifierError::Invalid(label) => {
            return Cow::Owned(format!(
                "Enter a valid {}.",
                label_text(label).to_lowercase()
            ))
        }
        IdentifierError::PhoneMissing => "Enter your phone number.",
        IdentifierError::PhoneInvalid => {
            "Enter a phone number of the country chosen, like 090-1234-5678 in Japan, or with + and the country code."
        }
        IdentifierError::UsernameMissing => "Enter a username.",
        IdentifierError::UsernameTooLong => {
            return Cow::Owned(format!(
                "Usernames can have at most {USERNAME_MAX_CHARS} characters."
            ))
        }
        IdentifierError::UsernameInvalid => "Usernames can't contain spaces.",
        IdentifierError::UsernameLooksLikeEmail => {
            "Your username can't be an email address. Enter your email address in its own field."
        }
        IdentifierError::UsernameLooksLikePhone => {
            "Your username can't be a phone number. Enter your phone number in its own field."
        }
    })
}

fn country(iso: &str) -> &'static str {
    match iso {
        "JP" => "Japan",
        "US" => "United States",
        "CA" => "Canada",
        "GB" => "United Kingdom",
        "AU" => "Australia",
        "NZ" => "New Zealand",
        "DE" => "Germany",
        "FR" => "France",
        "KR" => "South Korea",
        "CN" => "China",
        "TW" => "Taiwan",
        "HK" => "Hong Kong",
        "SG" => "Singapore",
        "IN" => "India",
        "PH" => "Philippines",
        "BR" => "Brazil",
        _ => "",
    }
}
