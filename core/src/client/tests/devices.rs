//! Remembered devices through the client: the exact bodies sent, and what comes back.

use super::*;
use crate::api::{DeviceRememberedStatus, NewDeviceMetadata};
use crate::secret::DeviceSecret;
use crate::srp::device::{DeviceVerifier, RememberedDevice};
use base64::engine::general_purpose::STANDARD;

const GROUP_KEY: &str = "-4c1b3f0d";
const DEVICE_KEY: &str = "eu-west-1_0f4e8a2c-7b6d-4e1f-9a3c-5d2e8b7f6a10";
/// 2018-07-10 11:01:00 UTC.
const AT: u64 = 1_531_220_460_000;

/// The device of srp/device/tests.rs, whose proof amazon-cognito-identity-js computed.
fn device() -> RememberedDevice {
    let bytes: Vec<u8> = (0..40).collect();
    RememberedDevice {
        key: DEVICE_KEY.into(),
        group_key: GROUP_KEY.into(),
        secret: DeviceSecret::from_random_bytes(&bytes),
    }
}

fn device_challenge(name: &str, parameters: serde_json::Value) -> String {
    json!({"ChallengeName": name, "Session": format!("session-{name}"), "ChallengeParameters": parameters})
        .to_string()
}

fn device_srp_auth() -> ChallengeSessionInfo {
    ChallengeSessionInfo {
        name: ChallengeName::DeviceSrpAuth,
        session: Some(ChallengeSession::new("session-1")),
        parameters: [("USERNAME".to_owned(), "user-1".to_owned())].into(),
        available: Vec::new(),
    }
}

#[test]
fn a_sign_in_reports_the_new_device() {
    let reply = format!(
        r#"{{"AuthenticationResult":{{"AccessToken":"acc","IdToken":"{}","RefreshToken":"ref","NewDeviceMetadata":{{"DeviceKey":"{DEVICE_KEY}","DeviceGroupKey":"{GROUP_KEY}"}}}}}}"#,
        id_token("a@example.com")
    );
    let transport = ScriptedTransport::replying(200, &reply);
    let SignInOutcome::SignedIn(tokens) =
        block_on(client(&transport).sign_in_with_password("a@example.com", Password::new("pw")))
            .unwrap()
    else {
        panic!("not signed in");
    };
    assert_eq!(
        tokens.new_device,
        Some(NewDeviceMetadata {
            device_key: DEVICE_KEY.into(),
            device_group_key: GROUP_KEY.into(),
        })
    );
    let transport = ScriptedTransport::replying(200, &auth_reply(Some("ref")));
    let outcome =
        block_on(client(&transport).sign_in_with_password("a@example.com", Password::new("pw")));
    assert!(matches!(
        outcome,
        Ok(SignInOutcome::SignedIn(Tokens {
            new_device: None,
            ..
        }))
    ));
}

#[test]
fn every_flow_can_name_the_remembered_device() {
    for (flow, password_sent) in [
        (AuthFlow::UserPassword, true),
        (AuthFlow::UserSrp, false),
        (AuthFlow::UserAuth, false),
    ] {
        let transport = ScriptedTransport::replying(200, &auth_reply(Some("ref")));
        block_on(client(&transport).sign_in_on_device(
            flow,
            "a@example.com",
            Password::new("pw"),
            Some(DEVICE_KEY.into()),
            || AT,
        ))
        .unwrap();
        let (_, body) = sent_json(&transport, 0);
        assert_eq!(body["AuthFlow"], flow.as_str());
        assert_eq!(body["AuthParameters"]["DEVICE_KEY"], DEVICE_KEY, "{flow:?}");
        assert_eq!(
            body["AuthParameters"].get("PASSWORD").is_some(),
            password_sent
        );
    }
    // Without a device, no DEVICE_KEY at all.
    let transport = ScriptedTransport::replying(200, &auth_reply(Some("ref")));
    block_on(client(&transport).sign_in(
        AuthFlow::UserSrp,
        "a@example.com",
        Password::new("pw"),
        || AT,
    ))
    .unwrap();
    assert!(sent_json(&transport, 0).1["AuthParameters"]
        .get("DEVICE_KEY")
        .is_none());
}

