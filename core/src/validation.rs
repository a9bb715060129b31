//! Checks run before any request, so a typo costs no round trip. Each failure is a
//! [`FieldError`], worded in the user's language by [`crate::i18n`].

use crate::i18n::{Lang, Text};
use crate::password_policy::{PasswordPolicy, PasswordRule};
use std::fmt;

/// Why a field's value cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    EmailMissing,
    EmailInvalid,
    PasswordMissing,
    PasswordsDiffer,
    /// A new password breaks a rule of the pool's policy (the rules are listed beside it).
    PasswordTooWeak,
    CodeMissing,
}

/// The English message (pages show [`Text::Field`] in the user's language).
impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Text::Field(*self).render(Lang::En))
    }
}

impl std::error::Error for FieldError {}

/// Trims and lower-cases an email address (Cognito usernames from email are case-sensitive
/// unless the pool says otherwise, so one spelling avoids "user not found" surprises) and
/// checks its shape: one `@`, something before it, a dotted domain after it, no spaces.
pub fn normalize_email(input: &str) -> Result<String, FieldError> {
    let email = input.trim().to_lowercase();
    if email.is_empty() {
        return Err(FieldError::EmailMissing);
    }
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(email)
    } else {
        Err(FieldError::EmailInvalid)
    }
}

pub fn require_password(password: &str) -> Result<(), FieldError> {
    if password.is_empty() {
        Err(FieldError::PasswordMissing)
    } else {
        Ok(())
    }
}

pub fn passwords_match(password: &str, confirmation: &str) -> Result<(), FieldError> {
    if password == confirmation {
        Ok(())
    } else {
        Err(FieldError::PasswordsDiffer)
    }
}

/// A new password: every rule of the policy met. The unmet rules are for the live list beside
/// the field; the error is for the field itself.
pub fn check_new_password(
    policy: &PasswordPolicy,
    password: &str,
) -> Result<(), (FieldError, Vec<PasswordRule>)> {
    let unmet = policy.unmet(password);
    if unmet.is_empty() {
        Ok(())
    } else {
        Err((FieldError::PasswordTooWeak, unmet))
    }
}

/// Codes are digits; people paste them with spaces around.
pub fn normalize_code(input: &str) -> Result<String, FieldError> {
    let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_empty() {
        Err(FieldError::CodeMissing)
    } else {
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(
            normalize_email("  Taro.Yamada@Example.JP "),
            Ok("taro.yamada@example.jp".into())
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        assert_eq!(normalize_email("   "), Err(FieldError::EmailMissing));
        for bad in [
            "taro",
            "@example.com",
            "taro@",
            "taro@example",
            "a@b@c.d",
            "a b@c.d",
            "a@.com",
            "a@com.",
        ] {
            assert_eq!(normalize_email(bad), Err(FieldError::EmailInvalid), "{bad}");
        }
    }

    #[test]
    fn passwords_and_codes() {
        assert_eq!(require_password(""), Err(FieldError::PasswordMissing));
        assert_eq!(require_password(" "), Ok(()));
        assert_eq!(passwords_match("a", "b"), Err(FieldError::PasswordsDiffer));
        assert_eq!(passwords_match("a", "a"), Ok(()));
        assert_eq!(normalize_code(" 123 456 "), Ok("123456".into()));
        assert_eq!(normalize_code("  "), Err(FieldError::CodeMissing));
    }

    #[test]
    fn new_passwords_follow_the_policy() {
        let policy = PasswordPolicy::default();
        assert_eq!(check_new_password(&policy, "Correct-Horse-9"), Ok(()));
        let (error, unmet) = check_new_password(&policy, "inv").unwrap_err();
        assert_eq!(error, FieldError::PasswordTooWeak);
        assert_eq!(unmet.len(), 4);
    }

    #[test]
    fn messages_are_worded_by_the_catalogue() {
        assert_eq!(
            FieldError::EmailInvalid.to_string(),
            "Enter a valid email address, like name@example.com."
        );
    }
}
