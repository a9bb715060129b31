//! What a passkey answered, in the JSON forms Cognito reads (AuthenticationResponseJSON,
//! RegistrationResponseJSON): byte strings in base64url, optional members left out when the
//! browser had nothing for them.
//!
//! Neither type has `Debug`: an assertion is a signed proof of the user, and neither belongs in
//! a log.

use super::encoded;
use crate::base64url;
use serde_json::{json, Map, Value};

/// What `navigator.credentials.get` gave: a `PublicKeyCredential` with an
/// `AuthenticatorAssertionResponse`.
#[derive(Clone, PartialEq)]
pub struct Assertion {
    pub raw_id: Vec<u8>,
    pub client_data_json: Vec<u8>,
    pub authenticator_data: Vec<u8>,
    pub signature: Vec<u8>,
    /// The user handle a discoverable passkey stores; absent for others.
    pub user_handle: Option<Vec<u8>>,
    /// `platform` or `cross-platform`, where the browser says.
    pub authenticator_attachment: Option<String>,
    pub client_extension_results: Map<String, Value>,
}

/// What `navigator.credentials.create` gave: a `PublicKeyCredential` with an
/// `AuthenticatorAttestationResponse`. The members after `attestation_object` come from
/// methods some browsers lack (`getTransports()`, ...); `None` leaves them out.
#[derive(Clone, PartialEq)]
pub struct Attestation {
    pub raw_id: Vec<u8>,
    pub client_data_json: Vec<u8>,
    pub attestation_object: Vec<u8>,
    pub transports: Option<Vec<String>>,
    /// A COSE algorithm number, e.g. -7 for ES256.
    pub public_key_algorithm: Option<i64>,
    /// SubjectPublicKeyInfo (DER); `None` also when the browser can't express the key so.
    pub public_key: Option<Vec<u8>>,
    pub authenticator_data: Option<Vec<u8>>,
    pub authenticator_attachment: Option<String>,
    pub client_extension_results: Map<String, Value>,
}

impl Assertion {
    /// The AuthenticationResponseJSON.
    pub fn to_json(&self) -> Value {
        let mut response = Map::new();
        response.insert("clientDataJSON".into(), encoded(&self.client_data_json));
        response.insert(
            "authenticatorData".into(),
            encoded(&self.authenticator_data),
        );
        response.insert("signature".into(), encoded(&self.signature));
        if let Some(handle) = &self.user_handle {
            response.insert("userHandle".into(), encoded(handle));
        }
        credential_json(
            &self.raw_id,
            response,
            self.authenticator_attachment.as_deref(),
            &self.client_extension_results,
        )
    }

    /// The answer to `WEB_AUTHN`: Cognito's `CREDENTIAL` is the JSON as text.
    pub fn to_credential_string(&self) -> String {
        self.to_json().to_string()
    }
}

impl Attestation {
    /// The RegistrationResponseJSON, sent as `CompleteWebAuthnRegistration`'s `Credential`.
    pub fn to_json(&self) -> Value {
        let mut response = Map::new();
        response.insert("clientDataJSON".into(), encoded(&self.client_data_json));
        response.insert(
            "attestationObject".into(),
            encoded(&self.attestation_object),
        );
        if let Some(transports) = &self.transports {
            response.insert("transports".into(), json!(transports));
        }
        if let Some(algorithm) = self.public_key_algorithm {
            response.insert("publicKeyAlgorithm".into(), json!(algorithm));
        }
        if let Some(key) = &self.public_key {
            response.insert("publicKey".into(), encoded(key));
        }
        if let Some(data) = &self.authenticator_data {
            response.insert("authenticatorData".into(), encoded(data));
        }
        credential_json(
            &self.raw_id,
            response,
            self.authenticator_attachment.as_deref(),
            &self.client_extension_results,
        )
    }
}

/// The members both JSON forms share. `id` is `rawId` in base64url, which is what a browser's
/// `credential.id` is.
fn credential_json(
    raw_id: &[u8],
    response: Map<String, Value>,
    attachment: Option<&str>,
    extension_results: &Map<String, Value>,
) -> Value {
    let id = base64url::encode(raw_id);
    let mut json = Map::new();
    json.insert("id".into(), Value::String(id.clone()));
    json.insert("rawId".into(), Value::String(id));
    json.insert("type".into(), Value::String("public-key".into()));
    json.insert("response".into(), Value::Object(response));
    if let Some(attachment) = attachment {
        json.insert("authenticatorAttachment".into(), attachment.into());
    }
    json.insert(
        "clientExtensionResults".into(),
        Value::Object(extension_results.clone()),
    );
    Value::Object(json)
}
