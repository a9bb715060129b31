use super::*;
use crate::problem::{PasskeyProblem, Problem};
use serde_json::{json, Map};

/// `CREDENTIAL_REQUEST_OPTIONS` as Cognito sends it (amplify-js's test data, taken from a
/// real pool): a JSON string, with members `get` doesn't know (`attestation`, ...).
const COGNITO_REQUEST_OPTIONS: &str = r#"{"hints":[],"attestation":"none","attestationFormats":[],"challenge":"9DAxgg4vPiaxvAxc-JbMuw","timeout":180000,"rpId":"localhost","allowCredentials":[{"id":"1oG8PrTycHFuWdHAjIelCnsVx7XsrGIL44Whwr_8F8k","type":"public-key"}],"userVerification":"required"}"#;

/// `CredentialCreationOptions` from `StartWebAuthnRegistration` (amplify-js's test data). The
/// user handle is the user's `sub`, as text.
fn cognito_creation_options() -> serde_json::Value {
    json!({
        "rp": {"id": "localhost", "name": "localhost"},
        "user": {
            "id": "M2M0NjMyMGItYzYwZS00YTIxLTlkNjQtNTgyOWJmZWRlMWM0",
            "name": "james",
            "displayName": "",
        },
        "challenge": "zsBch6DlNLUb6SgRdzHysw",
        "pubKeyCredParams": [
            {"type": "public-key", "alg": -7},
            {"type": "public-key", "alg": -257},
        ],
        "timeout": 60000,
        "excludeCredentials": [
            {"type": "public-key", "id": "AAEC_w", "transports": ["internal", "hybrid"]},
        ],
        "authenticatorSelection": {
            "requireResidentKey": true,
            "residentKey": "required",
            "userVerification": "required",
        },
        "extensions": {"credProps": true},
    })
}

#[test]
fn request_options_decode_the_byte_strings_and_keep_the_rest_as_sent() {
    let options = RequestOptions::from_json(COGNITO_REQUEST_OPTIONS).unwrap();
    assert_eq!(
        options.challenge,
        [244, 48, 49, 130, 14, 47, 62, 38, 177, 188, 12, 92, 248, 150, 204, 187]
    );
    let allowed = options.allow_credentials.as_deref().unwrap();
    assert_eq!(allowed.len(), 1);
    assert_eq!(allowed[0].id.len(), 32);
    assert_eq!(allowed[0].rest, json_object(json!({"type": "public-key"})));
    assert_eq!(
        options.rest,
        json_object(json!({
            "hints": [],
            "attestation": "none",
            "attestationFormats": [],
            "timeout": 180000,
            "rpId": "localhost",
            "userVerification": "required",
        }))
    );
    let original: serde_json::Value = serde_json::from_str(COGNITO_REQUEST_OPTIONS).unwrap();
    assert_eq!(options.to_json(), original);
}

