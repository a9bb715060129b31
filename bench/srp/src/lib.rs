//! The SRP math compiled to wasm for measuring in a browser (driven by run.mjs).
//!
//! - `ours`: exactly what the app does for a sign-in (fresh random `a`, `A`, the proof), through
//!   leptos-cognito-core; `ours_a` then `ours_click` are the same in the app's two steps: `A`
//!   before the click, the rest once the server's answer is there. `prepare` makes the table
//!   of powers of `g` the page makes before the sign-in.
//! - `modpows_*`: only the three exponentiations that cost nearly all of the time
//!   (`A = g^a`, `g^x`, `S = (B − k·g^x)^(a+u·x)`), once per bignum crate, to choose the crate.
//!   Both return the hex of `A` and `S` so the page can check that they agree.

use leptos_cognito_core::secret::Password;
use leptos_cognito_core::srp::{self, timestamp, SrpClient, VerifierChallenge};
use std::cell::RefCell;
#[cfg(feature = "candidates")]
use sha2::{Digest, Sha256};
use wasm_bindgen::prelude::*;

#[cfg(feature = "candidates")]
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
#[cfg(feature = "candidates")]
const K_HEX: &str = "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6";

/// The table of powers of `g` the app makes once per page, before the sign-in.
#[wasm_bindgen]
pub fn prepare() {
    srp::precompute();
}

thread_local! {
    /// The attempt `ours_a` made, for `ours_click`.
    static PREPARED: RefCell<Option<SrpClient>> = const { RefCell::new(None) };
}

/// What the app computes before the click: a new `a` and `SRP_A`. Returns `SRP_A`.
#[wasm_bindgen]
pub fn ours_a() -> Result<String, JsError> {
    let client = SrpClient::generate().map_err(|e| JsError::new(&e.to_string()))?;
    let srp_a = client.srp_a();
    PREPARED.with(|prepared| prepared.replace(Some(client)));
    Ok(srp_a)
}

/// What the app computes once `InitiateAuth` answers, with the `a` of the last `ours_a`:
/// `x`, `g^x`, `u`, `S`, the key and the signature. Returns the signature.
#[wasm_bindgen]
pub fn ours_click(
    user_pool_id: &str,
    user_id_for_srp: &str,
    password: &str,
    srp_b: &str,
    salt: &str,
    secret_block: &str,
    epoch_ms: f64,
) -> Result<String, JsError> {
    let client = PREPARED
        .with(|prepared| prepared.take())
        .ok_or_else(|| JsError::new("ours_a first"))?;
    claim(&client, user_pool_id, user_id_for_srp, password, srp_b, salt, secret_block, epoch_ms)
}

/// One whole client-side SRP computation as the app runs it: new `a`, `SRP_A`, signature.
/// Returns `SRP_A` and the signature, joined by a space.
#[wasm_bindgen]
pub fn ours(
    user_pool_id: &str,
    user_id_for_srp: &str,
    password: &str,
    srp_b: &str,
    salt: &str,
    secret_block: &str,
    epoch_ms: f64,
) -> Result<String, JsError> {
    let client = SrpClient::generate().map_err(|e| JsError::new(&e.to_string()))?;
    let srp_a = client.srp_a();
    let signature = claim(&client, user_pool_id, user_id_for_srp, password, srp_b, salt, secret_block, epoch_ms)?;
    Ok(format!("{srp_a} {signature}"))
}

#[allow(clippy::too_many_arguments)]
fn claim(
    client: &SrpClient,
    user_pool_id: &str,
    user_id_for_srp: &str,
    password: &str,
    srp_b: &str,
    salt: &str,
    secret_block: &str,
    epoch_ms: f64,
) -> Result<String, JsError> {
    let challenge = VerifierChallenge {
        user_id_for_srp: user_id_for_srp.to_owned(),
        srp_b: srp_b.to_owned(),
        salt: salt.to_owned(),
        secret_block: secret_block.to_owned(),
    };
    let claim = client
        .password_claim(
            user_pool_id,
            &challenge,
            &Password::new(password),
            timestamp(epoch_ms as u64),
        )
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(claim.signature)
}

/// `u` and `x` as the protocol derives them (not what is being compared, so shared).
#[cfg(feature = "candidates")]
fn u_and_x(a_hex_padded: &[u8], b_padded: &[u8], salt_padded: &[u8]) -> ([u8; 32], [u8; 32]) {
    let u: [u8; 32] = Sha256::new()
        .chain_update(a_hex_padded)
        .chain_update(b_padded)
        .finalize()
        .into();
    let inner = Sha256::digest(b"poolNameuserId:password");
    let x: [u8; 32] = Sha256::new()
        .chain_update(salt_padded)
        .chain_update(inner)
        .finalize()
        .into();
    (u, x)
}

