//! The client side of Cognito's SRP-6a (`USER_SRP_AUTH`, and a remembered device's
//! `DEVICE_SRP_AUTH` in [`device`]): the password never leaves the browser, only a proof that
//! whoever sends it knows the password.
//!
//! Cognito's variant, step by step (H = SHA-256, `pad` = [`pad_hex`] as bytes, `‖` = concatenate):
//!
//! - the 3072-bit group of RFC 3526 with `g = 2`, and `k = H(pad(N) ‖ pad(g))`;
//! - a random secret `a` of 128 bytes and `A = g^a mod N`, sent as `SRP_A`;
//! - the server answers `SALT`, `SRP_B`, `SECRET_BLOCK` and `USER_ID_FOR_SRP`;
//! - `u = H(pad(A) ‖ pad(B))`, `x = H(pad(salt) ‖ H(poolName ‖ userId ‖ ":" ‖ password))`;
//! - `S = (B − k·g^x)^(a + u·x) mod N`;
//! - `key = HKDF-SHA256(salt = pad(u), ikm = pad(S), info = "Caldera Derived Key")`, 16 bytes;
//! - `PASSWORD_CLAIM_SIGNATURE = base64(HMAC-SHA256(key, poolName ‖ userId ‖ secretBlock ‖ timestamp))`.
//!
//! `poolName` is the part of the user pool id after the `_`. Numbers travel as hex; every hash
//! input uses the padded form, so values with a leading zero byte hash as Cognito expects.

use crate::secret::Password;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use dashu_int::UBig;
use group::{g_pow_by_squaring, hash_to_number, number, padded, parse_hex, to_hex, Group};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use zeroize::{Zeroize, Zeroizing};

pub mod device;
mod g_table;
mod group;
mod timestamp;

pub use timestamp::timestamp;

/// Makes the table of powers of `g` that takes most of the work out of `g^x` when the server's
/// answer arrives (97,920 bytes, kept for the page's life; see `g_table`). Takes about as long
/// as one `A`: call it while nothing waits, before the sign-in. Later calls return at once.
pub fn precompute() {
    g_table::GTable::make();
}

/// One SRP attempt made ahead of the sign-in that will use it, shared by clones: put when made,
/// taken (so used once) by the sign-in.
#[derive(Clone, Default)]
pub struct SrpAhead(Arc<Mutex<Option<SrpClient>>>);

impl SrpAhead {
    /// Keeps `srp`, replacing any attempt kept before.
    pub fn put(&self, srp: SrpClient) {
        *self.slot() = Some(srp);
    }

    /// The kept attempt, leaving none.
    pub fn take(&self) -> Option<SrpClient> {
        self.slot().take()
    }

    /// Whether an attempt is kept.
    pub fn is_ready(&self) -> bool {
        self.slot().is_some()
    }

    fn slot(&self) -> MutexGuard<'_, Option<SrpClient>> {
        // Nothing can leave the slot half-written: a poisoned lock holds a whole value.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for SrpAhead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SrpAhead")
            .field("ready", &self.is_ready())
            .finish()
    }
}

/// The HKDF `info` Cognito uses.
const INFO: &[u8] = b"Caldera Derived Key";
/// How many random bytes make the secret exponent `a` (as AWS's own clients use).
pub const SMALL_A_LEN: usize = 128;

/// Why the SRP math could not produce a proof.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SrpError {
    /// A challenge parameter is absent.
    #[error("the SRP challenge has no {0}")]
    Missing(&'static str),
    /// A challenge parameter is not what it should be (hex for numbers, base64 for the block).
    #[error("the SRP challenge parameter {0} is malformed")]
    Malformed(&'static str),
    /// `B mod N = 0` would let anyone pass: refused.
    #[error("the server's SRP_B is zero modulo N")]
    BIsZero,
    /// `u = 0` would make the proof independent of the password: refused.
    #[error("the SRP scrambling parameter u is zero")]
    UIsZero,
    /// No secure random numbers (in a browser: no `crypto.getRandomValues`).
    #[error("no secure random numbers: {0}")]
    NoRandomness(String),
}

/// The hex form of a number that Cognito hashes: even length, and a leading `00` when the
/// first digit would otherwise be 8–f (Java's two's-complement bytes of a positive number).
/// `1 → 01`, `128 → 0080`, `8123abcd → 008123abcd`.
pub fn pad_hex(hex: &str) -> Result<String, SrpError> {
    Ok(to_hex(&padded(&parse_hex(hex, "number")?)))
}

/// The user pool's name as SRP uses it: what follows the `_` in the pool id
/// (`eu-west-1_myPool` → `myPool`). An id without `_` is used whole.
pub fn pool_name(user_pool_id: &str) -> &str {
    user_pool_id
        .split_once('_')
        .map_or(user_pool_id, |(_, name)| name)
}

/// The 16-byte key both sides derive; it signs the claim. Never printed, wiped on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct DerivedKey([u8; 16]);

impl DerivedKey {
    /// The key bytes, for the signature and for known-answer tests.
    pub fn expose_secret(&self) -> &[u8; 16] {
        &self.0
    }
}

impl fmt::Debug for DerivedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DerivedKey([redacted])")
    }
}

