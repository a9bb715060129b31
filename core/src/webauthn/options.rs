//! Cognito's passkey options, read from their JSON form (PublicKeyCredentialRequestOptionsJSON,
//! PublicKeyCredentialCreationOptionsJSON) into what `navigator.credentials` takes: the byte
//! strings decoded, everything else kept exactly as sent (`rpId`, `timeout`, `hints`,
//! `extensions`, ...), so the browser sees what Cognito asked for.

use super::encoded;
use crate::base64url;
use serde_json::{Map, Value};

/// Why Cognito's passkey options can't be used. `Display` is for developers; the field is named
/// as in the JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionsError {
    #[error("the passkey options are not JSON")]
    NotJson,
    #[error("the passkey options are not a JSON object")]
    NotAnObject,
    #[error("the passkey options lack `{0}`")]
    Missing(&'static str),
    #[error("`{0}` in the passkey options has the wrong type")]
    WrongType(&'static str),
    #[error("`{0}` in the passkey options is not base64url")]
    NotBase64Url(&'static str),
    /// The browser found the options unusable (its own words, e.g. a TypeError's message).
    #[error("the browser refused the passkey options: {0}")]
    RefusedByBrowser(String),
}

/// A credential named in `allowCredentials` or `excludeCredentials`.
#[derive(Debug, Clone, PartialEq)]
pub struct CredentialDescriptor {
    pub id: Vec<u8>,
    /// `type`, `transports` and anything newer, as sent.
    pub rest: Map<String, Value>,
}

/// What `navigator.credentials.get` needs to sign in with a passkey (`WEB_AUTHN`'s
/// `CREDENTIAL_REQUEST_OPTIONS`).
#[derive(Debug, Clone, PartialEq)]
pub struct RequestOptions {
    pub challenge: Vec<u8>,
    /// `None` when Cognito sent no list (any of the user's passkeys for the site will do).
    pub allow_credentials: Option<Vec<CredentialDescriptor>>,
    /// The other members, as sent.
    pub rest: Map<String, Value>,
}

/// `user` of [`CreationOptions`].
#[derive(Debug, Clone, PartialEq)]
pub struct UserEntity {
    /// The user handle the passkey is stored under.
    pub id: Vec<u8>,
    /// `name`, `displayName`, as sent.
    pub rest: Map<String, Value>,
}

/// What `navigator.credentials.create` needs to make a passkey (`StartWebAuthnRegistration`'s
/// `CredentialCreationOptions`).
#[derive(Debug, Clone, PartialEq)]
pub struct CreationOptions {
    pub challenge: Vec<u8>,
    pub user: UserEntity,
    /// The user's passkeys already registered, which the authenticator must not make again.
    pub exclude_credentials: Option<Vec<CredentialDescriptor>>,
    /// `rp`, `pubKeyCredParams`, `authenticatorSelection`, `timeout`, ... as sent.
    pub rest: Map<String, Value>,
}

impl RequestOptions {
    /// Reads the JSON text Cognito sends as `CREDENTIAL_REQUEST_OPTIONS`.
    pub fn from_json(text: &str) -> Result<Self, OptionsError> {
        let value = serde_json::from_str(text).map_err(|_| OptionsError::NotJson)?;
        Self::from_value(value)
    }

    pub fn from_value(value: Value) -> Result<Self, OptionsError> {
        let mut rest = into_object(value)?;
        Ok(Self {
            challenge: take_bytes(&mut rest, "challenge", "challenge")?,
            allow_credentials: take_descriptors(
                &mut rest,
                "allowCredentials",
                "allowCredentials[].id",
            )?,
            rest,
        })
    }

    /// The options in their JSON form again, byte strings in base64url.
    pub fn to_json(&self) -> Value {
        let mut json = self.rest.clone();
        json.insert("challenge".into(), encoded(&self.challenge));
        if let Some(list) = &self.allow_credentials {
            json.insert("allowCredentials".into(), descriptors_json(list));
        }
        Value::Object(json)
    }
}

impl CreationOptions {
    /// Reads `CredentialCreationOptions` from `StartWebAuthnRegistration`'s reply.
    pub fn from_value(value: Value) -> Result<Self, OptionsError> {
        let mut rest = into_object(value)?;
        let mut user = match rest.remove("user") {
            Some(Value::Object(user)) => user,
            Some(_) => return Err(OptionsError::WrongType("user")),
            None => return Err(OptionsError::Missing("user")),
        };
        Ok(Self {
            challenge: take_bytes(&mut rest, "challenge", "challenge")?,
            user: UserEntity {
                id: take_bytes(&mut user, "id", "user.id")?,
                rest: user,
            },
            exclude_credentials: take_descriptors(
                &mut rest,
                "excludeCredentials",
                "excludeCredentials[].id",
            )?,
            rest,
        })
    }

    /// The options in their JSON form again, byte strings in base64url.
    pub fn to_json(&self) -> Value {
        let mut json = self.rest.clone();
        json.insert("challenge".into(), encoded(&self.challenge));
        let mut user = self.user.rest.clone();
        user.insert("id".into(), encoded(&self.user.id));
        json.insert("user".into(), Value::Object(user));
        if let Some(list) = &self.exclude_credentials {
            json.insert("excludeCredentials".into(), descriptors_json(list));
        }
        Value::Object(json)
    }
}

fn into_object(value: Value) -> Result<Map<String, Value>, OptionsError> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(OptionsError::NotAnObject),
    }
}

/// Removes the base64url member `key` and decodes it; `path` names it in errors.
fn take_bytes(
    map: &mut Map<String, Value>,
    key: &str,
    path: &'static str,
) -> Result<Vec<u8>, OptionsError> {
    match map.remove(key) {
        Some(Value::String(text)) => {
            base64url::decode(&text).map_err(|_| OptionsError::NotBase64Url(path))
        }
        Some(_) => Err(OptionsError::WrongType(path)),
        None => Err(OptionsError::Missing(path)),
    }
}

/// Removes the optional list of credential descriptors `key` and decodes each one's id.
fn take_descriptors(
    map: &mut Map<String, Value>,
    key: &'static str,
    id_path: &'static str,
) -> Result<Option<Vec<CredentialDescriptor>>, OptionsError> {
    let list = match map.remove(key) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(OptionsError::WrongType(key)),
    };
    list.into_iter()
        .map(|item| {
            let mut rest = match item {
                Value::Object(rest) => rest,
                _ => return Err(OptionsError::WrongType(key)),
            };
            Ok(CredentialDescriptor {
                id: take_bytes(&mut rest, "id", id_path)?,
                rest,
            })
        })
        .collect::<Result<_, _>>()
        .map(Some)
}

fn descriptors_json(list: &[CredentialDescriptor]) -> Value {
    list.iter()
        .map(|descriptor| {
            let mut json = descriptor.rest.clone();
            json.insert("id".into(), encoded(&descriptor.id));
            Value::Object(json)
        })
        .collect()
}
