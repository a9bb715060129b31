//! The group Cognito's SRP works in, and the number encodings its hashes use.

use super::SrpError;
use dashu_int::monty::{Montgomery, MontgomeryRepr};
use dashu_int::ops::BitTest;
use dashu_int::UBig;
use sha2::{Digest, Sha256};

/// RFC 3526's 3072-bit MODP prime, the group Cognito uses.
pub(super) const N_HEX: &str = concat!(
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
pub(super) const G: u32 = 2;

/// The group: `N`, and arithmetic modulo `N` in Montgomery form (set up per use, which costs
/// little next to one exponentiation).
pub(super) struct Group {
    pub(super) n: UBig,
    pub(super) ring: MontgomeryRepr,
}

impl Group {
    pub(super) fn get() -> Self {
        // A constant that parses, and an odd modulus as Montgomery form needs.
        let n = UBig::from_str_radix(N_HEX, 16).unwrap_or(UBig::ONE);
        let ring = MontgomeryRepr::new(n.clone());
        Self { n, ring }
    }

    /// `k = H(pad(N) ‖ pad(g))`.
    pub(super) fn k(&self) -> UBig {
        hash_to_number(&[&padded(&self.n), &padded(&UBig::from(G))])
    }

    /// `g^e mod N`. With `g = 2` every step is a squaring, then a doubling for each one bit
    /// (cheap: an addition), so this needs no multiplications at all.
    pub(super) fn g_pow<'r>(&'r self, e: &UBig) -> Montgomery<'r> {
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
pub(super) fn padded(n: &UBig) -> Vec<u8> {
    let bytes = n.to_be_bytes();
    let mut out = Vec::with_capacity(bytes.len() + 1);
    if bytes.first().is_none_or(|b| b & 0x80 != 0) {
        out.push(0);
    }
    out.extend_from_slice(&bytes);
    out
}

pub(super) fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// Parses a non-empty hex number (any case, any length). Cognito sends `SRP_B` and `SALT` so.
pub(super) fn parse_hex(hex: &str, name: &'static str) -> Result<UBig, SrpError> {
    if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SrpError::Malformed(name));
    }
    UBig::from_str_radix(hex, 16).map_err(|_| SrpError::Malformed(name))
}

/// SHA-256 of the concatenation of `parts`, as a number.
pub(super) fn hash_to_number(parts: &[&[u8]]) -> UBig {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
    }
    UBig::from_be_bytes(&hash.finalize())
}
