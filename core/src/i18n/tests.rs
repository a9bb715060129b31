use super::*;

/// One of each kind of text, with data where the text carries some.
fn samples() -> Vec<Text> {
    use Text::*;
    let mut all = vec![
        Loading,
        RestoringSession,
        LanguageLabel,
        PageNotFound,
        ConfigErrorTitle,
        ConfigErrorHelp,
        Email,
        Password,
        CurrentPassword,
        NewPassword,
        ConfirmPassword,
        ConfirmationCode,
        Code,
        ShowPassword,
        PasswordRequirements,
        SignIn,
        ForgotPasswordLink,
        NoAccountYet,
        CreateAnAccount,
        CreateAccountButton,
        HaveAnAccount,
        BackToSignIn,
        ConfirmTitle,
        ConfirmButton,
        ResendCode,
        CodeSent {
            to: Some("a***@e***".into()),
            again: false,
        },
        CodeSent {
            to: Some("a***@e***".into()),
            again: true,
        },
        CodeSent {
            to: None,
            again: false,
        },
        CodeSent {
            to: None,
            again: true,
        },
        AccountConfirmed,
        AccountReady,
        ForgotPasswordTitle,
        ForgotPasswordIntro,
        SendCode,
        ResetPasswordTitle,
        ResetPasswordButton,
        PasswordResetDone,
        NewPasswordTitle,
        NewPasswordIntro,
        ChangePasswordButton,
        SignedInTitle,
        SignedInAs,
        SessionExpires,
        SignOut,
        SignOutEverywhere,
        SignedOutEverywhere,
        SessionEnded,
        ChangePasswordTitle,
        PasswordChanged,
        BackToAccount,
        LastRefreshed,
        NextRefresh,
        SessionVerifiedAt("09:30:00".into()),
        RefreshRetrying(crate::problem::Problem::Network),
        RestoreRetrying(crate::problem::Problem::Network),
        OtherDevicesMayBeSignedIn(crate::problem::Problem::Network),
        NotRevoked(crate::problem::Problem::Network),
        RetrySignOut,
        PageUnavailable,
        PageLoadFailed,
        RetryPageLoad,
        SignInToSignOutOthers,
        SignedOut,
        NotPersisted,
        CheckSession,
        Returning,
        ReturnRefused("https://evil.example/".into()),
        Greeting("ann@example.com".into()),
        UserId,
    ];
    all.extend(
        [
            FieldError::EmailMissing,
            FieldError::EmailInvalid,
            FieldError::EmailTooLong,
            FieldError::PasswordMissing,
            FieldError::PasswordTooLong,
            FieldError::PasswordsDiffer,
            FieldError::PasswordTooWeak,
            FieldError::CodeMissing,
            FieldError::CodeMalformed,
            FieldError::AppCodeMissing,
            FieldError::AppCodeMalformed,
        ]
        .map(Field),
    );
    all.extend(
        [
            PasswordRule::MinimumLength(8),
            PasswordRule::Lowercase,
            PasswordRule::Uppercase,
            PasswordRule::Numbers,
            PasswordRule::Symbols,
            PasswordRule::NoSpaceAtEnds,
        ]
        .map(Rule),
    );
    all.extend(MfaText::samples().into_iter().map(Text::Mfa));
    all.extend(
        PasswordlessText::samples()
            .into_iter()
            .map(Text::Passwordless),
    );
    all.extend(DeviceText::samples().into_iter().map(Text::Device));
    all.extend(AccountText::samples().into_iter().map(Text::Account));
    all.extend(
        super::IdentifierText::samples()
            .into_iter()
            .map(Text::Identifier),
    );
    all
}

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')
}

#[test]
fn every_text_is_worded_in_every_language() {
    for text in samples() {
        let en = text.render(Lang::En);
        let ja = text.render(Lang::Ja);
        assert!(!en.trim().is_empty() && !ja.trim().is_empty(), "{text:?}");
        assert!(!en.chars().any(is_japanese), "{text:?}: {en}");
        assert!(
            ja.chars().any(is_japanese),
            "{text:?} is not Japanese: {ja}"
        );
        for words in [&en, &ja] {
            assert!(!words.contains('{') && !words.contains('}'), "{words}");
        }
    }
}