impl Drop for DerivedKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// What `PASSWORD_VERIFIER` carries, read from the challenge parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifierChallenge {
    /// The internal username; the proof and the answer's `USERNAME` use it, not the email.
    pub user_id_for_srp: String,
    /// `B`, hex.
    pub srp_b: String,
    /// The salt, hex.
    pub salt: String,
    /// Opaque base64 text, signed (decoded) and sent back as is.
    pub secret_block: String,
}

impl VerifierChallenge {
    /// Reads the parameters of a `PASSWORD_VERIFIER` challenge.
    pub fn from_parameters(parameters: &BTreeMap<String, String>) -> Result<Self, SrpError> {
        let get = |name| required(parameters, name);
        Ok(Self {
            user_id_for_srp: get("USER_ID_FOR_SRP")?,
            srp_b: get("SRP_B")?,
            salt: get("SALT")?,
            secret_block: get("SECRET_BLOCK")?,
        })
    }
}

/// A challenge parameter that must be present and non-empty.
fn required(parameters: &BTreeMap<String, String>, name: &'static str) -> Result<String, SrpError> {
    parameters
        .get(name)
        .filter(|v| !v.is_empty())
        .cloned()
        .ok_or(SrpError::Missing(name))
}

/// Whom a proof speaks for. Cognito hashes `realm ‖ name ‖ ":" ‖ password` into `x` and signs
/// `realm ‖ name ‖ block ‖ timestamp`: for a user, the pool's name and the user's id; for a
/// remembered device, its group key and its own key.
#[derive(Clone, Copy)]
struct Identity<'a> {
    realm: &'a str,
    name: &'a str,
    password: &'a str,
}

impl Identity<'_> {
    /// `x = H(pad(salt) ‖ H(realm ‖ name ‖ ":" ‖ password))`; the caller wipes it.
    fn private_key(&self, salt: &UBig) -> UBig {
        let mut identity = Sha256::new();
        identity.update(self.realm.as_bytes());
        identity.update(self.name.as_bytes());
        identity.update(b":");
        identity.update(self.password.as_bytes());
        let mut identity_hash = Zeroizing::new(<[u8; 32]>::from(identity.finalize()));
        let x = hash_to_number(&[&padded(salt), identity_hash.as_slice()]);
        identity_hash.zeroize();
        x
    }
}

/// The answer to `PASSWORD_VERIFIER`, ready for `RespondToAuthChallenge`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordClaim {
    pub username: String,
    pub secret_block: String,
    pub signature: String,
    pub timestamp: String,
}

/// One SRP sign-in attempt: the secret `a` and the public `A` that goes with it.
///
/// `a` lives in a buffer that is wiped on drop and is never printed; use a new `SrpClient`
/// for every attempt.
pub struct SrpClient {
    small_a: Zeroizing<Vec<u8>>,
    large_a: UBig,
}

impl fmt::Debug for SrpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SrpClient")
            .field("small_a", &"[redacted]")
            .field("large_a", &self.srp_a())
            .finish()
    }
}

impl SrpClient {
    /// A fresh attempt with `a` from the system's secure random source (in a browser,
    /// `crypto.getRandomValues`).
    pub fn generate() -> Result<Self, SrpError> {
        let mut bytes = Zeroizing::new(vec![0u8; SMALL_A_LEN]);
        getrandom::getrandom(&mut bytes).map_err(|e| SrpError::NoRandomness(e.to_string()))?;
        Ok(Self::with_small_a(&bytes))
    }

    /// An attempt with a given secret `a` (big-endian bytes): for tests and cross-checks.
    /// Production code uses [`SrpClient::generate`].
    pub fn with_small_a(small_a: &[u8]) -> Self {
        let mut a = small_a.to_vec();
        a.reverse();
        let large_a = number(&g_pow_by_squaring(&a));
        a.zeroize();
        Self {
            small_a: Zeroizing::new(small_a.to_vec()),
            large_a,
        }
    }

