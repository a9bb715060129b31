//! Arithmetic modulo `N`, RFC 3526's 3072-bit prime (the group of Cognito's SRP): numbers of 110 limbs of 28 bits
//! in Montgomery form (`x·R mod N`, `R = 2^3080`). Fixed size means no allocation. 28-bit limbs
//! because a 3072-bit product then sums, column by column, up to 220 products of 56 bits in
//! one 64-bit accumulator without a carry: the multiplications don't wait on one another
//! (wasm multiplies 32×32 → 64 bits in one instruction, and has no wider product). The
//! reduction is interleaved with the product, column by column (Koç's "finely integrated
//! product scanning"). All of it is variable time, as the SDK's and any general bignum's
//! exponentiation is.

use std::sync::OnceLock;
use zeroize::Zeroize;

/// RFC 3526's 3072-bit MODP prime.
pub const N_HEX: &str = concat!(
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

const BITS: u32 = 28;
const MASK: u32 = (1 << BITS) - 1;
const LIMBS: usize = 110;
/// `log2 R`.
const R_BITS: u32 = BITS * LIMBS as u32;
type Limbs = [u32; LIMBS];
// One final subtraction after a Montgomery multiplication suffices only if R > 4N.
const _: () = assert!(R_BITS >= 3072 + 2);

/// `N`, little-endian limbs (7 hex digits each), parsed at compile time.
const N: Limbs = parse_n();
/// `−N⁻¹ mod 2^28` (for this `N`, whose low 64 bits are ones, it is 1).
const N0: u32 = neg_inverse(N[0]);

const fn parse_n() -> Limbs {
    let hex = N_HEX.as_bytes();
    let mut out = [0u32; LIMBS];
    let mut digit_index = 0;
    while digit_index < hex.len() {
        let c = hex[hex.len() - 1 - digit_index];
        let digit = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => c - b'A' + 10,
        };
        out[digit_index / 7] |= (digit as u32) << (4 * (digit_index % 7));
        digit_index += 1;
    }
    out
}

/// Newton's iteration doubles the correct low bits each round: 1 → 32 in five.
const fn neg_inverse(n0: u32) -> u32 {
    let mut inv = 1u32;
    let mut round = 0;
    while round < 5 {
        inv = inv.wrapping_mul(2u32.wrapping_sub(n0.wrapping_mul(inv)));
        round += 1;
    }
    inv.wrapping_neg() & MASK
}

/// A number modulo `N` in Montgomery form, always below `N`. Wiped on drop: most are secret
/// (powers of the secret exponents, the shared secret).
#[derive(Clone, PartialEq, Eq)]
pub struct Residue(Limbs);

impl Drop for Residue {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// `t − N` into `t` if `t ≥ N` (keeps results, all below `2N`, below `N`).
fn reduce_once(t: &mut Limbs) {
    if !less_than_n(t) {
        let mut borrow = 0u32;
        for (limb, n) in t.iter_mut().zip(N) {
            let v = limb.wrapping_sub(n + borrow);
            *limb = v & MASK;
            borrow = v >> 31;
        }
    }
}

fn less_than_n(t: &Limbs) -> bool {
    for (limb, n) in t.iter().zip(N).rev() {
        if *limb != n {
            return *limb < n;
        }
    }
    false
}

/// `Σ x_j·y_(i−j)`: column `i` of the product of `x` and `y`.
#[inline(always)]
fn column(x: &Limbs, y: &Limbs, i: usize) -> u64 {
    let low = (i + 1).saturating_sub(LIMBS);
    let high = i.min(LIMBS - 1);
    dot(&x[low..=high], &y[i - high..=i - low])
}

/// `Σ x_k·y_(len−1−k)`. At most 110 products below 2^56: no overflow. Four at a time into
/// two sums, so that consecutive additions don't wait on each other.
#[inline(always)]
fn dot(x: &[u32], y_reversed: &[u32]) -> u64 {
    // Plain indices: at opt-level "z" iterator adapters keep their state in memory.
    let len = x.len().min(y_reversed.len());
    let (mut even, mut odd) = (0u64, 0u64);
    let mut k = 0;
    while k + 4 <= len {
        let (x, y) = (&x[k..k + 4], &y_reversed[len - k - 4..len - k]);
        even += product(&x[0], &y[3]) + product(&x[2], &y[1]);
        odd += product(&x[1], &y[2]) + product(&x[3], &y[0]);
        k += 4;
    }
    while k < len {
        even += product(&x[k], &y_reversed[len - 1 - k]);
        k += 1;
    }
    even + odd
}

#[inline(always)]
fn product(x: &u32, y: &u32) -> u64 {
    u64::from(*x) * u64::from(*y)
}

/// Column `i` of `x²`: each cross product once, doubled, and the square on the diagonal.
#[inline(always)]
fn square_column(x: &Limbs, i: usize) -> u64 {
    let low = (i + 1).saturating_sub(LIMBS);
    let half = i.div_ceil(2);
    let cross = if half > low {
        dot(&x[low..half], &x[i + 1 - half..=i - low])
    } else {
        0
    };
    let diagonal = match i % 2 {
        0 if i / 2 < LIMBS => u64::from(x[i / 2]) * u64::from(x[i / 2]),
        _ => 0,
    };
    2 * cross + diagonal
}

/// Montgomery multiplication, column by column: `product(i)` is column `i` of the product;
/// the multiples of `N` that clear the low columns are added in the same pass. The result is
/// below `2N` before the last subtraction, which needs `R > 4N`.
fn montgomery(product: impl Fn(usize) -> u64) -> Residue {
    let mut m = [0u32; LIMBS];
    let mut out = [0u32; LIMBS];
    let mut acc = 0u64;
    for i in 0..2 * LIMBS - 1 {
        acc += product(i) + column(&m, &N, i);
        if i < LIMBS {
            let mi = (acc as u32).wrapping_mul(N0) & MASK;
            m[i] = mi;
            acc += u64::from(mi) * u64::from(N[0]);
        } else {
            out[i - LIMBS] = acc as u32 & MASK;
        }
        acc >>= BITS;
    }
    out[LIMBS - 1] = acc as u32;
    m.zeroize();
    reduce_once(&mut out);
    Residue(out)
}

impl Residue {
    /// The Montgomery form of 1: `R mod N`, from `2^3071` (below `N`) by doubling.
    pub fn one() -> Self {
        let mut top = Residue([0u32; LIMBS]);
        top.0[3071 / BITS as usize] = 1 << (3071 % BITS);
        (3071..R_BITS).fold(top, |r, _| r.dbl())
    }

