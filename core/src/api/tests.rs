use super::*;
use crate::mfa::MfaMethod;
use serde_json::json;

#[test]
fn sign_up_body_is_pascal_case_with_the_email_attribute() {
    let body = serde_json::to_value(SignUp {
        client_id: "c".into(),
        username: "a@example.com".into(),
        password: Some(Password::new("Secret-123")),
        user_attributes: vec![AttributeType {
            name: "email".into(),
            value: "a@example.com".into(),
        }],
    })
    .unwrap();
    assert_eq!(
        body,
        json!({
            "ClientId": "c",
            "Username": "a@example.com",
            "Password": "Secret-123",
            "UserAttributes": [{"Name": "email", "Value": "a@example.com"}],
        })
    );
}

#[test]
fn a_passwordless_sign_up_sends_no_password_and_confirming_may_return_a_session() {
    let body = serde_json::to_value(SignUp {
        client_id: "c".into(),
        username: "a@example.com".into(),
        password: None,
        user_attributes: vec![],
    })
    .unwrap();
    assert_eq!(
        body,
        json!({"ClientId": "c", "Username": "a@example.com", "UserAttributes": []})
    );
    let confirmed: ConfirmSignUpResponse = serde_json::from_str(r#"{"Session":"s1"}"#).unwrap();
    assert_eq!(confirmed.session.unwrap().expose_secret(), "s1");
    let plain: ConfirmSignUpResponse = serde_json::from_str("{}").unwrap();
    assert!(plain.session.is_none());
}

#[test]
fn initiate_auth_bodies_carry_their_flow_and_parameters() {
    let password = serde_json::to_value(InitiateAuth::new(
        "c".into(),
        AuthParameters::UserPassword {
            username: "a@example.com".into(),
            password: Password::new("pw"),
            device_key: None,
        },
    ))
    .unwrap();
    assert_eq!(
        password,
        json!({
            "AuthFlow": "USER_PASSWORD_AUTH",
            "ClientId": "c",
            "AuthParameters": {"USERNAME": "a@example.com", "PASSWORD": "pw"},
        })
    );
}

#[test]
fn refresh_body_names_the_client_and_the_device_only_when_there_is_one() {
    let plain = serde_json::to_value(GetTokensFromRefreshToken {
        client_id: "c".into(),
        refresh_token: RefreshToken::new("r"),
        device_key: None,
    })
    .unwrap();
    assert_eq!(plain, json!({"ClientId": "c", "RefreshToken": "r"}));
    let device = serde_json::to_value(GetTokensFromRefreshToken {
        client_id: "c".into(),
        refresh_token: RefreshToken::new("r"),
        device_key: Some("ap-northeast-1_d".into()),
    })
    .unwrap();
    assert_eq!(device["DeviceKey"], "ap-northeast-1_d");
}

#[test]
fn srp_initiate_auth_sends_a_and_no_password() {
    let body = serde_json::to_value(InitiateAuth::new(
        "c".into(),
        AuthParameters::Srp {
            username: "a@example.com".into(),
            srp_a: "1f2e".into(),
            device_key: None,
        },
    ))
    .unwrap();
    assert_eq!(
        body,
        json!({
            "AuthFlow": "USER_SRP_AUTH",
            "ClientId": "c",
            "AuthParameters": {"USERNAME": "a@example.com", "SRP_A": "1f2e"},
        })
    );
}

#[test]
fn auth_flow_names_round_trip() {
    for flow in [AuthFlow::UserSrp, AuthFlow::UserPassword] {
        assert_eq!(AuthFlow::from_name(flow.as_str()), Some(flow));
    }
    assert_eq!(AuthFlow::default(), AuthFlow::UserSrp);
    assert_eq!(AuthFlow::from_name("REFRESH_TOKEN_AUTH"), None);
    assert_eq!(AuthFlow::from_name("user_srp_auth"), None);
}

#[test]
fn sign_up_response_reads_delivery_details_and_ignores_extras() {
    let response: SignUpResponse = serde_json::from_value(json!({
        "UserConfirmed": false,
        "UserSub": "s",
        "CodeDeliveryDetails": {"Destination": "a***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"},
        "Session": "ignored",
    }))
    .unwrap();
    let details = response.code_delivery_details.unwrap();
    assert_eq!(details.destination.as_deref(), Some("a***@e***"));
    assert!(!response.user_confirmed);
}

#[test]
fn refresh_response_without_a_refresh_token_parses() {
    let response: InitiateAuthResponse = serde_json::from_value(json!({
        "AuthenticationResult": {"AccessToken": "a", "IdToken": "i", "ExpiresIn": 3600, "TokenType": "Bearer"},
        "ChallengeParameters": {},
    }))
    .unwrap();
    let result = response.authentication_result.unwrap();
    assert!(result.refresh_token.is_none());
    assert_eq!(result.expires_in, Some(3600));
}

#[test]
fn challenge_names_read_and_write_cognitos_names_and_keep_unknown_ones() {
    let response: InitiateAuthResponse = serde_json::from_value(json!({
        "ChallengeName": "NEW_PASSWORD_REQUIRED", "Session": "s", "ChallengeParameters": {},
    }))
    .unwrap();
    assert_eq!(
        response.challenge_name,
        Some(ChallengeName::NewPasswordRequired)
    );
    let later: ChallengeName = serde_json::from_value(json!("SOME_LATER_STEP")).unwrap();
    assert_eq!(later, ChallengeName::Other("SOME_LATER_STEP".into()));
    assert_eq!(later.to_string(), "SOME_LATER_STEP");
    for name in ["PASSWORD_VERIFIER", "SMS_MFA", "WEB_AUTHN", "PASSWORD_SRP"] {
        let known = ChallengeName::from_name(name);
        assert!(!matches!(known, ChallengeName::Other(_)), "{name}");
        assert_eq!(serde_json::to_value(&known).unwrap(), json!(name));
    }
    let body = serde_json::to_value(RespondToAuthChallenge::new(
        "c".into(),
        ChallengeResponses::NewPassword {
            username: "u".into(),
            new_password: Password::new("N3w-password"),
        },
        None,
    ))
    .unwrap();
    assert_eq!(body["ChallengeName"], "NEW_PASSWORD_REQUIRED");
}

#[test]
fn mfa_answers_send_each_factors_own_parameter() {
    let answer = |method: MfaMethod| {
        let responses = ChallengeResponses::Code(
            CodeAnswer::new(method.challenge(), "u-1".into(), OneTimeCode::new("123456")).unwrap(),
        );
        let name = responses.challenge_name();
        (name.to_string(), serde_json::to_value(responses).unwrap())
    };
    assert_eq!(
        answer(MfaMethod::Totp),
        (
            "SOFTWARE_TOKEN_MFA".into(),
            json!({"USERNAME": "u-1", "SOFTWARE_TOKEN_MFA_CODE": "123456"})
        )
    );
    assert_eq!(
        answer(MfaMethod::Email),
        (
            "EMAIL_OTP".into(),
            json!({"USERNAME": "u-1", "EMAIL_OTP_CODE": "123456"})
        )
    );
    assert_eq!(
        answer(MfaMethod::Sms),
        (
            "SMS_MFA".into(),
            json!({"USERNAME": "u-1", "SMS_MFA_CODE": "123456"})
        )
    );
}

#[test]
fn first_factor_codes_and_passkeys_answer_under_their_own_names() {
    let sms = ChallengeResponses::Code(
        CodeAnswer::new(
            ChallengeName::SmsOtp,
            "u-1".into(),
            OneTimeCode::new("12345678"),
        )
        .unwrap(),
    );
    assert_eq!(sms.challenge_name(), ChallengeName::SmsOtp);
    assert_eq!(
        serde_json::to_value(sms).unwrap(),
        json!({"USERNAME": "u-1", "SMS_OTP_CODE": "12345678"})
    );
    let passkey = ChallengeResponses::WebAuthn {
        username: "u-1".into(),
        credential: r#"{"id":"x"}"#.into(),
    };
    assert_eq!(passkey.challenge_name(), ChallengeName::WebAuthn);
    assert_eq!(
        serde_json::to_value(passkey).unwrap(),
        json!({"USERNAME": "u-1", "CREDENTIAL": "{\"id\":\"x\"}"})
    );
    // A challenge that takes no code can't be answered with one.
    assert!(CodeAnswer::new(
        ChallengeName::PasswordVerifier,
        "u-1".into(),
        OneTimeCode::new("1")
    )
    .is_none());
}

#[test]
fn select_and_setup_answers() {
    let select = RespondToAuthChallenge::new(
        "c".into(),
        ChallengeResponses::SelectMfaType {
            username: "u-1".into(),
            answer: MfaMethod::Email,
        },
        Some(ChallengeSession::new("s")),
    );
    assert_eq!(
        serde_json::to_value(select).unwrap(),
        json!({
            "ChallengeName": "SELECT_MFA_TYPE",
            "ClientId": "c",
            "ChallengeResponses": {"USERNAME": "u-1", "ANSWER": "EMAIL_OTP"},
            "Session": "s",
        })
    );
    let after_app = ChallengeResponses::MfaSetup {
        username: "u-1".into(),
        email: None,
    };
    assert_eq!(after_app.challenge_name(), ChallengeName::MfaSetup);
    assert_eq!(
        serde_json::to_value(after_app).unwrap(),
        json!({"USERNAME": "u-1"})
    );
    let email = ChallengeResponses::MfaSetup {
        username: "u-1".into(),
        email: Some("a@example.com".into()),
    };
    assert_eq!(
        serde_json::to_value(email).unwrap(),
        json!({"USERNAME": "u-1", "EMAIL": "a@example.com"})
    );
}

#[test]
fn software_token_calls_name_their_caller() {
    let by_session = AssociateSoftwareToken {
        caller: Caller::Session(ChallengeSession::new("s")),
    };
    assert_eq!(
        serde_json::to_value(by_session).unwrap(),
        json!({"Session": "s"})
    );
    let verify = VerifySoftwareToken {
        caller: Caller::AccessToken(AccessToken::new("a")),
        user_code: OneTimeCode::new("123456"),
        friendly_device_name: Some("Phone".into()),
    };
    assert_eq!(
        serde_json::to_value(verify).unwrap(),
        json!({"AccessToken": "a", "UserCode": "123456", "FriendlyDeviceName": "Phone"})
    );
    let response: AssociateSoftwareTokenResponse =
        serde_json::from_str(r#"{"SecretCode":"JBSWY3DPEHPK3PXP","Session":"s2"}"#).unwrap();
    assert_eq!(response.secret_code.expose_secret(), "JBSWY3DPEHPK3PXP");
    assert!(!format!("{response:?}").contains("JBSWY3DPEHPK3PXP"));
}

#[test]
fn mfa_preference_sends_only_the_factors_it_changes() {
    let body = SetUserMfaPreference {
        access_token: AccessToken::new("a"),
        totp: Some(MfaSettings {
            enabled: true,
            preferred_mfa: true,
        }),
        email: None,
        sms: Some(MfaSettings {
            enabled: false,
            preferred_mfa: false,
        }),
    };
    assert_eq!(
        serde_json::to_value(body).unwrap(),
        json!({
            "AccessToken": "a",
            "SoftwareTokenMfaSettings": {"Enabled": true, "PreferredMfa": true},
            "SMSMfaSettings": {"Enabled": false, "PreferredMfa": false},
        })
    );
}

#[test]
fn get_user_reads_the_mfa_settings() {
    let user: GetUserResponse = serde_json::from_str(
        r#"{"Username":"u-1","UserAttributes":[],"UserMFASettingList":["EMAIL_OTP","SOFTWARE_TOKEN_MFA"],"PreferredMfaSetting":"SOFTWARE_TOKEN_MFA"}"#,
    )
    .unwrap();
    assert_eq!(
        user.user_mfa_setting_list,
        ["EMAIL_OTP", "SOFTWARE_TOKEN_MFA"]
    );
    assert_eq!(
        user.preferred_mfa_setting.as_deref(),
        Some("SOFTWARE_TOKEN_MFA")
    );
    let plain: GetUserResponse = serde_json::from_str(r#"{"Username":"u-1"}"#).unwrap();
    assert!(plain.user_mfa_setting_list.is_empty());
}

#[test]
fn passkey_registration_sends_the_token_then_the_credential_as_an_object() {
    let start = serde_json::to_value(StartWebAuthnRegistration {
        access_token: AccessToken::new("a"),
    })
    .unwrap();
    assert_eq!(start, json!({"AccessToken": "a"}));
    let reply: StartWebAuthnRegistrationResponse = serde_json::from_value(json!({
        "CredentialCreationOptions": {"challenge": "AAEC", "rp": {"id": "example.com"}},
    }))
    .unwrap();
    assert_eq!(
        reply.credential_creation_options["rp"]["id"],
        json!("example.com")
    );
    let credential = json!({"id": "AQID", "rawId": "AQID", "type": "public-key"});
    let complete = serde_json::to_value(CompleteWebAuthnRegistration {
        access_token: AccessToken::new("a"),
        credential: credential.clone(),
    })
    .unwrap();
    assert_eq!(
        complete,
        json!({"AccessToken": "a", "Credential": credential})
    );
}

#[test]
fn passkey_list_and_delete_bodies() {
    let first = serde_json::to_value(ListWebAuthnCredentials {
        access_token: AccessToken::new("a"),
        next_token: None,
        max_results: None,
    })
    .unwrap();
    assert_eq!(first, json!({"AccessToken": "a"}));
    let next = serde_json::to_value(ListWebAuthnCredentials {
        access_token: AccessToken::new("a"),
        next_token: Some("page-2".into()),
        max_results: Some(20),
    })
    .unwrap();
    assert_eq!(
        next,
        json!({"AccessToken": "a", "NextToken": "page-2", "MaxResults": 20})
    );
    let delete = serde_json::to_value(DeleteWebAuthnCredential {
        access_token: AccessToken::new("a"),
        credential_id: "cred-1".into(),
    })
    .unwrap();
    assert_eq!(
        delete,
        json!({"AccessToken": "a", "CredentialId": "cred-1"})
    );
}

#[test]
fn listed_passkeys_read_their_description_and_creation_time_in_seconds() {
    let page: ListWebAuthnCredentialsResponse = serde_json::from_value(json!({
        "Credentials": [
            {
                "CredentialId": "12345",
                "FriendlyCredentialName": "mycred",
                "RelyingPartyId": "11111",
                "AuthenticatorAttachment": "platform",
                "AuthenticatorTransports": ["usb", "nfc"],
                "CreatedAt": 1709169825,
            },
            {
                "CredentialId": "22345",
                "RelyingPartyId": "example.com",
                "AuthenticatorTransports": [],
                "CreatedAt": 1582939425.5,
                "SomethingNewer": true,
            },
        ],
        "NextToken": "more",
    }))
    .unwrap();
    assert_eq!(
        page.credentials[0],
        WebAuthnCredentialDescription {
            credential_id: "12345".into(),
            friendly_credential_name: Some("mycred".into()),
            relying_party_id: "11111".into(),
            authenticator_attachment: Some("platform".into()),
            authenticator_transports: vec!["usb".into(), "nfc".into()],
            created_at: 1_709_169_825.0,
        }
    );
    let second = &page.credentials[1];
    assert_eq!(second.friendly_credential_name, None);
    assert_eq!(second.authenticator_attachment, None);
    assert_eq!(second.created_at, 1_582_939_425.5);
    assert_eq!(page.next_token.as_deref(), Some("more"));
    let last: ListWebAuthnCredentialsResponse =
        serde_json::from_str(r#"{"Credentials":[]}"#).unwrap();
    assert!(last.credentials.is_empty() && last.next_token.is_none());
}

#[test]
fn requests_that_carry_a_code_never_print_it() {
    let shown = format!(
        "{:?} {:?}",
        ConfirmForgotPassword {
            client_id: "c".into(),
            username: "a@example.com".into(),
            confirmation_code: OneTimeCode::new("864209"),
            password: Password::new("Secret-123"),
        },
        CodeAnswer::new(
            ChallengeName::SmsOtp,
            "u-1".into(),
            OneTimeCode::new("13579246")
        )
        .unwrap(),
    );
    assert!(
        !shown.contains("864209") && !shown.contains("13579246"),
        "{shown}"
    );
    assert!(!shown.contains("Secret-123"), "{shown}");
}
