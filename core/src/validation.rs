//! Checks run before any request, so a typo costs no round trip. Each failure is a
//! [`FieldError`], worded in the user's language by [`crate::i18n`].

use crate::identifier::IdentifierError;
use crate::password_policy::{PasswordPolicy, PasswordRule};

/// The most characters Cognito takes in a username (botocore's `UsernameType`); the email
/// address is the username.
pub const USERNAME_MAX_CHARS: usize = 128;
/// The most characters Cognito takes in a password (`PasswordType`).
pub const PASSWORD_MAX_CHARS: usize = 256;
/// The length of the codes Cognito emails (its `ConfirmationCodeType` would take up to 2048
/// non-space characters, but the codes it sends are 6 digits).
pub const CODE_DIGITS: usize = 6;

/// Why a field's value cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    EmailMissing,
    EmailInvalid,
    /// Longer than [`USERNAME_MAX_CHARS`].
    EmailTooLong,
    PasswordMissing,
    /// Longer than [`PASSWORD_MAX_CHARS`].
    PasswordTooLong,
    PasswordsDiffer,
    /// A new password breaks a rule of the pool's policy (the rules are listed beside it).
    PasswordTooWeak,
    CodeMissing,
    /// Not [`CODE_DIGITS`] digits.
    CodeMalformed,
    /// No code from the authenticator app.
    AppCodeMissing,
    /// Not the [`CODE_DIGITS`] digits an authenticator app shows.
    AppCodeMalformed,
    /// A username, phone number, or whichever the sign-in field takes.
    Identifier(IdentifierError),
}

/// Trims and lower-cases an email address (Cognito usernames from email are case-sensitive
/// unless the pool says otherwise, so one spelling avoids "user not found" surprises) and
/// checks its length and shape: one `@`, something before it, a dotted domain after it, no
/// spaces.
pub fn normalize_email(input: &str) -> Result<String, FieldError> {
    let email = input.trim().to_lowercase();
    if email.is_empty() {
        return Err(FieldError::EmailMissing);
    }
    if email.chars().count() > USERNAME_MAX_CHARS {
        return Err(FieldError::EmailTooLong);
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

/// A password to sign in with (or the current one): present, and no longer than Cognito takes.
pub fn require_password(password: &str) -> Result<(), FieldError> {
    if password.is_empty() {
        Err(FieldError::PasswordMissing)
    } else {
        within_password_limit(password)
    }
}

fn within_password_limit(password: &str) -> Result<(), FieldError> {
    if password.chars().count() > PASSWORD_MAX_CHARS {
        Err(FieldError::PasswordTooLong)
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

/// A new password: every rule of the policy met, and no longer than Cognito takes. The unmet
/// rules are for the live list beside the field; the error is for the field itself.
pub fn check_new_password(
    policy: &PasswordPolicy,
    password: &str,
) -> Result<(), (FieldError, Vec<PasswordRule>)> {
    let unmet = policy.unmet(password);
    if unmet.is_empty() {
        within_password_limit(password).map_err(|error| (error, unmet))
    } else {
        Err((FieldError::PasswordTooWeak, unmet))
    }
}

/// An emailed code, from text already in Unicode NFKC (the browser's `normalize("NFKC")`
/// turns the full-width digits a Japanese IME types into ASCII ones): spaces people paste
/// around or inside it dropped, then exactly [`CODE_DIGITS`] ASCII digits.
pub fn normalize_code(nfkc: &str) -> Result<String, FieldError> {
    normalize_one_time_code(nfkc, &[CODE_DIGITS])
}

/// A one-time code of one of `lengths` digits, read as [`normalize_code`] reads it. Fails with
/// [`FieldError::CodeMissing`] or [`FieldError::CodeMalformed`].
pub fn normalize_one_time_code(nfkc: &str, lengths: &[usize]) -> Result<String, FieldError> {
    let code: String = nfkc.chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_empty() {
        Err(FieldError::CodeMissing)
    } else if lengths.contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(FieldError::CodeMalformed)
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
    fn emails_up_to_cognitos_username_limit() {
        let at_limit = format!("{}@example.com", "a".repeat(USERNAME_MAX_CHARS - 12));
        assert_eq!(at_limit.len(), USERNAME_MAX_CHARS);
        assert_eq!(
            normalize_email(&format!(" {at_limit} ")),
            Ok(at_limit.clone())
        );
        assert_eq!(
            normalize_email(&format!("a{at_limit}")),
            Err(FieldError::EmailTooLong)
        );
        // Characters, not bytes: 128 kana are within the limit.
        let kana = format!("{}@example.jp", "あ".repeat(USERNAME_MAX_CHARS - 11));
        assert_eq!(normalize_email(&kana), Ok(kana.clone()));
        assert_eq!(
            normalize_email(&format!("{}@e.jp", "x".repeat(200))),
            Err(FieldError::EmailTooLong)
        );
    }

    #[test]
    fn passwords() {
        assert_eq!(require_password(""), Err(FieldError::PasswordMissing));
        assert_eq!(require_password(" "), Ok(()));
        assert_eq!(require_password(&"p".repeat(PASSWORD_MAX_CHARS)), Ok(()));
        assert_eq!(
            require_password(&"p".repeat(PASSWORD_MAX_CHARS + 1)),
            Err(FieldError::PasswordTooLong)
        );
        assert_eq!(require_password(&"ぱ".repeat(PASSWORD_MAX_CHARS)), Ok(()));
        assert_eq!(passwords_match("a", "b"), Err(FieldError::PasswordsDiffer));
        assert_eq!(passwords_match("a", "a"), Ok(()));
    }

    #[test]
    fn new_passwords_follow_the_policy_and_the_limit() {
        let policy = PasswordPolicy::default();
        assert_eq!(check_new_password(&policy, "Correct-Horse-9"), Ok(()));
        let (error, unmet) = check_new_password(&policy, "inv").unwrap_err();
        assert_eq!(error, FieldError::PasswordTooWeak);
        assert_eq!(unmet.len(), 4);
        let long = format!("Aa1-{}", "x".repeat(PASSWORD_MAX_CHARS - 4));
        assert_eq!(check_new_password(&policy, &long), Ok(()));
        assert_eq!(
            check_new_password(&policy, &format!("{long}x")),
            Err((FieldError::PasswordTooLong, vec![]))
        );
    }

    /// What the browser does first: `String.prototype.normalize("NFKC")`.
    fn nfkc(typed: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        typed.nfkc().collect()
    }

    #[test]
    fn codes_typed_with_an_ime_or_pasted_with_spaces_are_six_ascii_digits() {
        for typed in [
            "123456",
            " 123 456 ",
            "１２３４５６",
            "１２３　４５６",
            "\t123456\n",
            "①②③④⑤⑥",
        ] {
            assert_eq!(normalize_code(&nfkc(typed)), Ok("123456".into()), "{typed}");
        }
        assert_eq!(normalize_code(&nfkc("  　")), Err(FieldError::CodeMissing));
        for typed in [
            "12345",
            "1234567",
            "12345a",
            "123-456",
            "١٢٣٤٥٦",
            "一二三四五六",
            "12345６７",
            &"1".repeat(2049),
        ] {
            assert_eq!(
                normalize_code(&nfkc(typed)),
                Err(FieldError::CodeMalformed),
                "{typed}"
            );
        }
        // Without NFKC first, full-width digits are not digits here.
        assert_eq!(
            normalize_code("１２３４５６"),
            Err(FieldError::CodeMalformed)
        );
    }
}
