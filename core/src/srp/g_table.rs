//! `g^x` for the short exponents of the click path (`x` is a SHA-256, so 256 bits) from a
//! table of powers of `g`, made once per page before it is needed: Lim and Lee's comb. The
//! exponent's 256 bits are read as [`TEETH`] rows of [`SPAN`] bits; one squaring and at most
//! one multiplication by a table entry per column, 32 + 32 operations in place of 256 squarings.
//! The table holds `2^TEETH − 1` numbers of 384 bytes: 97,920 bytes. All of it is public (powers
//! of `g`).

use super::group::Group;
use leptos_cognito_modp::Residue;
use std::sync::OnceLock;

const TEETH: usize = 8;
const SPAN: usize = 32;
/// The longest exponent the table serves, in bits.
pub(super) const MAX_BITS: usize = TEETH * SPAN;

/// Entry `j` (from 1) is `∏ g^(2^(SPAN·t))` over the one bits `t` of `j`.
pub(super) struct GTable(Vec<Residue>);

static TABLE: OnceLock<GTable> = OnceLock::new();

impl GTable {
    /// The table, if [`GTable::make`] has run on this page.
    pub(super) fn get() -> Option<&'static GTable> {
        TABLE.get()
    }

    /// Makes the table once; later calls return at once.
    pub(super) fn make() -> &'static GTable {
        TABLE.get_or_init(GTable::build)
    }

    fn build() -> GTable {
        let mut bases = Vec::with_capacity(TEETH);
        let mut base = Group::g();
        for tooth in 0..TEETH {
            if tooth > 0 {
                for _ in 0..SPAN {
                    base = base.sqr();
                }
            }
            bases.push(base.clone());
        }
        let mut entries: Vec<Residue> = Vec::with_capacity((1 << TEETH) - 1);
        for j in 1usize..1 << TEETH {
            let top = usize::BITS as usize - 1 - j.leading_zeros() as usize;
            let rest = j ^ (1 << top);
            let entry = match rest {
                0 => bases[top].clone(),
                _ => entries[rest - 1].mul(&bases[top]),
            };
            entries.push(entry);
        }
        GTable(entries)
    }

    /// `g^e` for `e` (little-endian bytes) below `2^MAX_BITS`.
    pub(super) fn pow(&self, e: &[u8]) -> Residue {
        let bit = |i: usize| {
            e.get(i / 8)
                .map_or(0, |byte| usize::from(byte >> (i % 8) & 1))
        };
        let mut acc: Option<Residue> = None;
        for column in (0..SPAN).rev() {
            acc = acc.map(|acc| acc.sqr());
            let j = (0..TEETH).fold(0, |j, tooth| j | bit(tooth * SPAN + column) << tooth);
            if j != 0 {
                let entry = &self.0[j - 1];
                acc = Some(acc.map_or_else(|| entry.clone(), |acc| acc.mul(entry)));
            }
        }
        acc.unwrap_or_else(Residue::one)
    }
}
