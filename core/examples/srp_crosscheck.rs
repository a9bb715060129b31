//! Runs SRP sign-ins for the cross-check against amazon-cognito-identity-js
//! (tests/srp-crosscheck/): reads a JSON array of cases on stdin, answers each sign-in's
//! `InitiateAuth` with the case's challenge, and prints what the client sent, one JSON array on
//! stdout. Nothing here is a shortcut: the requests come from `CognitoClient` itself.
//!
//! A case: `{"userPoolId", "email", "userIdForSrp", "password", "smallA" (hex), "srpB", "salt",
//! "secretBlock", "epochMs"}`. Its result: `{"srpA", "key" (hex), "respond"}` where `respond`
//! is the `ChallengeResponses` of the `RespondToAuthChallenge` request, or `{"error"}`.

#[path = "crosscheck_support/mod.rs"]
mod support;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::srp::{pool_name, SrpClient};
use leptos_cognito_core::CognitoClient;
use serde_json::{json, Value};
use std::cell::RefCell;
use support::{hex_bytes, text, CaseServer};

fn run(case: &Value) -> Result<Value, String> {
    let small_a = hex_bytes(text(case, "smallA")?)?;
    let user_id = text(case, "userIdForSrp")?;
    let password = text(case, "password")?;
    let (srp_b, salt) = (text(case, "srpB")?, text(case, "salt")?);
    let pool_id = text(case, "userPoolId")?;
    let epoch_ms = case["epochMs"]
        .as_u64()
        .ok_or("case field epochMs is missing")?;

    let key = SrpClient::with_small_a(&small_a)
        .password_authentication_key(
            pool_name(pool_id),
            user_id,
            &Password::new(password),
            srp_b,
            salt,
        )
        .map_err(|e| e.to_string())?;
    let key: String = key
        .expose_secret()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();

    let server = CaseServer {
        challenge: json!({
            "ChallengeName": "PASSWORD_VERIFIER",
            "ChallengeParameters": {
                "SALT": salt,
                "SRP_B": srp_b,
                "SECRET_BLOCK": text(case, "secretBlock")?,
                "USER_ID_FOR_SRP": user_id,
                "USERNAME": user_id,
            },
        })
        .to_string(),
        sent: RefCell::new(Vec::new()),
    };
    let client = CognitoClient::new(
        "http://crosscheck.invalid/",
        pool_id,
        "crosscheckclient",
        &server,
    );
    let outcome = pollster::block_on(client.sign_in_with_srp_client(
        SrpClient::with_small_a(&small_a),
        text(case, "email")?,
        Password::new(password),
        || epoch_ms,
    ));
    let sent = server.sent.borrow();
    let srp_a = sent
        .first()
        .map(|body| body["AuthParameters"]["SRP_A"].clone())
        .unwrap_or(Value::Null);
    let respond = match sent.get(1) {
        Some(body) => body["ChallengeResponses"].clone(),
        None => json!({ "error": format!("{outcome:?}") }),
    };
    Ok(json!({ "srpA": srp_a, "key": key, "respond": respond }))
}

fn main() {
    // As the app runs it: g^x from the table of powers of g.
    leptos_cognito_core::srp::precompute();
    support::run_cases(run);
}