#[test]
fn confirming_a_device_registers_the_verifier_of_the_secret_kept() {
    let transport = with_replies(&[(200, r#"{"UserConfirmationNecessary":true}"#)]);
    let new_device = NewDeviceMetadata {
        device_key: DEVICE_KEY.into(),
        device_group_key: GROUP_KEY.into(),
    };
    let confirmed = block_on(client(&transport).confirm_device(
        &AccessToken::new("acc"),
        &new_device,
        Some("Firefox on Linux".into()),
    ))
    .unwrap();
    assert!(confirmed.user_confirmation_necessary);
    assert_eq!(confirmed.device.key, DEVICE_KEY);
    assert_eq!(confirmed.device.group_key, GROUP_KEY);
    let (target, body) = sent_json(&transport, 0);
    assert_eq!(target, "AWSCognitoIdentityProviderService.ConfirmDevice");
    let config = &body["DeviceSecretVerifierConfig"];
    let salt = STANDARD.decode(config["Salt"].as_str().unwrap()).unwrap();
    let expected = DeviceVerifier::new(GROUP_KEY, DEVICE_KEY, &confirmed.device.secret, &salt);
    assert_eq!(
        body,
        json!({
            "AccessToken": "acc",
            "DeviceKey": DEVICE_KEY,
            "DeviceName": "Firefox on Linux",
            "DeviceSecretVerifierConfig": {
                "PasswordVerifier": expected.verifier_b64,
                "Salt": expected.salt_b64,
            },
        })
    );
    // The device password itself never leaves.
    let sent = &transport.sent.borrow()[0].body;
    assert!(!sent.contains(confirmed.device.secret.expose_secret()));
}

#[test]
fn remembering_forgetting_and_refusals() {
    let transport = with_replies(&[
        (200, "{}"),
        (200, ""),
        (
            400,
            r#"{"__type":"NotAuthorizedException","message":"Access Token has been revoked"}"#,
        ),
    ]);
    let client = client(&transport);
    let access = AccessToken::new("acc");
    block_on(client.update_device_status(
        &access,
        DEVICE_KEY,
        DeviceRememberedStatus::NotRemembered,
    ))
    .unwrap();
    block_on(client.forget_device(&access, DEVICE_KEY)).unwrap();
    let error = block_on(client.forget_device(&access, DEVICE_KEY)).unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::NotAuthorized));
    assert_eq!(
        sent_json(&transport, 0),
        (
            "AWSCognitoIdentityProviderService.UpdateDeviceStatus".into(),
            json!({"AccessToken": "acc", "DeviceKey": DEVICE_KEY, "DeviceRememberedStatus": "not_remembered"})
        )
    );
    assert_eq!(
        sent_json(&transport, 1),
        (
            "AWSCognitoIdentityProviderService.ForgetDevice".into(),
            json!({"AccessToken": "acc", "DeviceKey": DEVICE_KEY})
        )
    );
}

fn device_page(keys: &[&str], next: Option<&str>) -> String {
    let devices: Vec<_> = keys
        .iter()
        .map(|key| {
            json!({
                "DeviceKey": key,
                "DeviceAttributes": [
                    {"Name": "device_status", "Value": "valid"},
                    {"Name": "device_name", "Value": format!("name of {key}")},
                    {"Name": "dev:device_remembered_status", "Value": "remembered"},
                ],
                "DeviceCreateDate": 1.7e9,
                "DeviceLastModifiedDate": 1.7e9,
                "DeviceLastAuthenticatedDate": 1700000123.5,
            })
        })
        .collect();
    let mut page = json!({"Devices": devices});
    if let Some(next) = next {
        page["PaginationToken"] = json!(next);
    }
    page.to_string()
}

#[test]
fn listing_devices_follows_the_pages_to_the_end() {
    let transport = with_replies(&[
        (200, &device_page(&["d-1", "d-2"], Some("p2"))),
        (200, &device_page(&["d-3"], None)),
    ]);
    let devices = block_on(client(&transport).list_devices(&AccessToken::new("acc"))).unwrap();
    let keys: Vec<_> = devices.iter().map(|d| d.device_key.as_str()).collect();
    assert_eq!(keys, ["d-1", "d-2", "d-3"]);
    assert_eq!(devices[2].name(), Some("name of d-3"));
    assert_eq!(
        devices[0].remembered_status(),
        Some(DeviceRememberedStatus::Remembered)
    );
    assert_eq!(
        devices[0].device_last_authenticated_date,
        Some(1_700_000_123.5)
    );
    assert_eq!(devices[0].device_create_date, Some(1.7e9));
    assert_eq!(
        sent_json(&transport, 0).1,
        json!({"AccessToken": "acc", "Limit": 60})
    );
    assert_eq!(
        sent_json(&transport, 1).1,
        json!({"AccessToken": "acc", "Limit": 60, "PaginationToken": "p2"})
    );

    let endless = with_replies(&[
        (200, &device_page(&["d-1"], Some("p"))),
        (200, &device_page(&["d-1"], Some("p"))),
    ]);
    let error = block_on(client(&endless).list_devices(&AccessToken::new("acc"))).unwrap_err();
    assert!(
        matches!(error, CognitoError::UnexpectedResponse { .. }),
        "{error:?}"
    );
}

#[test]
fn a_remembered_device_proves_itself_in_two_round_trips() {
    let verifier_parameters = json!({
        "USERNAME": "user-1",
        "SRP_B": "499602d2",
        "SALT": "008f0102030405060708090a0b0c0d0e0f",
        "SECRET_BLOCK": "c2VjcmV0c3NlY3Jlc3Rzc2VjcmV0cw==",
    });
    let transport = with_replies(&[
        (
            200,
            &device_challenge("DEVICE_PASSWORD_VERIFIER", verifier_parameters),
        ),
        (200, &auth_reply(Some("ref"))),
    ]);
    let srp = SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd2]);
    let srp_a = srp.srp_a();
    let outcome = block_on(client(&transport).prove_device_with_srp_client(
        srp,
        device_srp_auth(),
        "a@example.com",
        &device(),
        || AT,
    ))
    .unwrap();
    assert!(matches!(outcome, SignInOutcome::SignedIn(_)), "{outcome:?}");
    assert_eq!(
        sent_json(&transport, 0).1,
        json!({
            "ChallengeName": "DEVICE_SRP_AUTH",
            "ClientId": "client-1",
            "Session": "session-1",
            "ChallengeResponses": {"USERNAME": "user-1", "DEVICE_KEY": DEVICE_KEY, "SRP_A": srp_a},
        })
    );
    // The signature amazon-cognito-identity-js computes for the same device and numbers.
    assert_eq!(
        sent_json(&transport, 1).1,
        json!({
            "ChallengeName": "DEVICE_PASSWORD_VERIFIER",
            "ClientId": "client-1",
            "Session": "session-DEVICE_PASSWORD_VERIFIER",
            "ChallengeResponses": {
                "USERNAME": "user-1",
                "DEVICE_KEY": DEVICE_KEY,
                "PASSWORD_CLAIM_SECRET_BLOCK": "c2VjcmV0c3NlY3Jlc3Rzc2VjcmV0cw==",
                "PASSWORD_CLAIM_SIGNATURE": "ank+/FmHH52Fg5fQ9AygfQdOLsxe1w2BBUpO2znvuP0=",
                "TIMESTAMP": "Tue Jul 10 11:01:00 UTC 2018",
            },
        })
    );
}