/// The three exponentiations with num-bigint (Montgomery, variable time).
#[cfg(feature = "candidates")]
#[wasm_bindgen]
pub fn modpows_num_bigint(a: &[u8], b: &[u8]) -> String {
    use num_bigint::BigUint;
    let n = BigUint::parse_bytes(N_HEX.as_bytes(), 16).unwrap();
    let k = BigUint::parse_bytes(K_HEX.as_bytes(), 16).unwrap();
    let g = BigUint::from(2u8);
    let a_n = BigUint::from_bytes_be(a);
    let large_a = g.modpow(&a_n, &n);
    let b_n = BigUint::from_bytes_be(b) % &n;
    let (u, x) = u_and_x(&large_a.to_bytes_be(), &b_n.to_bytes_be(), b"salt");
    let (u, x) = (BigUint::from_bytes_be(&u), BigUint::from_bytes_be(&x));
    let k_g_x = (k * g.modpow(&x, &n)) % &n;
    let base = (b_n + &n - k_g_x) % &n;
    let s = base.modpow(&(a_n + u * &x), &n);
    format!("{} {}", large_a.to_str_radix(16), s.to_str_radix(16))
}

/// The same with crypto-bigint (fixed-size 3072-bit Montgomery form, constant time).
#[cfg(feature = "candidates")]
#[wasm_bindgen]
pub fn modpows_crypto_bigint(a: &[u8], b: &[u8]) -> String {
    use crypto_bigint::modular::{MontyForm, MontyParams};
    use crypto_bigint::{Odd, U3072};
    fn from_bytes(bytes: &[u8]) -> U3072 {
        let mut full = [0u8; 384];
        full[384 - bytes.len()..].copy_from_slice(bytes);
        U3072::from_be_slice(&full)
    }
    fn strip(bytes: &[u8]) -> &[u8] {
        let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
        &bytes[first..]
    }
    fn hex(n: &U3072) -> String {
        let bytes = n.to_be_bytes();
        let s: String = strip(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        s.trim_start_matches('0').to_owned()
    }
    let params = MontyParams::new_vartime(Odd::new(U3072::from_be_hex(N_HEX)).unwrap());
    let mut k_bytes = [0u8; 32];
    for (i, byte) in k_bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&K_HEX[2 * i..2 * i + 2], 16).unwrap();
    }
    let g = MontyForm::new(&U3072::from_u8(2), params);
    let a_n = from_bytes(a);
    let large_a = g.pow_bounded_exp(&a_n, 1024).retrieve();
    let b_m = MontyForm::new(&from_bytes(b), params);
    let b_n = b_m.retrieve();
    let a_bytes = large_a.to_be_bytes();
    let b_bytes = b_n.to_be_bytes();
    let (u, x) = u_and_x(strip(&a_bytes), strip(&b_bytes), b"salt");
    let (u, x) = (from_bytes(&u), from_bytes(&x));
    let k = MontyForm::new(&from_bytes(&k_bytes), params);
    let base = b_m - k * g.pow_bounded_exp(&x, 256);
    let exponent = a_n.wrapping_add(&u.wrapping_mul(&x));
    let s = base.pow_bounded_exp(&exponent, 1024 + 512 + 1).retrieve();
    format!("{} {}", hex(&large_a), hex(&s))
}

/// The same with ibig (modular ring, reduction by a precomputed inverse).
#[cfg(feature = "candidates")]
#[wasm_bindgen]
pub fn modpows_ibig(a: &[u8], b: &[u8]) -> String {
    use ibig::modular::ModuloRing;
    use ibig::UBig;
    let n = UBig::from_str_radix(N_HEX, 16).unwrap();
    let ring = ModuloRing::new(&n);
    let k = ring.from(UBig::from_str_radix(K_HEX, 16).unwrap());
    let g = ring.from(2u8);
    let a_n = UBig::from_be_bytes(a);
    let large_a = g.pow(&a_n).residue();
    let b_m = ring.from(UBig::from_be_bytes(b));
    let b_n = b_m.residue();
    let (u, x) = u_and_x(&large_a.to_be_bytes(), &b_n.to_be_bytes(), b"salt");
    let (u, x) = (UBig::from_be_bytes(&u), UBig::from_be_bytes(&x));
    let base = b_m - k * g.pow(&x);
    let s = base.pow(&(a_n + u * &x)).residue();
    format!("{} {}", large_a.in_radix(16), s.in_radix(16))
}

/// The same with dashu-int (ibig's successor).
#[cfg(feature = "candidates")]
#[wasm_bindgen]
pub fn modpows_dashu(a: &[u8], b: &[u8]) -> String {
    use dashu_int::fast_div::ConstDivisor;
    use dashu_int::modular::IntoRing;
    use dashu_int::UBig;
    let n = UBig::from_str_radix(N_HEX, 16).unwrap();
    let ring = ConstDivisor::new(n);
    let k = UBig::from_str_radix(K_HEX, 16).unwrap().into_ring(&ring);
    let g = 2u8.into_ring(&ring);
    let a_n = UBig::from_be_bytes(a);
    let large_a = g.pow(&a_n).residue();
    let b_m = UBig::from_be_bytes(b).into_ring(&ring);
    let b_n = b_m.residue();
    let (u, x) = u_and_x(&large_a.to_be_bytes(), &b_n.to_be_bytes(), b"salt");
    let (u, x) = (UBig::from_be_bytes(&u), UBig::from_be_bytes(&x));
    let base = b_m - k * g.pow(&x);
    let s = base.pow(&(a_n + u * &x)).residue();
    format!("{} {}", large_a.in_radix(16), s.in_radix(16))
}

