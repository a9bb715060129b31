use super::*;
use crate::api::ChallengeSessionInfo;
use crate::validation::FieldError;
use std::collections::BTreeMap;

fn challenge(name: &str, parameters: &[(&str, &str)]) -> ChallengeSessionInfo {
    ChallengeSessionInfo {
        name: ChallengeName::from_name(name),
        session: None,
        parameters: parameters
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        available: Vec::new(),
    }
}

#[test]
fn code_challenges_say_which_factor_and_where_the_code_went() {
    assert_eq!(
        SignInStep::of(&challenge("SOFTWARE_TOKEN_MFA", &[])),
        SignInStep::Code {
            method: MfaMethod::Totp,
            destination: None
        }
    );
    assert_eq!(
        SignInStep::of(&challenge(
            "EMAIL_OTP",
            &[
                ("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL"),
                ("CODE_DELIVERY_DESTINATION", "t***@e***")
            ]
        )),
        SignInStep::Code {
            method: MfaMethod::Email,
            destination: Some("t***@e***".into())
        }
    );
    assert_eq!(
        SignInStep::of(&challenge(
            "SMS_MFA",
            &[("CODE_DELIVERY_DESTINATION", "+*******5678")]
        )),
        SignInStep::Code {
            method: MfaMethod::Sms,
            destination: Some("+*******5678".into())
        }
    );
    // A blank destination is no destination.
    assert_eq!(
        SignInStep::of(&challenge("SMS_MFA", &[("CODE_DELIVERY_DESTINATION", " ")])),
        SignInStep::Code {
            method: MfaMethod::Sms,
            destination: None
        }
    );
}

#[test]
fn select_mfa_type_reads_the_json_string_list() {
    assert_eq!(
        SignInStep::of(&challenge(
            "SELECT_MFA_TYPE",
            &[(
                "MFAS_CAN_CHOOSE",
                r#"["SMS_MFA","SOFTWARE_TOKEN_MFA","EMAIL_OTP"]"#
            )]
        )),
        SignInStep::Choose(vec![MfaMethod::Sms, MfaMethod::Totp, MfaMethod::Email])
    );
}

#[test]
fn mfa_setup_offers_what_a_sign_in_can_set_up() {
    assert_eq!(
        SignInStep::of(&challenge(
            "MFA_SETUP",
            &[(
                "MFAS_CAN_SETUP",
                r#"["SMS_MFA","SOFTWARE_TOKEN_MFA","EMAIL_OTP"]"#
            )]
        )),
        SignInStep::SetUp(vec![MfaMethod::Totp, MfaMethod::Email])
    );
    // Only SMS, which needs a verified phone number first: nothing this page can do.
    assert_eq!(
        SignInStep::of(&challenge(
            "MFA_SETUP",
            &[("MFAS_CAN_SETUP", r#"["SMS_MFA"]"#)]
        )),
        SignInStep::Unsupported("MFA_SETUP".into())
    );
}

#[test]
fn unreadable_or_empty_lists_are_not_an_empty_choice() {
    for list in [
        "",
        "[]",
        "SOFTWARE_TOKEN_MFA",
        r#"["WEB_AUTHN"]"#,
        "{}",
        "[1,2]",
    ] {
        assert_eq!(
            SignInStep::of(&challenge("SELECT_MFA_TYPE", &[("MFAS_CAN_CHOOSE", list)])),
            SignInStep::Unsupported("SELECT_MFA_TYPE".into()),
            "{list}"
        );
    }
    assert_eq!(
        SignInStep::of(&challenge("SELECT_MFA_TYPE", &[])),
        SignInStep::Unsupported("SELECT_MFA_TYPE".into())
    );
}

#[test]
fn lists_skip_unknown_names_and_repeats() {
    assert_eq!(
        method_list(r#"["WEB_AUTHN","EMAIL_OTP","EMAIL_OTP","SOFTWARE_TOKEN_MFA"]"#),
        vec![MfaMethod::Email, MfaMethod::Totp]
    );
}

#[test]
fn other_challenges_keep_their_meaning() {
    assert_eq!(
        SignInStep::of(&challenge("NEW_PASSWORD_REQUIRED", &[])),
        SignInStep::NewPassword
    );
    for name in ["CUSTOM_CHALLENGE", "DEVICE_SRP_AUTH", "SOMETHING_NEW"] {
        assert_eq!(
            SignInStep::of(&challenge(name, &[])),
            SignInStep::Unsupported(name.into())
        );
    }
}

#[test]
fn method_names_round_trip() {
    for method in MfaMethod::ALL {
        assert_eq!(MfaMethod::from_name(method.as_str()), Some(method));
        assert_eq!(
            ChallengeName::from_name(method.as_str()),
            method.challenge()
        );
    }
    assert_eq!(MfaMethod::from_name("software_token_mfa"), None);
}

#[test]
fn codes_are_checked_by_their_method() {
    assert_eq!(MfaMethod::Totp.check_code(" 123 456 "), Ok("123456".into()));
    assert_eq!(
        MfaMethod::Totp.check_code(""),
        Err(FieldError::AppCodeMissing)
    );
    assert_eq!(
        MfaMethod::Totp.check_code("12345678"),
        Err(FieldError::AppCodeMalformed)
    );
    assert_eq!(
        MfaMethod::Email.check_code("12345678"),
        Ok("12345678".into())
    );
    assert_eq!(MfaMethod::Email.check_code("123456"), Ok("123456".into()));
    assert_eq!(
        MfaMethod::Email.check_code("1234567"),
        Err(FieldError::CodeMalformed)
    );
    assert_eq!(MfaMethod::Sms.check_code(" "), Err(FieldError::CodeMissing));
    assert_eq!(
        MfaMethod::Sms.check_code("12345a"),
        Err(FieldError::CodeMalformed)
    );
}
