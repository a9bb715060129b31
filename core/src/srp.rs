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

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The `TIMESTAMP` Cognito expects for a moment given in milliseconds since the Unix epoch:
/// UTC, `ddd MMM D HH:mm:ss UTC YYYY`, the day not zero-padded, a 24-hour clock
/// (`1546322769000` → `Tue Jan 1 06:06:09 UTC 2019`).
///
/// The caller supplies the time (in a browser `Date.now()`), so this stays pure.
pub fn timestamp(epoch_ms: u64) -> String {
    let seconds = epoch_ms / 1000;
    let days = seconds / 86_400;
    let of_day = seconds % 86_400;
    let (year, month, day) = civil_date(days);
    // 1970-01-01 was a Thursday.
    let weekday = WEEKDAYS[((days + 4) % 7) as usize];
    let month_name = MONTHS[(month - 1) as usize];
    format!(
        "{weekday} {month_name} {day} {:02}:{:02}:{:02} UTC {year}",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

/// (year, month 1–12, day 1–31) of a day counted from 1970-01-01, in the proleptic Gregorian
/// calendar. Counts from 0000-03-01 so that the leap day ends each 4/100/400-year cycle.
fn civil_date(days_since_epoch: u64) -> (u64, u64, u64) {
    // 0000-03-01 to 1970-01-01 is 719 468 days.
    let days = days_since_epoch + 719_468;
    let era = days / 146_097; // 400-year cycles
    let day_of_era = days % 146_097;
    // Years into the cycle, allowing for the leap days of every 4th, 100th and 400th year.
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    // Months from March, with 153 days in each 5-month run (31+30+31+30+31).
    let march_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * march_month + 2) / 5 + 1;
    let month = if march_month < 10 {
        march_month + 3
    } else {
        march_month - 9
    };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        to_hex(bytes)
    }

    /// The public vector of alexrudd/cognito-srp's test.
    fn vector() -> (SrpClient, VerifierChallenge) {
        let client = SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd2]);
        let challenge = VerifierChallenge {
            user_id_for_srp: "test".into(),
            srp_b: "499602d2".into(),
            salt: "499602d2".into(),
            secret_block: STANDARD.encode("secretssecrestssecrets"),
        };
        (client, challenge)
    }

    #[test]
    fn k_matches_the_published_value() {
        assert_eq!(
            Group::get().k().in_radix(16).to_string(),
            "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6"
        );
    }

    #[test]
    fn the_group_is_rfc_3526s_3072_bit_prime() {
        let n = Group::get().n;
        assert_eq!(n.bit_len(), 3072);
        // Spot checks that the constant parsed whole: both ends are 64 one bits.
        assert_eq!(&n % (UBig::ONE << 64), UBig::from(u64::MAX));
        assert_eq!(&n >> (3072 - 64), UBig::from(u64::MAX));
    }

    #[test]
    fn known_answer_key_and_signature() {
        let (client, challenge) = vector();
        let password = Password::new("test");
        let key = client
            .password_authentication_key(
                "myPool",
                "test",
                &password,
                &challenge.srp_b,
                &challenge.salt,
            )
            .unwrap();
        assert_eq!(hex(key.expose_secret()), "d96cde6c95dda17175c1293140c5a81f");
        let claim = client
            .password_claim(
                "eu-west-1_myPool",
                &challenge,
                &password,
                "Tue Jul 10 11:01:00 UTC 2018".into(),
            )
            .unwrap();
        assert_eq!(
            claim.signature,
            "tdvQu/Li/qWl8Nni0aFPs+MwY4rvKZm0kSMrGIMSUHk="
        );
        assert_eq!(claim.username, "test");
        assert_eq!(claim.secret_block, challenge.secret_block);
        assert_eq!(claim.timestamp, "Tue Jul 10 11:01:00 UTC 2018");
    }

    #[test]
    fn any_change_of_input_changes_the_signature() {
        let (client, challenge) = vector();
        let sign = |client: &SrpClient, challenge: &VerifierChallenge, password: &str, at: &str| {
            client
                .password_claim(
                    "eu-west-1_myPool",
                    challenge,
                    &Password::new(password),
                    at.into(),
                )
                .unwrap()
                .signature
        };
        let at = "Tue Jul 10 11:01:00 UTC 2018";
        let good = sign(&client, &challenge, "test", at);
        assert_ne!(sign(&client, &challenge, "test2", at), good);
        assert_ne!(
            sign(&client, &challenge, "test", "Tue Jul 10 11:01:01 UTC 2018"),
            good
        );
        assert_ne!(
            sign(
                &SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd3]),
                &challenge,
                "test",
                at
            ),
            good
        );
        let other_user = VerifierChallenge {
            user_id_for_srp: "test2".into(),
            ..challenge.clone()
        };
        assert_ne!(sign(&client, &other_user, "test", at), good);
        let other_block = VerifierChallenge {
            secret_block: STANDARD.encode("secretssecrestssecretz"),
            ..challenge.clone()
        };
        assert_ne!(sign(&client, &other_block, "test", at), good);
    }

    #[test]
    fn a_is_g_to_the_small_a() {
        assert_eq!(SrpClient::with_small_a(&[1]).srp_a(), "2");
        assert_eq!(SrpClient::with_small_a(&[0, 0, 10]).srp_a(), "400");
        // 2^3071 < N: still no reduction, and no leading zeros in the hex.
        let a = SrpClient::with_small_a(&[0x0b, 0xff]).srp_a();
        assert_eq!(a.len(), 768);
        assert!(a.starts_with('8') && a[1..].bytes().all(|c| c == b'0'));
    }

    #[test]
    fn square_and_double_equals_the_generic_power() {
        let group = Group::get();
        let two = group.ring.reduce(2u8);
        for exponent in [
            UBig::ZERO,
            UBig::ONE,
            UBig::from(0x499602d2u32),
            UBig::from_be_bytes(&[0xa5; 128]),
            (UBig::ONE << 1281) - UBig::ONE,
        ] {
            assert_eq!(group.g_pow(&exponent), two.pow(&exponent), "{exponent:x}");
        }
    }

    #[test]
    fn generated_secrets_differ_and_give_full_size_a() {
        let one = SrpClient::generate().unwrap();
        let two = SrpClient::generate().unwrap();
        assert_ne!(one.srp_a(), two.srp_a());
        assert_eq!(one.small_a.len(), SMALL_A_LEN);
        assert!(one.srp_a().len() > 700, "{}", one.srp_a().len());
    }

    #[test]
    fn pad_hex_follows_javas_signed_bytes() {
        for (input, padded) in [
            ("1", "01"),
            ("7f", "7f"),
            ("80", "0080"),
            ("ff", "00ff"),
            ("100", "0100"),
            ("123abcd", "0123abcd"),
            ("8123abcd", "008123abcd"),
            ("0", "00"),
            ("000080", "0080"),
            ("ABCDEF", "00abcdef"),
        ] {
            assert_eq!(pad_hex(input).unwrap(), padded, "{input}");
        }
        assert_eq!(
            pad_hex(&format!("{:x}", 1u8)).unwrap(),
            pad_hex("01").unwrap()
        );
        for (number, padded) in [
            (1u32, "01"),
            (127, "7f"),
            (128, "0080"),
            (255, "00ff"),
            (256, "0100"),
        ] {
            assert_eq!(pad_hex(&format!("{number:x}")).unwrap(), padded);
        }
        assert_eq!(pad_hex(""), Err(SrpError::Malformed("number")));
        assert_eq!(pad_hex("12g"), Err(SrpError::Malformed("number")));
        assert_eq!(pad_hex("-1"), Err(SrpError::Malformed("number")));
    }

    #[test]
    fn timestamps_are_cognitos_format() {
        for (ms, text) in [
            (1_546_322_769_000, "Tue Jan 1 06:06:09 UTC 2019"),
            (1_672_531_199_000, "Sat Dec 31 23:59:59 UTC 2022"),
            (1_531_220_460_000, "Tue Jul 10 11:01:00 UTC 2018"),
            (0, "Thu Jan 1 00:00:00 UTC 1970"),
            (999, "Thu Jan 1 00:00:00 UTC 1970"),
            // Leap days: 2000 (divisible by 400) and 2024; 2100 is not a leap year.
            (951_782_400_000, "Tue Feb 29 00:00:00 UTC 2000"),
            (1_709_208_000_000, "Thu Feb 29 12:00:00 UTC 2024"),
            (4_107_542_400_000, "Mon Mar 1 00:00:00 UTC 2100"),
            (1_700_000_000_123, "Tue Nov 14 22:13:20 UTC 2023"),
        ] {
            assert_eq!(timestamp(ms), text, "{ms}");
        }
    }

    #[test]
    fn huge_times_do_not_panic() {
        let text = timestamp(u64::MAX);
        assert!(text.ends_with(|c: char| c.is_ascii_digit()), "{text}");
    }

    #[test]
    fn degenerate_server_values_are_refused() {
        let (client, challenge) = vector();
        let password = Password::new("test");
        let key = |b: &str, salt: &str| {
            client.password_authentication_key("myPool", "test", &password, b, salt)
        };
        assert_eq!(key("0", "01").unwrap_err(), SrpError::BIsZero);
        assert_eq!(key(N_HEX, "01").unwrap_err(), SrpError::BIsZero);
        let two_n = (Group::get().n * UBig::from(2u8)).in_radix(16).to_string();
        assert_eq!(key(&two_n, "01").unwrap_err(), SrpError::BIsZero);
        assert_eq!(key("xyz", "01").unwrap_err(), SrpError::Malformed("SRP_B"));
        assert_eq!(key("01", "").unwrap_err(), SrpError::Malformed("SALT"));
        assert!(key(&challenge.srp_b, &challenge.salt).is_ok());

        let bad_block = VerifierChallenge {
            secret_block: "not base64!".into(),
            ..challenge.clone()
        };
        assert_eq!(
            client
                .password_claim("eu-west-1_myPool", &bad_block, &password, "t".into())
                .unwrap_err(),
            SrpError::Malformed("SECRET_BLOCK")
        );
    }

    #[test]
    fn salt_and_b_are_numbers_not_strings() {
        // Leading zeros don't change the number, so they don't change the proof (as in
        // Cognito's own clients, which parse both as integers).
        let (client, _) = vector();
        let password = Password::new("test");
        let key = |b: &str, salt: &str| {
            client
                .password_authentication_key("myPool", "test", &password, b, salt)
                .unwrap()
        };
        assert_eq!(
            key("499602d2", "499602d2"),
            key("00499602D2", "0000499602d2")
        );
    }

    #[test]
    fn challenge_parameters_are_read_and_checked() {
        let mut parameters: BTreeMap<String, String> = [
            ("USER_ID_FOR_SRP", "u-1"),
            ("SRP_B", "abc"),
            ("SALT", "def"),
            ("SECRET_BLOCK", "AAAA"),
            ("USERNAME", "u-1"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let challenge = VerifierChallenge::from_parameters(&parameters).unwrap();
        assert_eq!(challenge.user_id_for_srp, "u-1");
        assert_eq!(challenge.secret_block, "AAAA");
        parameters.insert("SALT".into(), String::new());
        assert_eq!(
            VerifierChallenge::from_parameters(&parameters),
            Err(SrpError::Missing("SALT"))
        );
        parameters.remove("SRP_B");
        assert_eq!(
            VerifierChallenge::from_parameters(&parameters),
            Err(SrpError::Missing("SRP_B"))
        );
    }

    #[test]
    fn secrets_are_not_printed() {
        let (client, challenge) = vector();
        let key = client
            .password_authentication_key(
                "myPool",
                "test",
                &Password::new("test"),
                "499602d2",
                "499602d2",
            )
            .unwrap();
        let shown = format!("{key:?} {client:?} {challenge:?}");
        assert!(!shown.contains("d96cde6c"), "{shown}");
        assert!(!format!("{client:?}").contains("499602d2"), "{shown}");
        assert!(shown.contains("DerivedKey([redacted])"), "{shown}");
        assert!(shown.contains("small_a: \"[redacted]\""), "{shown}");
    }

    #[test]
    fn pool_name_is_the_part_after_the_region() {
        assert_eq!(pool_name("eu-west-1_myPool"), "myPool");
        assert_eq!(pool_name("ap-northeast-1_AbC123"), "AbC123");
        assert_eq!(pool_name("plain"), "plain");
    }
}