#[test]
fn request_options_without_a_list_of_passkeys_leave_it_to_the_browser() {
    let options =
        RequestOptions::from_json(r#"{"challenge":"AAEC","rpId":"example.com"}"#).unwrap();
    assert_eq!(options.challenge, [0, 1, 2]);
    assert_eq!(options.allow_credentials, None);
    assert_eq!(
        options.to_json(),
        json!({"challenge": "AAEC", "rpId": "example.com"})
    );
    let null = RequestOptions::from_json(r#"{"challenge":"AAEC","allowCredentials":null}"#);
    assert_eq!(null.unwrap().allow_credentials, None);
}

#[test]
fn creation_options_decode_challenge_user_handle_and_excluded_ids() {
    let original = cognito_creation_options();
    let options = CreationOptions::from_value(original.clone()).unwrap();
    assert_eq!(
        options.challenge,
        [206, 192, 92, 135, 160, 229, 52, 181, 27, 233, 40, 17, 119, 49, 242, 179]
    );
    assert_eq!(options.user.id, b"3c46320b-c60e-4a21-9d64-5829bfede1c4");
    assert_eq!(
        options.user.rest,
        json_object(json!({"name": "james", "displayName": ""}))
    );
    let excluded = options.exclude_credentials.as_deref().unwrap();
    assert_eq!(excluded[0].id, [0, 1, 2, 255]);
    assert_eq!(
        excluded[0].rest,
        json_object(json!({"type": "public-key", "transports": ["internal", "hybrid"]}))
    );
    assert!(options.rest.contains_key("pubKeyCredParams"));
    assert!(!options.rest.contains_key("challenge") && !options.rest.contains_key("user"));
    assert_eq!(options.to_json(), original);
}

#[test]
fn unusable_options_are_typed_errors() {
    let request = |text: &str| RequestOptions::from_json(text).unwrap_err();
    assert_eq!(request(""), OptionsError::NotJson);
    assert_eq!(request("{\"challenge\":"), OptionsError::NotJson);
    assert_eq!(request("[]"), OptionsError::NotAnObject);
    assert_eq!(request("\"AAEC\""), OptionsError::NotAnObject);
    assert_eq!(request("{}"), OptionsError::Missing("challenge"));
    assert_eq!(
        request(r#"{"challenge":null}"#),
        OptionsError::WrongType("challenge")
    );
    assert_eq!(
        request(r#"{"challenge":[1,2]}"#),
        OptionsError::WrongType("challenge")
    );
    assert_eq!(
        request(r#"{"challenge":"9DAx+g4v/iax"}"#),
        OptionsError::NotBase64Url("challenge")
    );
    assert_eq!(
        request(r#"{"challenge":"AAEC","allowCredentials":{"id":"AA"}}"#),
        OptionsError::WrongType("allowCredentials")
    );
    assert_eq!(
        request(r#"{"challenge":"AAEC","allowCredentials":["AA"]}"#),
        OptionsError::WrongType("allowCredentials")
    );
    assert_eq!(
        request(r#"{"challenge":"AAEC","allowCredentials":[{"type":"public-key"}]}"#),
        OptionsError::Missing("allowCredentials[].id")
    );
    assert_eq!(
        request(r#"{"challenge":"AAEC","allowCredentials":[{"id":"A","type":"public-key"}]}"#),
        OptionsError::NotBase64Url("allowCredentials[].id")
    );

    let creation = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut options = cognito_creation_options();
        change(&mut options);
        CreationOptions::from_value(options).unwrap_err()
    };
    assert_eq!(
        CreationOptions::from_value(json!(null)).unwrap_err(),
        OptionsError::NotAnObject
    );
    assert_eq!(
        creation(&|o| drop(o.as_object_mut().unwrap().remove("user"))),
        OptionsError::Missing("user")
    );
    assert_eq!(
        creation(&|o| o["user"] = json!("james")),
        OptionsError::WrongType("user")
    );
    assert_eq!(
        creation(&|o| drop(o["user"].as_object_mut().unwrap().remove("id"))),
        OptionsError::Missing("user.id")
    );
    assert_eq!(
        creation(&|o| o["user"]["id"] = json!("not base64url!")),
        OptionsError::NotBase64Url("user.id")
    );
    assert_eq!(
        creation(&|o| drop(o.as_object_mut().unwrap().remove("challenge"))),
        OptionsError::Missing("challenge")
    );
    assert_eq!(
        creation(&|o| o["excludeCredentials"][0]["id"] = json!(7)),
        OptionsError::WrongType("excludeCredentials[].id")
    );
}

fn assertion() -> Assertion {
    Assertion {
        raw_id: vec![
            188, 144, 162, 183, 212, 182, 114, 9, 64, 190, 245, 183, 183, 20, 62, 57,
        ],
        client_data_json: br#"{"type":"webauthn.get"}"#.to_vec(),
        authenticator_data: vec![0x49, 0x96, 0x0d, 0xe5, 0x05, 0x00, 0x00, 0x00, 0x01],
        signature: vec![0x30, 0x45, 0x02, 0x20, 0xff],
        user_handle: Some(b"3c46320b".to_vec()),
        authenticator_attachment: Some("platform".into()),
        client_extension_results: Map::new(),
    }
}

#[test]
fn the_assertion_is_cognitos_credential_json_for_known_bytes() {
    assert_eq!(
        assertion().to_json(),
        json!({
            "id": "vJCit9S2cglAvvW3txQ-OQ",
            "rawId": "vJCit9S2cglAvvW3txQ-OQ",
            "type": "public-key",
            "response": {
                "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0",
                "authenticatorData": "SZYN5QUAAAAB",
                "signature": "MEUCIP8",
                "userHandle": "M2M0NjMyMGI",
            },
            "authenticatorAttachment": "platform",
            "clientExtensionResults": {},
        })
    );
}

#[test]
fn the_credential_answer_is_the_json_as_text_and_leaves_out_what_the_browser_lacked() {
    let bare = Assertion {
        user_handle: None,
        authenticator_attachment: None,
        client_extension_results: json_object(json!({"credProps": {"rk": true}})),
        ..assertion()
    };
    let text = bare.to_credential_string();
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed, bare.to_json());
    assert!(!text.contains("userHandle") && !text.contains("authenticatorAttachment"));
    assert_eq!(
        parsed["clientExtensionResults"],
        json!({"credProps": {"rk": true}})
    );
}

fn attestation() -> Attestation {
    Attestation {
        raw_id: vec![1, 2, 3, 250],
        client_data_json: br#"{"type":"webauthn.create"}"#.to_vec(),
        attestation_object: vec![0xa3, 0x63, 0x66, 0x6d, 0x74],
        transports: Some(vec!["hybrid".into(), "internal".into()]),
        public_key_algorithm: Some(-7),
        public_key: Some(vec![0x30, 0x59, 0x30, 0x13]),
        authenticator_data: Some(vec![0x49, 0x96, 0x0d, 0xe5, 0x45]),
        authenticator_attachment: Some("cross-platform".into()),
        client_extension_results: json_object(json!({"credProps": {"rk": true}})),
    }
}

#[test]
fn the_attestation_is_the_registration_response_json_for_known_bytes() {
    assert_eq!(
        attestation().to_json(),
        json!({
            "id": "AQID-g",
            "rawId": "AQID-g",
            "type": "public-key",
            "response": {
                "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0",
                "attestationObject": "o2NmbXQ",
                "transports": ["hybrid", "internal"],
                "publicKeyAlgorithm": -7,
                "publicKey": "MFkwEw",
                "authenticatorData": "SZYN5UU",
            },
            "authenticatorAttachment": "cross-platform",
            "clientExtensionResults": {"credProps": {"rk": true}},
        })
    );
}

#[test]
fn an_attestation_from_an_older_browser_sends_only_what_it_had() {
    let older = Attestation {
        transports: None,
        public_key_algorithm: None,
        public_key: None,
        authenticator_data: None,
        authenticator_attachment: None,
        client_extension_results: Map::new(),
        ..attestation()
    };
    assert_eq!(
        older.to_json(),
        json!({
            "id": "AQID-g",
            "rawId": "AQID-g",
            "type": "public-key",
            "response": {
                "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0",
                "attestationObject": "o2NmbXQ",
            },
            "clientExtensionResults": {},
        })
    );
}

#[test]
fn rejections_are_read_by_their_name_and_ceremony() {
    use Ceremony::{Registration, SignIn};
    let cases = [
        (SignIn, "NotAllowedError", PasskeyError::Cancelled(SignIn)),
        (
            Registration,
            "NotAllowedError",
            PasskeyError::Cancelled(Registration),
        ),
        (SignIn, "NotSupportedError", PasskeyError::NotSupported),
        (Registration, "ConstraintError", PasskeyError::NotSupported),
        (SignIn, "SecurityError", PasskeyError::WrongSite),
        (Registration, "SecurityError", PasskeyError::WrongSite),
        (
            Registration,
            "InvalidStateError",
            PasskeyError::AlreadyRegistered,
        ),
        (
            SignIn,
            "InvalidStateError",
            PasskeyError::Other("InvalidStateError".into()),
        ),
        (SignIn, "AbortError", PasskeyError::Aborted),
        (
            SignIn,
            "UnknownError",
            PasskeyError::Other("UnknownError".into()),
        ),
        (SignIn, "", PasskeyError::Other("UnknownError".into())),
    ];
    for (ceremony, name, error) in cases {
        assert_eq!(
            PasskeyError::from_rejection(ceremony, name, "m"),
            error,
            "{name}"
        );
    }
    assert_eq!(
        PasskeyError::from_rejection(SignIn, "TypeError", "bad userVerification"),
        PasskeyError::Malformed(OptionsError::RefusedByBrowser(
            "bad userVerification".into()
        ))
    );
}

#[test]
fn each_failure_has_its_message() {
    let problem = |error: PasskeyError| error.problem();
    let passkey = Problem::Passkey;
    assert_eq!(
        problem(PasskeyError::Cancelled(Ceremony::SignIn)),
        passkey(PasskeyProblem::SignInCancelled)
    );
    assert_eq!(
        problem(PasskeyError::Cancelled(Ceremony::Registration)),
        passkey(PasskeyProblem::RegistrationCancelled)
    );
    assert_eq!(
        problem(PasskeyError::NotSupported),
        passkey(PasskeyProblem::Unsupported)
    );
    assert_eq!(
        problem(PasskeyError::WrongSite),
        passkey(PasskeyProblem::WrongSite)
    );
    assert_eq!(
        problem(PasskeyError::AlreadyRegistered),
        passkey(PasskeyProblem::AlreadyRegistered)
    );
    assert_eq!(
        problem(PasskeyError::Aborted),
        passkey(PasskeyProblem::Interrupted)
    );
    assert_eq!(
        problem(OptionsError::Missing("challenge").into()),
        passkey(PasskeyProblem::BadOptions)
    );
    assert_eq!(
        problem(PasskeyError::Other("UnknownError".into())),
        passkey(PasskeyProblem::Failed("UnknownError".into()))
    );
}

fn json_object(value: serde_json::Value) -> Map<String, serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}
