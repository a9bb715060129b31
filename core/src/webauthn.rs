//! Passkeys (WebAuthn) as Cognito speaks them: its options read into what the browser's
//! `navigator.credentials` takes, the browser's answers written in the JSON Cognito reads, and
//! what a failed passkey request means. Conversions are done here rather than by the browser's
//! `parseRequestOptionsFromJSON`/`toJSON()`, which not every browser has.

mod failure;
mod options;
mod response;

pub use failure::{Ceremony, PasskeyError};
pub use options::{
    CreationOptions, CredentialDescriptor, OptionsError, RequestOptions, UserEntity,
};
pub use response::{Assertion, Attestation};

use crate::base64url;
use serde_json::Value;

/// A byte string as WebAuthn's JSON writes it.
fn encoded(bytes: &[u8]) -> Value {
    Value::String(base64url::encode(bytes))
}

#[cfg(test)]
mod tests;
