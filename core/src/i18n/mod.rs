//! Every word the page shows, in one catalogue per language (`en.rs`, `ja.rs`). Components name
//! what they show with a [`Text`]; the catalogue of the user's [`Lang`] words it. Each catalogue
//! is one exhaustive `match`, so a text without a translation does not compile.

/// An area's `render(&self, lang)`, from the `render` function of each of its language modules
/// (`en`, `ja`).
macro_rules! render_by_lang {
    ($text:ty) => {
        impl $text {
            /// The text in `lang`.
            pub fn render(&self, lang: Lang) -> Cow<'static, str> {
                match lang {
                    Lang::En => en::render(self),
                    Lang::Ja => ja::render(self),
                }
            }
        }
    };
}

mod account;
mod devices;
mod en;
mod federation;
mod identifier;
mod ja;
mod mfa;
mod passkey;
mod passwordless;

pub use account::AccountText;
pub use devices::DeviceText;
pub use federation::FederationText;
pub use identifier::{pool_problem, IdentifierText};
pub use mfa::MfaText;
pub use passwordless::{PasskeyKind, PasswordlessText};

use crate::password_policy::PasswordRule;
use crate::problem::Problem;
use crate::validation::FieldError;
use std::borrow::Cow;

/// The languages the page speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 tag, for `<html lang>` and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ja => "ja",
        }
    }

    /// The language's name in itself, as a language switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Ja => "日本語",
        }
    }

    /// Reads a language tag such as `ja`, `ja-JP` or `en-GB` (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|lang| lang.tag() == primary)
    }

    /// The first of the browser's preferred languages that the page speaks, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Self {
        preferred
            .into_iter()
            .find_map(Self::from_tag)
            .unwrap_or(Self::En)
    }

    /// The `lang` parameter of a query string such as `?lang=ja&x=1`, if it names a language.
    pub fn from_query(query: &str) -> Option<Self> {
        query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == "lang")
            .and_then(|(_, value)| Self::from_tag(value))
    }
}

/// Something the page says. Most are fixed phrases; a few carry what they name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    // The frame around the pages.
    Loading,
    RestoringSession,
    LanguageLabel,
    PageNotFound,
    ConfigErrorTitle,
    ConfigErrorHelp,
    // Field labels and their helpers.
    Email,
    Password,
    CurrentPassword,
    NewPassword,
    ConfirmPassword,
    ConfirmationCode,
    Code,
    ShowPassword,
    PasswordRequirements,
    // Sign in and sign up.
    SignIn,
    ForgotPasswordLink,
    NoAccountYet,
    CreateAnAccount,
    CreateAccountButton,
    HaveAnAccount,
    BackToSignIn,
    // Confirming an account.
    ConfirmTitle,
    ConfirmButton,
    ResendCode,
    /// Where the code went (Cognito's masked address or the one typed), and whether it is a
    /// code sent again.
    CodeSent {
        to: Option<String>,
        again: bool,
    },
    AccountConfirmed,
    AccountReady,
    // Forgotten password.
    ForgotPasswordTitle,
    ForgotPasswordIntro,
    SendCode,
    ResetPasswordTitle,
    ResetPasswordButton,
    PasswordResetDone,
    // A new password that Cognito demands (NEW_PASSWORD_REQUIRED).
    NewPasswordTitle,
    NewPasswordIntro,
    ChangePasswordButton,
    // The signed-in page.
    SignedInTitle,
    SignedInAs,
    SessionExpires,
    SignOut,
    SignOutEverywhere,
    SignedOutEverywhere,
    /// Cognito ended the session (its refresh token expired or was revoked elsewhere).
    SessionEnded,
    ChangePasswordTitle,
    PasswordChanged,
    BackToAccount,
    // How fresh the session is.
    LastRefreshed,
    NextRefresh,
    /// The local time the server last confirmed the session.
    SessionVerifiedAt(String),
    /// A refresh failed for this reason and is being retried.
    RefreshRetrying(Problem),
    /// The stored session could not be restored for this reason (a fault), and is being retried.
    RestoreRetrying(Problem),
    /// Signed out here, but `GlobalSignOut` failed for this reason.
    OtherDevicesMayBeSignedIn(Problem),
    /// Signed out here, but this device's refresh token could not be revoked for this reason.
    NotRevoked(Problem),
    /// Retries the sign-out that did not reach the server.
    RetrySignOut,
    /// The heading of a page whose code did not arrive.
    PageUnavailable,
    /// A page's code, fetched when first shown, did not arrive (the network, usually).
    PageLoadFailed,
    /// Fetches that page's code again.
    RetryPageLoad,
    /// What to do when the other devices can no longer be signed out from here.
    SignInToSignOutOthers,
    SignedOut,
    NotPersisted,
    CheckSession,
    // Embedding: leaving for `?return_to=`, or why it was not followed.
    Returning,
    ReturnRefused(String),
    // A host app's protected page (examples/host): whom it greets, and the user's Cognito id.
    Greeting(String),
    UserId,
    /// The second-factor screens.
    Mfa(MfaText),
    /// Choice-based sign-in and passkeys.
    Passwordless(PasswordlessText),
    /// Remembered devices.
    Device(DeviceText),
    /// Sign-up attributes, the profile, verifying an email, deleting the account.
    Account(AccountText),
    /// Usernames, email addresses and phone numbers as sign-in identifiers.
    Identifier(IdentifierText),
    // Messages.
    Field(FieldError),
    Rule(PasswordRule),
    Problem(Problem),
}

impl Text {
    /// The words for this text in `lang`.
    pub fn render(&self, lang: Lang) -> Cow<'static, str> {
        match lang {
            Lang::En => en::render(self),
            Lang::Ja => ja::render(self),
        }
    }
}

impl From<MfaText> for Text {
    fn from(text: MfaText) -> Self {
        Self::Mfa(text)
    }
}

impl From<PasswordlessText> for Text {
    fn from(text: PasswordlessText) -> Self {
        Self::Passwordless(text)
    }
}

impl From<AccountText> for Text {
    fn from(text: AccountText) -> Self {
        Self::Account(text)
    }
}

impl From<IdentifierText> for Text {
    fn from(text: IdentifierText) -> Self {
        Self::Identifier(text)
    }
}

impl From<FieldError> for Text {
    fn from(error: FieldError) -> Self {
        Self::Field(error)
    }
}

impl From<PasswordRule> for Text {
    fn from(rule: PasswordRule) -> Self {
        Self::Rule(rule)
    }
}

impl From<Problem> for Text {
    fn from(problem: Problem) -> Self {
        Self::Problem(problem)
    }
}

#[cfg(test)]
mod tests;