#[test]
fn passkey_problems_are_worded_in_every_language_each_its_own_way() {
    let problems = crate::problem::PasskeyProblem::samples();
    for lang in Lang::ALL {
        let words: Vec<_> = problems
            .iter()
            .map(|p| Text::Problem(Problem::Passkey(p.clone())).render(lang))
            .collect();
        for (problem, text) in problems.iter().zip(&words) {
            assert!(!text.trim().is_empty(), "{problem:?}");
            assert_eq!(text.chars().any(is_japanese), lang == Lang::Ja, "{text}");
            assert!(!text.contains('{') && !text.contains('}'), "{text}");
        }
        for (i, a) in words.iter().enumerate() {
            assert!(!words[i + 1..].contains(a), "{lang:?}: {a}");
        }
        let failed = crate::problem::PasskeyProblem::Failed("UnknownError".into());
        assert!(Text::Problem(Problem::Passkey(failed))
            .render(lang)
            .contains("UnknownError"));
    }
    assert_eq!(
        Text::Problem(Problem::Passkey(
            crate::problem::PasskeyProblem::SignInCancelled
        ))
        .render(Lang::En),
        "Passkey sign-in was cancelled or timed out. Try again or choose another way to sign in."
    );
}

#[test]
fn texts_that_carry_data_show_it() {
    for lang in Lang::ALL {
        let sent = Text::CodeSent {
            to: Some("t***@e***".into()),
            again: false,
        }
        .render(lang);
        assert!(sent.contains("t***@e***"), "{sent}");
        let rule = Text::Rule(PasswordRule::MinimumLength(12)).render(lang);
        assert!(rule.contains("12"), "{rule}");
        for (error, limit) in [
            (FieldError::EmailTooLong, "128"),
            (FieldError::PasswordTooLong, "256"),
            (FieldError::CodeMalformed, "6"),
            (FieldError::AppCodeMalformed, "6"),
        ] {
            let words = Text::Field(error).render(lang);
            assert!(words.contains(limit), "{words}");
        }
        let verified = Text::SessionVerifiedAt("09:30:15".into()).render(lang);
        assert!(verified.contains("09:30:15"), "{verified}");
        let retrying = Text::RefreshRetrying(Problem::Network).render(lang);
        let why = Text::Problem(Problem::Network).render(lang);
        assert!(retrying.contains(&*why), "{retrying}");
        let again = Text::CodeSent {
            to: None,
            again: true,
        }
        .render(lang);
        assert_ne!(
            again,
            Text::CodeSent {
                to: None,
                again: false
            }
            .render(lang)
        );
    }
}

#[test]
fn the_names_the_english_pages_are_known_by() {
    let en = |t: Text| t.render(Lang::En).into_owned();
    assert_eq!(en(Text::ForgotPasswordLink), "Forgot your password?");
    assert_eq!(en(Text::SendCode), "Send code");
    assert_eq!(en(Text::ResetPasswordButton), "Reset password");
    assert_eq!(en(Text::ChangePasswordButton), "Change password");
    assert_eq!(en(Text::SignOutEverywhere), "Sign out of all devices");
    assert_eq!(
        en(Text::Rule(PasswordRule::MinimumLength(8))),
        "Password must have at least 8 characters"
    );
    assert_eq!(
        en(Text::Rule(PasswordRule::Numbers)),
        "Password must have numbers"
    );
    assert_eq!(
        en(Text::Rule(PasswordRule::Symbols)),
        "Password must have special characters"
    );
    assert_eq!(
        en(Text::Rule(PasswordRule::Uppercase)),
        "Password must have upper case letters"
    );
    assert_eq!(
        en(Text::Rule(PasswordRule::Lowercase)),
        "Password must have lower case letters"
    );
    assert_eq!(
        en(Text::Field(FieldError::PasswordsDiffer)),
        "Your passwords must match."
    );
}

#[test]
fn field_errors_are_worded_by_the_catalogue() {
    assert_eq!(
        Text::Field(FieldError::EmailInvalid).render(Lang::En),
        "Enter a valid email address, like name@example.com."
    );
}

#[test]
fn japanese_pages_use_the_words_japanese_users_know() {
    let ja = |t: Text| t.render(Lang::Ja).into_owned();
    assert_eq!(ja(Text::Email), "メールアドレス");
    assert_eq!(ja(Text::Password), "パスワード");
    assert_eq!(ja(Text::ConfirmationCode), "確認コード");
    assert_eq!(ja(Text::SignIn), "サインイン");
    assert_eq!(ja(Text::CreateAnAccount), "アカウントを作成");
}

#[test]
fn language_tags_queries_and_preferences() {
    assert_eq!(Lang::from_tag("ja-JP"), Some(Lang::Ja));
    assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::from_tag(""), None);
    assert_eq!(Lang::negotiate(["fr-FR", "ja", "en"]), Lang::Ja);
    assert_eq!(Lang::negotiate(["de"]), Lang::En);
    assert_eq!(Lang::negotiate([]), Lang::En);
    assert_eq!(Lang::from_query("?lang=ja"), Some(Lang::Ja));
    assert_eq!(Lang::from_query("?x=1&lang=en"), Some(Lang::En));
    assert_eq!(Lang::from_query("?language=ja"), None);
    assert_eq!(Lang::from_query("?lang=xx"), None);
    assert_eq!(Lang::from_query(""), None);
}
