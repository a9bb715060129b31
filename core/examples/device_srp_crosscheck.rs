//! Runs remembered-device SRP for the cross-check against amazon-cognito-identity-js
//! (tests/srp-crosscheck/device.test.mjs): reads a JSON array of cases on stdin and prints one
//! JSON array of results on stdout. The verifier comes from `DeviceVerifier`, the proof from
//! `CognitoClient::prove_device_with_srp_client` answering the case's challenge, so the
//! requests are the client's own.
//!
//! A case: `{"groupKey", "deviceKey", "username", "passwordBytes" (hex), "saltBytes" (hex),
//! "smallA" (hex), "srpB", "salt", "secretBlock", "epochMs"}`. Its result: `{"password",
//! "salt", "verifier", "srpAuth", "verifierAnswer"}` (the last two are the
//! `ChallengeResponses` sent), or `{"error"}`.

#[path = "crosscheck_support/mod.rs"]
mod support;
use leptos_cognito_core::api::{ChallengeName, ChallengeSessionInfo};
use leptos_cognito_core::secret::DeviceSecret;
use leptos_cognito_core::srp::device::{DeviceVerifier, RememberedDevice};
use leptos_cognito_core::srp::SrpClient;
use leptos_cognito_core::CognitoClient;
use serde_json::{json, Value};
use std::cell::RefCell;
use support::{hex_bytes, text, CaseServer};

fn run(case: &Value) -> Result<Value, String> {
    let (group_key, device_key) = (text(case, "groupKey")?, text(case, "deviceKey")?);
    let secret = DeviceSecret::from_random_bytes(&hex_bytes(text(case, "passwordBytes")?)?);
    let verifier = DeviceVerifier::new(
        group_key,
        device_key,
        &secret,
        &hex_bytes(text(case, "saltBytes")?)?,
    );
    let epoch_ms = case["epochMs"]
        .as_u64()
        .ok_or("case field epochMs is missing")?;
    let username = text(case, "username")?;
    let mut small_a = text(case, "smallA")?.to_owned();
    if small_a.len() % 2 == 1 {
        small_a.insert(0, '0');
    }

    let server = CaseServer {
        challenge: json!({
            "ChallengeName": "DEVICE_PASSWORD_VERIFIER",
            "Session": "session-2",
            "ChallengeParameters": {
                "SRP_B": text(case, "srpB")?,
                "SALT": text(case, "salt")?,
                "SECRET_BLOCK": text(case, "secretBlock")?,
                "USERNAME": username,
            },
        })
        .to_string(),
        sent: RefCell::new(Vec::new()),
    };
    let client = CognitoClient::new(
        "http://crosscheck.invalid/",
        "eu-west-1_crosscheck",
        "crosscheckclient",
        &server,
    );
    let challenge = ChallengeSessionInfo {
        name: ChallengeName::DeviceSrpAuth,
        session: None,
        parameters: [("USERNAME".to_owned(), username.to_owned())].into(),
        available: Vec::new(),
    };
    let device = RememberedDevice {
        key: device_key.to_owned(),
        group_key: group_key.to_owned(),
        secret: secret.clone(),
    };
    let outcome = pollster::block_on(client.prove_device_with_srp_client(
        SrpClient::with_small_a(&hex_bytes(&small_a)?),
        challenge,
        username,
        &device,
        || epoch_ms,
    ));
    let sent = server.sent.borrow();
    let answer = |index: usize| match sent.get(index) {
        Some(body) => body["ChallengeResponses"].clone(),
        None => json!({ "error": format!("{outcome:?}") }),
    };
    Ok(json!({
        "password": secret.expose_secret(),
        "salt": verifier.salt_b64,
        "verifier": verifier.verifier_b64,
        "srpAuth": answer(0),
        "verifierAnswer": answer(1),
    }))
}

fn main() {
    // As the app runs it: g^x from the table of powers of g.
    leptos_cognito_core::srp::precompute();
    support::run_cases(run);
}
