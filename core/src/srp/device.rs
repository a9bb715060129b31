//! Remembered devices: a device Cognito tracks proves itself by SRP with a password of its own,
//! so a later sign-in from it can skip the second factor.
//!
//! After a sign-in that returns `NewDeviceMetadata {DeviceKey, DeviceGroupKey}`, the device
//! makes a random password and salt and registers the verifier `g^x mod N` with
//! `ConfirmDevice` ([`DeviceVerifier`]). Later, `DEVICE_SRP_AUTH` and
//! `DEVICE_PASSWORD_VERIFIER` run the user's SRP with the device group key in place of the
//! pool's name, the device key in place of the user id and the device password as the password
//! ([`SrpClient::device_password_claim`]).

use super::group::{number, padded, Group};
use super::{required, Identity, SrpClient, SrpError};
use crate::secret::DeviceSecret;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use dashu_int::UBig;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use zeroize::{Zeroize, Zeroizing};

/// Random bytes in a device password (base64 of them is the password), as AWS's clients use.
pub const DEVICE_SECRET_LEN: usize = 40;
/// Random bytes in a device verifier's salt.
pub const DEVICE_SALT_LEN: usize = 16;

impl DeviceSecret {
    /// A fresh device password from the system's secure random source.
    pub fn generate() -> Result<Self, SrpError> {
        let mut bytes = Zeroizing::new([0u8; DEVICE_SECRET_LEN]);
        random(bytes.as_mut_slice())?;
        Ok(Self::from_random_bytes(bytes.as_slice()))
    }

    /// The password made of given random bytes (standard base64 with padding): for tests and
    /// cross-checks. Production code uses [`DeviceSecret::generate`].
    pub fn from_random_bytes(bytes: &[u8]) -> Self {
        Self::new(STANDARD.encode(bytes))
    }
}

fn random(buffer: &mut [u8]) -> Result<(), SrpError> {
    getrandom::getrandom(buffer).map_err(|e| SrpError::NoRandomness(e.to_string()))
}

/// What `ConfirmDevice` registers as `DeviceSecretVerifierConfig`: `Salt` and
/// `PasswordVerifier`, each the base64 of a number's padded bytes (see [`super::pad_hex`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceVerifier {
    pub salt_b64: String,
    pub verifier_b64: String,
}

impl DeviceVerifier {
    /// The verifier of `secret` for the device `device_key` of the group `device_group_key`,
    /// with `salt` (random bytes, read as a big-endian number).
    pub fn new(
        device_group_key: &str,
        device_key: &str,
        secret: &DeviceSecret,
        salt: &[u8],
    ) -> Self {
        let salt = UBig::from_be_bytes(salt);
        let identity = Identity {
            realm: device_group_key,
            name: device_key,
            password: secret.expose_secret(),
        };
        let mut x = identity.private_key(&salt);
        let verifier = number(&Group::g_pow(&x));
        x.zeroize();
        Self {
            salt_b64: STANDARD.encode(padded(&salt)),
            verifier_b64: STANDARD.encode(padded(&verifier)),
        }
    }

    /// A new device password and its verifier, both from the secure random source.
    pub fn generate(
        device_group_key: &str,
        device_key: &str,
    ) -> Result<(DeviceSecret, Self), SrpError> {
        let secret = DeviceSecret::generate()?;
        let mut salt = [0u8; DEVICE_SALT_LEN];
        random(&mut salt)?;
        let verifier = Self::new(device_group_key, device_key, &secret, &salt);
        Ok((secret, verifier))
    }
}

/// A device Cognito remembers for a user: what a later sign-in from it needs. The secret is
/// kept only on this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RememberedDevice {
    /// Cognito's `DeviceKey`.
    pub key: String,
    /// Cognito's `DeviceGroupKey`.
    pub group_key: String,
    pub secret: DeviceSecret,
}

/// What `DEVICE_PASSWORD_VERIFIER` carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceVerifierChallenge {
    /// `B`, hex.
    pub srp_b: String,
    /// The salt registered with the verifier, hex.
    pub salt: String,
    /// Opaque base64 text, signed (decoded) and sent back as is.
    pub secret_block: String,
}

impl DeviceVerifierChallenge {
    /// Reads the parameters of a `DEVICE_PASSWORD_VERIFIER` challenge.
    pub fn from_parameters(parameters: &BTreeMap<String, String>) -> Result<Self, SrpError> {
        let get = |name| required(parameters, name);
        Ok(Self {
            srp_b: get("SRP_B")?,
            salt: get("SALT")?,
            secret_block: get("SECRET_BLOCK")?,
        })
    }
}

/// The proof part of the answer to `DEVICE_PASSWORD_VERIFIER` (the answer also names the
/// user and the device).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DevicePasswordClaim {
    pub secret_block: String,
    pub signature: String,
    pub timestamp: String,
}

impl SrpClient {
    /// The device's proof for a `DEVICE_PASSWORD_VERIFIER` challenge, signed at `timestamp`
    /// (see [`super::timestamp()`]). This `SrpClient`'s `A` is the one sent with
    /// `DEVICE_SRP_AUTH`.
    pub fn device_password_claim(
        &self,
        device: &RememberedDevice,
        challenge: &DeviceVerifierChallenge,
        timestamp: String,
    ) -> Result<DevicePasswordClaim, SrpError> {
        let identity = Identity {
            realm: &device.group_key,
            name: &device.key,
            password: device.secret.expose_secret(),
        };
        let signature = self.claim_signature(
            identity,
            &challenge.srp_b,
            &challenge.salt,
            &challenge.secret_block,
            &timestamp,
        )?;
        Ok(DevicePasswordClaim {
            secret_block: challenge.secret_block.clone(),
            signature,
            timestamp,
        })
    }
}

#[cfg(test)]
mod tests;