    /// The residue of `x` (little-endian bytes, any value below `N`).
    pub fn from_le_bytes(x: &[u8]) -> Self {
        let mut limbs = [0u32; LIMBS];
        let (mut acc, mut bits, mut k) = (0u64, 0, 0);
        for byte in x.iter().take(384) {
            acc |= u64::from(*byte) << bits;
            bits += 8;
            if bits >= BITS {
                limbs[k] = acc as u32 & MASK;
                (acc, bits, k) = (acc >> BITS, bits - BITS, k + 1);
            }
        }
        if k < LIMBS {
            limbs[k] = acc as u32;
        }
        reduce_once(&mut limbs);
        let plain = Residue(limbs);
        static R_SQUARED: OnceLock<Residue> = OnceLock::new();
        plain.mul(R_SQUARED.get_or_init(r_squared))
    }

    /// The number it stands for, little-endian bytes (384 of them).
    pub fn to_le_bytes(&self) -> Vec<u8> {
        let mut one = [0u32; LIMBS];
        one[0] = 1;
        let plain = montgomery(|i| column(&self.0, &one, i));
        let mut out = Vec::with_capacity(384);
        let (mut acc, mut bits) = (0u64, 0);
        for limb in plain.0 {
            acc |= u64::from(limb) << bits;
            bits += BITS;
            while bits >= 8 && out.len() < 384 {
                out.push(acc as u8);
                (acc, bits) = (acc >> 8, bits - 8);
            }
        }
        out
    }

    /// `self·other` (both in Montgomery form).
    pub fn mul(&self, other: &Self) -> Self {
        montgomery(|i| column(&self.0, &other.0, i))
    }

    /// `self²`.
    pub fn sqr(&self) -> Self {
        montgomery(|i| square_column(&self.0, i))
    }

    /// `2·self`: a shift, no multiplication.
    pub fn dbl(&self) -> Self {
        let mut out = [0u32; LIMBS];
        let mut carry = 0u32;
        for (o, limb) in out.iter_mut().zip(self.0) {
            let v = limb << 1 | carry;
            *o = v & MASK;
            carry = v >> BITS;
        }
        reduce_once(&mut out);
        Residue(out)
    }

    /// `self − other mod N`.
    pub fn sub(&self, other: &Self) -> Self {
        let mut out = [0u32; LIMBS];
        let mut borrow = 0u32;
        for ((o, a), b) in out.iter_mut().zip(self.0).zip(other.0) {
            let v = a.wrapping_sub(b + borrow);
            *o = v & MASK;
            borrow = v >> 31;
        }
        if borrow != 0 {
            let mut carry = 0u32;
            for (o, n) in out.iter_mut().zip(N) {
                let v = *o + n + carry;
                *o = v & MASK;
                carry = v >> BITS;
            }
        }
        Residue(out)
    }

    /// `self^e`, `e` in little-endian bytes, by sliding windows of up to 5 bits over
    /// a table of the odd powers (about one multiplication per six exponent bits, next to the
    /// one squaring per bit).
    pub fn pow(&self, e: &[u8]) -> Self {
        let bit = |i: usize| (e[i / 8] >> (i % 8)) & 1;
        let square = self.sqr();
        let mut odd: Vec<Residue> = Vec::with_capacity(1 << (WINDOW - 1));
        odd.push(self.clone());
        for i in 1..1 << (WINDOW - 1) {
            odd.push(odd[i - 1].mul(&square));
        }
        let mut acc: Option<Residue> = None;
        let mut i = e.len() * 8;
        while i > 0 {
            if bit(i - 1) == 0 {
                acc = acc.map(|acc| acc.sqr());
                i -= 1;
                continue;
            }
            // The window: from bit i−1 down to the lowest one bit within WINDOW bits.
            let mut low = i.saturating_sub(WINDOW);
            while bit(low) == 0 {
                low += 1;
            }
            let mut value = 0usize;
            for k in (low..i).rev() {
                value = value << 1 | usize::from(bit(k));
                acc = acc.map(|acc| acc.sqr());
            }
            let entry = &odd[value >> 1];
            acc = Some(acc.map_or_else(|| entry.clone(), |acc| acc.mul(entry)));
            i = low;
        }
        acc.unwrap_or_else(Residue::one)
    }
}

/// The window of [`Residue::pow`]: 5 bits, a table of 16 odd powers (measured best for
/// exponents of about 1,000 bits).
const WINDOW: usize = 5;

/// `R² mod N`, the Montgomery form of `R = 2^3080`: squarings and doublings of 1 along the
/// bits of 3080.
fn r_squared() -> Residue {
    let mut r = Residue::one();
    for bit in (0..u32::BITS - R_BITS.leading_zeros()).rev() {
        r = r.sqr();
        if (R_BITS >> bit) & 1 == 1 {
            r = r.dbl();
        }
    }
    r
}

#[cfg(test)]
mod tests;
