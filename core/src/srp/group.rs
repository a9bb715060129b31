//! The group Cognito's SRP works in, and the number encodings its hashes use.

use super::g_table::{self, GTable};
use super::SrpError;
use dashu_int::UBig;
use leptos_cognito_modp::Residue;
use sha2::{Digest, Sha256};
use zeroize::Zeroize;

pub(super) use leptos_cognito_modp::N_HEX;
pub(super) const G: u32 = 2;

/// The group: `N` as a number, for checking the server's values; the exponentiations work in
/// [`Residue`]s.
pub(super) struct Group {
    pub(super) n: UBig,
}

impl Group {
    pub(super) fn get() -> Self {
        // A constant that parses.
        let n = UBig::from_str_radix(N_HEX, 16).unwrap_or(UBig::ONE);
        Self { n }
    }

    /// `k = H(pad(N) ‖ pad(g))`.
    pub(super) fn k(&self) -> UBig {
        hash_to_number(&[&padded(&self.n), &padded(&UBig::from(G))])
    }

    /// `g` (= 2) as a residue.
    pub(super) fn g() -> Residue {
        Residue::one().dbl()
    }

    /// `n mod N` as a residue.
    pub(super) fn residue(&self, n: &UBig) -> Residue {
        let mut bytes = (n % &self.n).to_le_bytes();
        let residue = Residue::from_le_bytes(&bytes);
        bytes.zeroize();
        residue
    }

    /// `g^e mod N`: from the table of powers of `g` if the page has made it and `e` is short
    /// enough (the click path's `x`), else by [`g_pow_by_squaring`].
    pub(super) fn g_pow(e: &UBig) -> Residue {
        let mut bytes = e.to_le_bytes();
        let power = match GTable::get() {
            Some(table) if bytes.len() * 8 <= g_table::MAX_BITS => table.pow(&bytes),
            _ => g_pow_by_squaring(&bytes),
        };
        bytes.zeroize();
        power
    }
}

/// The number a residue stands for.
pub(super) fn number(r: &Residue) -> UBig {
    let mut bytes = r.to_le_bytes();
    let n = UBig::from_le_bytes(&bytes);
    bytes.zeroize();
    n
}

/// `g^e mod N`, `e` in little-endian bytes. With `g = 2` every step is a squaring, then a
/// doubling for each one bit (cheap: a shift), so this needs no multiplications at all.
pub(super) fn g_pow_by_squaring(e: &[u8]) -> Residue {
    let mut result = Residue::one();
    for i in (0..e.len() * 8).rev() {
        result = result.sqr();
        if (e[i / 8] >> (i % 8)) & 1 == 1 {
            result = result.dbl();
        }
    }
    result
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