/// The same with malachite (GMP-style algorithms, 64-bit limbs by default).
#[cfg(feature = "candidates")]
#[wasm_bindgen]
pub fn modpows_malachite(a: &[u8], b: &[u8]) -> String {
    use malachite_base::num::arithmetic::traits::{Mod, ModPow};
    use malachite_base::num::conversion::traits::{Digits, FromStringBase, ToStringBase};
    use malachite_nz::natural::Natural;
    use malachite_nz::platform::Limb;
    fn from_bytes(bytes: &[u8]) -> Natural {
        Natural::from_digits_desc(&256u16, bytes.iter().map(|&b| u16::from(b))).unwrap()
    }
    fn to_bytes(n: &Natural) -> Vec<u8> {
        n.to_digits_desc(&256u16)
            .into_iter()
            .map(|d| d as u8)
            .collect()
    }
    let _ = core::mem::size_of::<Limb>();
    let n = Natural::from_string_base(16, N_HEX).unwrap();
    let k = Natural::from_string_base(16, K_HEX).unwrap();
    let g = Natural::from(2u32);
    let a_n = from_bytes(a);
    let large_a = (&g).mod_pow(&a_n, &n);
    let b_n = from_bytes(b).mod_op(&n);
    let (u, x) = u_and_x(&to_bytes(&large_a), &to_bytes(&b_n), b"salt");
    let (u, x) = (from_bytes(&u), from_bytes(&x));
    let k_g_x = (k * (&g).mod_pow(&x, &n)).mod_op(&n);
    let base = (b_n + &n - k_g_x).mod_op(&n);
    let s = base.mod_pow(&(a_n + u * &x), &n);
    format!("{} {}", large_a.to_string_base(16), s.to_string_base(16))
}

/// The same with dashu-int's Montgomery form (`monty`).
#[cfg(feature = "candidates")]
#[wasm_bindgen]
pub fn modpows_dashu_monty(a: &[u8], b: &[u8]) -> String {
    use dashu_int::monty::MontgomeryRepr;
    use dashu_int::UBig;
    let ring = MontgomeryRepr::new(UBig::from_str_radix(N_HEX, 16).unwrap());
    let k = ring.reduce(UBig::from_str_radix(K_HEX, 16).unwrap());
    let g = ring.reduce(2u8);
    let a_n = UBig::from_be_bytes(a);
    let large_a = g.pow(&a_n).residue();
    let b_m = ring.reduce(UBig::from_be_bytes(b));
    let b_n = b_m.residue();
    let (u, x) = u_and_x(&large_a.to_be_bytes(), &b_n.to_be_bytes(), b"salt");
    let (u, x) = (UBig::from_be_bytes(&u), UBig::from_be_bytes(&x));
    let base = b_m - k * g.pow(&x);
    let s = base.pow(&(a_n + u * &x)).residue();
    format!("{} {}", large_a.in_radix(16), s.in_radix(16))
}

/// dashu-int's Montgomery form, with `2^e` computed by squaring and doubling (no multiplications).
#[cfg(feature = "candidates")]
#[wasm_bindgen]
pub fn modpows_dashu_monty2(a: &[u8], b: &[u8]) -> String {
    use dashu_int::monty::{Montgomery, MontgomeryRepr};
    use dashu_int::ops::BitTest;
    use dashu_int::UBig;
    fn pow2<'r>(ring: &'r MontgomeryRepr, exp: &UBig) -> Montgomery<'r> {
        let mut r = ring.reduce(1u8);
        for i in (0..exp.bit_len()).rev() {
            r = r.sqr();
            if exp.bit(i) {
                r = r.dbl();
            }
        }
        r
    }
    let ring = MontgomeryRepr::new(UBig::from_str_radix(N_HEX, 16).unwrap());
    let k = ring.reduce(UBig::from_str_radix(K_HEX, 16).unwrap());
    let a_n = UBig::from_be_bytes(a);
    let large_a = pow2(&ring, &a_n).residue();
    let b_m = ring.reduce(UBig::from_be_bytes(b));
    let b_n = b_m.residue();
    let (u, x) = u_and_x(&large_a.to_be_bytes(), &b_n.to_be_bytes(), b"salt");
    let (u, x) = (UBig::from_be_bytes(&u), UBig::from_be_bytes(&x));
    let base = b_m - k * pow2(&ring, &x);
    let s = base.pow(&(a_n + u * &x)).residue();
    format!("{} {}", large_a.in_radix(16), s.in_radix(16))
}
