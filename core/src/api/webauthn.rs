//! The operations behind a signed-in user's passkeys: adding one (start, then complete with the
//! browser's answer), listing them and deleting one.

use super::{Empty, Operation};
use crate::secret::AccessToken;
use serde::{Deserialize, Serialize};

/// Asks Cognito for the options of a new passkey for the signed-in user.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StartWebAuthnRegistration {
    pub access_token: AccessToken,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StartWebAuthnRegistrationResponse {
    /// PublicKeyCredentialCreationOptionsJSON, a JSON document (not text).
    pub credential_creation_options: serde_json::Value,
}

impl Operation for StartWebAuthnRegistration {
    const NAME: &'static str = "StartWebAuthnRegistration";
    type Response = StartWebAuthnRegistrationResponse;
}

/// Hands Cognito the browser's new passkey.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CompleteWebAuthnRegistration {
    pub access_token: AccessToken,
    /// RegistrationResponseJSON, as a JSON object (not text).
    pub credential: serde_json::Value,
}

impl Operation for CompleteWebAuthnRegistration {
    const NAME: &'static str = "CompleteWebAuthnRegistration";
    type Response = Empty;
}

/// One page of the signed-in user's passkeys.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListWebAuthnCredentials {
    pub access_token: AccessToken,
    /// Where the previous page ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// At most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_results: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListWebAuthnCredentialsResponse {
    pub credentials: Vec<WebAuthnCredentialDescription>,
    /// Present while there are more pages.
    #[serde(default)]
    pub next_token: Option<String>,
}

impl Operation for ListWebAuthnCredentials {
    const NAME: &'static str = "ListWebAuthnCredentials";
    type Response = ListWebAuthnCredentialsResponse;
}

/// A registered passkey, as Cognito lists it. Cognito's model requires the name and the
/// transports too, but a passkey missing them is still worth listing (and deleting).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct WebAuthnCredentialDescription {
    /// What [`DeleteWebAuthnCredential`] names it by.
    pub credential_id: String,
    /// The name the passkey provider gave it (e.g. "iCloud Keychain").
    #[serde(default)]
    pub friendly_credential_name: Option<String>,
    pub relying_party_id: String,
    /// `platform` or `cross-platform`.
    #[serde(default)]
    pub authenticator_attachment: Option<String>,
    /// `usb`, `nfc`, `ble`, `hybrid`, `internal`, ...
    #[serde(default)]
    pub authenticator_transports: Vec<String>,
    /// When it was registered, in seconds since the Unix epoch (a JSON number, may have a
    /// fraction).
    pub created_at: f64,
}

/// Deletes one of the signed-in user's passkeys.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteWebAuthnCredential {
    pub access_token: AccessToken,
    pub credential_id: String,
}

impl Operation for DeleteWebAuthnCredential {
    const NAME: &'static str = "DeleteWebAuthnCredential";
    type Response = Empty;
}