#[test]
fn device_proof_passes_other_steps_on_and_refuses_bad_challenges() {
    // Not DEVICE_SRP_AUTH: nothing is sent.
    let transport = ScriptedTransport::default();
    let other = ChallengeSessionInfo {
        name: ChallengeName::SoftwareTokenMfa,
        ..device_srp_auth()
    };
    let outcome =
        block_on(client(&transport).prove_device(other, "a@example.com", &device(), || AT));
    assert!(
        matches!(outcome, Ok(SignInOutcome::Challenge(c)) if c.name == ChallengeName::SoftwareTokenMfa)
    );
    assert!(transport.sent.borrow().is_empty());

    // Cognito answers DEVICE_SRP_AUTH with a refusal or another step: passed on.
    let transport = with_replies(&[(
        400,
        r#"{"__type":"ResourceNotFoundException","message":"Device does not exist."}"#,
    )]);
    let error = block_on(client(&transport).prove_device(
        device_srp_auth(),
        "a@example.com",
        &device(),
        || AT,
    ))
    .unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::ResourceNotFound));

    // A verifier challenge without SRP_B: refused before any answer.
    let transport = with_replies(&[(
        200,
        &device_challenge(
            "DEVICE_PASSWORD_VERIFIER",
            json!({"SALT": "01", "SECRET_BLOCK": "AAAA"}),
        ),
    )]);
    let error = block_on(client(&transport).prove_device(
        device_srp_auth(),
        "a@example.com",
        &device(),
        || AT,
    ))
    .unwrap_err();
    assert!(
        matches!(error, CognitoError::UnexpectedResponse { .. }),
        "{error:?}"
    );
    assert_eq!(transport.sent.borrow().len(), 1);
}
