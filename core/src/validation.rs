//! Checks run before any request, so a typo costs no round trip. Messages are plain English
//! sentences shown beside the field.

use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum FieldError {
    #[error("Enter your email address.")]
    EmailMissing,
    #[error("Enter a valid email address, like name@example.com.")]
    EmailInvalid,
    #[error("Enter your password.")]
    PasswordMissing,
    #[error("Your passwords must match.")]
    PasswordsDiffer,
    #[error("Enter the code from the message.")]
    CodeMissing,
}

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
}
