//! The fixed-size arithmetic against dashu-int's general one, on edge cases and random numbers.

use super::*;
use dashu_int::fast_div::ConstDivisor;
use dashu_int::modular::IntoRing;
use dashu_int::UBig;

fn n() -> UBig {
    UBig::from_str_radix(N_HEX, 16).unwrap()
}

fn number(r: &Residue) -> UBig {
    UBig::from_le_bytes(&r.to_le_bytes())
}

fn random_bytes(len: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; len];
    getrandom::getrandom(&mut bytes).unwrap();
    bytes
}

/// Numbers below N: the edges (0, 1, 2, N − 1, R − N, with long runs of ones and zeros) and
/// random ones of every size up to N's.
fn samples() -> Vec<UBig> {
    let n = n();
    let mut out = vec![
        UBig::ZERO,
        UBig::ONE,
        UBig::from(2u8),
        &n - UBig::ONE,
        (UBig::ONE << 3072) - &n,
        (UBig::ONE << 3071) - UBig::ONE,
        UBig::ONE << 3071,
    ];
    for len in [1, 4, 32, 128, 383, 384, 384, 384] {
        out.push(UBig::from_be_bytes(&random_bytes(len)) % &n);
    }
    out
}

fn residue(x: &UBig) -> Residue {
    Residue::from_le_bytes(&x.to_le_bytes())
}

#[test]
fn n_is_parsed_whole_and_its_inverse_is_right() {
    let parsed = N.iter().rev().fold(UBig::ZERO, |acc, limb| {
        (acc << BITS as usize) + UBig::from(*limb)
    });
    assert_eq!(parsed, n());
    assert!(N.iter().all(|limb| *limb <= MASK));
    assert_eq!(N[0].wrapping_mul(N0) & MASK, MASK, "N·N0 ≡ −1 mod 2^28");
    assert_eq!(N0, 1);
}

#[test]
fn residues_read_back_as_the_same_number() {
    for x in samples() {
        assert_eq!(number(&residue(&x)), x, "{x:x}");
    }
    assert_eq!(number(&Residue::one()), UBig::ONE);
    assert_eq!(number(&Residue::one().dbl()), UBig::from(2u8));
}

#[test]
fn multiplication_squaring_doubling_and_subtraction_match_plain_arithmetic() {
    let n = n();
    let samples = samples();
    for x in &samples {
        let rx = residue(x);
        assert_eq!(number(&rx.sqr()), x * x % &n, "{x:x}²");
        assert_eq!(number(&rx.dbl()), (x << 1) % &n, "2·{x:x}");
        for y in &samples {
            let ry = residue(y);
            assert_eq!(number(&rx.mul(&ry)), x * y % &n, "{x:x}·{y:x}");
            assert_eq!(number(&rx.sub(&ry)), (x + &n - y) % &n, "{x:x}−{y:x}");
        }
    }
}

#[test]
fn sliding_window_power_matches_dashus_power() {
    let ring = ConstDivisor::new(n());
    let exponents = [
        vec![],
        vec![1],
        vec![0x1f],
        vec![0b1000_0001, 0, 0b10_0000],
        vec![0xff; 161],
        random_bytes(129),
        random_bytes(160),
    ];
    for x in samples() {
        for e_le in &exponents {
            let expected = x
                .clone()
                .into_ring(&ring)
                .pow(&UBig::from_le_bytes(e_le))
                .residue();
            assert_eq!(number(&residue(&x).pow(e_le)), expected, "{x:x}^{e_le:x?}");
        }
    }
}
