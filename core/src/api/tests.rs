use super::*;
use serde_json::json;

#[test]
fn sign_up_body_is_pascal_case_with_the_email_attribute() {
    let body = serde_json::to_value(SignUp {
        client_id: "c".into(),
        username: "a@example.com".into(),
        password: Password::new("Secret-123"),
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
fn initiate_auth_bodies_carry_their_flow_and_parameters() {
    let password = serde_json::to_value(InitiateAuth::new(
        "c".into(),
        AuthParameters::UserPassword {
            username: "a@example.com".into(),
            password: Password::new("pw"),
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