    /// `A` as the `SRP_A` parameter: lowercase hex without leading zeros.
    pub fn srp_a(&self) -> String {
        self.large_a.in_radix(16).to_string()
    }

    /// The key derived from the password and the server's `B` and salt.
    pub fn password_authentication_key(
        &self,
        pool_name: &str,
        user_id_for_srp: &str,
        password: &Password,
        srp_b: &str,
        salt: &str,
    ) -> Result<DerivedKey, SrpError> {
        let identity = Identity {
            realm: pool_name,
            name: user_id_for_srp,
            password: password.expose_secret(),
        };
        self.key(identity, srp_b, salt)
    }

    /// The key for `identity`, from the server's `B` and salt (hex).
    fn key(&self, identity: Identity<'_>, srp_b: &str, salt: &str) -> Result<DerivedKey, SrpError> {
        let group = Group::get();
        let b = parse_hex(srp_b, "SRP_B")?;
        let salt = parse_hex(salt, "SALT")?;
        if (&b % &group.n).is_zero() {
            return Err(SrpError::BIsZero);
        }
        let u = hash_to_number(&[&padded(&self.large_a), &padded(&b)]);
        if u.is_zero() {
            return Err(SrpError::UIsZero);
        }
        let mut x = identity.private_key(&salt);

        // S = (B - k·g^x)^(a + u·x) mod N; the subtraction is modulo N.
        let base = group
            .residue(&b)
            .sub(&group.residue(&group.k()).mul(&Group::g_pow(&x)));
        let mut exponent = UBig::from_be_bytes(&self.small_a) + &u * &x;
        x.zeroize();
        let mut exponent_bytes = exponent.to_le_bytes();
        exponent.zeroize();
        let mut s = number(&base.pow(&exponent_bytes));
        exponent_bytes.zeroize();
        let ikm = Zeroizing::new(padded(&s));
        s.zeroize();
        let (_, hkdf) = hkdf::Hkdf::<Sha256>::extract(Some(&padded(&u)), &ikm);
        let mut key = [0u8; 16];
        // 16 bytes is far below HKDF-SHA256's limit of 8160, so expand cannot fail.
        hkdf.expand(INFO, &mut key)
            .map_err(|_| SrpError::Malformed("key length"))?;
        Ok(DerivedKey(key))
    }

    /// `PASSWORD_CLAIM_SIGNATURE` for `identity` at `timestamp`: the key from `B` and the salt,
    /// then [`signature`] over the secret block.
    fn claim_signature(
        &self,
        identity: Identity<'_>,
        srp_b: &str,
        salt: &str,
        secret_block: &str,
        timestamp: &str,
    ) -> Result<String, SrpError> {
        let key = self.key(identity, srp_b, salt)?;
        signature(&key, identity.realm, identity.name, secret_block, timestamp)
    }

    /// The complete answer to a `PASSWORD_VERIFIER` challenge, signed at `timestamp`
    /// (see [`timestamp`]).
    pub fn password_claim(
        &self,
        user_pool_id: &str,
        challenge: &VerifierChallenge,
        password: &Password,
        timestamp: String,
    ) -> Result<PasswordClaim, SrpError> {
        let identity = Identity {
            realm: pool_name(user_pool_id),
            name: &challenge.user_id_for_srp,
            password: password.expose_secret(),
        };
        let signature = self.claim_signature(
            identity,
            &challenge.srp_b,
            &challenge.salt,
            &challenge.secret_block,
            &timestamp,
        )?;
        Ok(PasswordClaim {
            username: challenge.user_id_for_srp.clone(),
            secret_block: challenge.secret_block.clone(),
            signature,
            timestamp,
        })
    }
}

/// Decodes base64 with or without padding, as Cognito's blocks may come either way.
const LENIENT_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// `PASSWORD_CLAIM_SIGNATURE`: `base64(HMAC-SHA256(key, poolName ‖ userId ‖ block ‖ timestamp))`
/// where `block` is the decoded `SECRET_BLOCK`.
pub fn signature(
    key: &DerivedKey,
    pool_name: &str,
    user_id_for_srp: &str,
    secret_block: &str,
    timestamp: &str,
) -> Result<String, SrpError> {
    let block = LENIENT_BASE64
        .decode(secret_block.trim())
        .map_err(|_| SrpError::Malformed("SECRET_BLOCK"))?;
    // HMAC takes a key of any length.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.expose_secret())
        .map_err(|_| SrpError::Malformed("key length"))?;
    mac.update(pool_name.as_bytes());
    mac.update(user_id_for_srp.as_bytes());
    mac.update(&block);
    mac.update(timestamp.as_bytes());
    Ok(STANDARD.encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests;
