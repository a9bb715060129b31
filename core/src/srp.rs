//! The client side of Cognito's SRP-6a (`USER_SRP_AUTH`): the password never leaves the browser,
//! only a proof that whoever sends it knows the password.
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
use dashu_int::monty::{Montgomery, MontgomeryRepr};
use dashu_int::ops::BitTest;
use dashu_int::UBig;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;
use zeroize::{Zeroize, Zeroizing};

mod timestamp;

pub use timestamp::timestamp;

/// RFC 3526's 3072-bit MODP prime, the group Cognito uses.
const N_HEX: &str = concat!(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74",
    "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437",
    "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED",
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05",
    "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB",
    "9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B",
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718",
    "3995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33",
    "A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7",
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864",
    "D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E2",
    "08E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
);
const G: u32 = 2;
/// The HKDF `info` Cognito uses.
const INFO: &[u8] = b"Caldera Derived Key";
/// How many random bytes make the secret exponent `a` (as AWS's own clients use).
pub const SMALL_A_LEN: usize = 128;

/// Why the SRP math could not produce a proof.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SrpError {
    /// A challenge parameter is absent.
    #[error("the PASSWORD_VERIFIER challenge has no {0}")]
    Missing(&'static str),
    /// A challenge parameter is not what it should be (hex for numbers, base64 for the block).
    #[error("the PASSWORD_VERIFIER parameter {0} is malformed")]
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

/// The group: `N`, and arithmetic modulo `N` in Montgomery form (set up per use, which costs
/// little next to one exponentiation).
struct Group {
    n: UBig,
    ring: MontgomeryRepr,
}

impl Group {
    fn get() -> Self {
        // A constant that parses, and an odd modulus as Montgomery form needs.
        let n = UBig::from_str_radix(N_HEX, 16).unwrap_or(UBig::ONE);
        let ring = MontgomeryRepr::new(n.clone());
        Self { n, ring }
    }

    /// `k = H(pad(N) ‖ pad(g))`.
    fn k(&self) -> UBig {
        hash_to_number(&[&padded(&self.n), &padded(&UBig::from(G))])
    }

    /// `g^e mod N`. With `g = 2` every step is a squaring, then a doubling for each one bit
    /// (cheap: an addition), so this needs no multiplications at all.
    fn g_pow<'r>(&'r self, e: &UBig) -> Montgomery<'r> {
        let mut result = self.ring.reduce(1u8);
        for bit in (0..e.bit_len()).rev() {
            result = result.sqr();
            if e.bit(bit) {
                result = result.dbl();
            }
        }
        result
    }
}

/// Big-endian bytes of `n` as Java's `BigInteger.toByteArray` gives them for a positive number:
/// a leading zero byte when the top bit is set, and `[0]` for zero.
fn padded(n: &UBig) -> Vec<u8> {
    let bytes = n.to_be_bytes();
    let mut out = Vec::with_capacity(bytes.len() + 1);
    if bytes.first().is_none_or(|b| b & 0x80 != 0) {
        out.push(0);
    }
    out.extend_from_slice(&bytes);
    out
}

/// The hex form of a number that Cognito hashes: even length, and a leading `00` when the
/// first digit would otherwise be 8–f (Java's two's-complement bytes of a positive number).
/// `1 → 01`, `128 → 0080`, `8123abcd → 008123abcd`.
pub fn pad_hex(hex: &str) -> Result<String, SrpError> {
    Ok(to_hex(&padded(&parse_hex(hex, "number")?)))
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// Parses a non-empty hex number (any case, any length). Cognito sends `SRP_B` and `SALT` so.
fn parse_hex(hex: &str, name: &'static str) -> Result<UBig, SrpError> {
    if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SrpError::Malformed(name));
    }
    UBig::from_str_radix(hex, 16).map_err(|_| SrpError::Malformed(name))
}

/// SHA-256 of the concatenation of `parts`, as a number.
fn hash_to_number(parts: &[&[u8]]) -> UBig {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
    }
    UBig::from_be_bytes(&hash.finalize())
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
        let get = |name: &'static str| {
            parameters
                .get(name)
                .filter(|v| !v.is_empty())
                .cloned()
                .ok_or(SrpError::Missing(name))
        };
        Ok(Self {
            user_id_for_srp: get("USER_ID_FOR_SRP")?,
            srp_b: get("SRP_B")?,
            salt: get("SALT")?,
            secret_block: get("SECRET_BLOCK")?,
        })
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
        let group = Group::get();
        let mut a = UBig::from_be_bytes(small_a);
        let large_a = group.g_pow(&a).residue();
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
        let mut identity = Sha256::new();
        identity.update(pool_name.as_bytes());
        identity.update(user_id_for_srp.as_bytes());
        identity.update(b":");
        identity.update(password.expose_secret().as_bytes());
        let mut identity_hash = Zeroizing::new(<[u8; 32]>::from(identity.finalize()));
        let mut x = hash_to_number(&[&padded(&salt), identity_hash.as_slice()]);
        identity_hash.zeroize();

        // S = (B - k·g^x)^(a + u·x) mod N; the subtraction is modulo N.
        let base = group.ring.reduce(b) - group.ring.reduce(group.k()) * group.g_pow(&x);
        let mut exponent = UBig::from_be_bytes(&self.small_a) + &u * &x;
        x.zeroize();
        let mut s = base.pow(&exponent).residue();
        exponent.zeroize();
        let ikm = Zeroizing::new(padded(&s));
        s.zeroize();
        let (_, hkdf) = hkdf::Hkdf::<Sha256>::extract(Some(&padded(&u)), &ikm);
        let mut key = [0u8; 16];
        // 16 bytes is far below HKDF-SHA256's limit of 8160, so expand cannot fail.
        hkdf.expand(INFO, &mut key)
            .map_err(|_| SrpError::Malformed("key length"))?;
        Ok(DerivedKey(key))
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
        let pool = pool_name(user_pool_id);
        let key = self.password_authentication_key(
            pool,
            &challenge.user_id_for_srp,
            password,
            &challenge.srp_b,
            &challenge.salt,
        )?;
        let signature = signature(
            &key,
            pool,
            &challenge.user_id_for_srp,
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
