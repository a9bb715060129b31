//! Text as a QR code, ready to draw as one SVG path: the browser scales it crisply to any size
//! and nothing but the page's own markup is needed (no image, no canvas, no inline style).
//!
//! Error correction is level M (15 % of the code can be lost), raised to Q or H when that fits
//! in the same size. A code shown on a screen is never torn or dirty, but a phone's camera meets
//! glare, moiré and a slightly cut-off edge; M covers those, and for a ~100-character otpauth
//! URI it costs one QR version (4 modules a side) over L, while Q would cost two more.

use std::fmt;

/// Light modules around the code, as the QR standard asks, so scanners find its edge.
pub const QUIET_ZONE: u32 = 4;

/// A QR code to draw in a `viewBox="0 0 {modules} {modules}"` on a light background.
#[derive(Clone, PartialEq, Eq)]
pub struct QrSvg {
    /// Modules a side, the quiet zone included.
    pub modules: u32,
    /// One SVG path (`d`) of every dark module, one unit each, quiet zone offset included.
    pub path: String,
}

/// The path is the text in another form (perhaps a secret), so it is not printed.
impl fmt::Debug for QrSvg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QrSvg")
            .field("modules", &self.modules)
            .finish_non_exhaustive()
    }
}

/// Why text could not become a QR code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// More than the largest QR code holds at level M (2331 bytes of UTF-8).
    #[error("{bytes} bytes are too many for a QR code")]
    TooLong { bytes: usize },
}

/// `text` (UTF-8, byte mode where needed) as a QR code with its quiet zone.
pub fn qr_svg(text: &str) -> Result<QrSvg, QrError> {
    let code = Grid::encode(text)?;
    Ok(QrSvg {
        modules: code.size + 2 * QUIET_ZONE,
        path: dark_path(&code),
    })
}

/// The code's modules without quiet zone, row by row, `true` for dark.
struct Grid {
    size: u32,
    dark: Vec<bool>,
}

impl Grid {
    fn encode(text: &str) -> Result<Self, QrError> {
        use qrcodegen::{QrCode, QrCodeEcc};
        let too_long = |_| QrError::TooLong { bytes: text.len() };
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(too_long)?;
        let size = code.size();
        let dark = (0..size)
            .flat_map(|y| (0..size).map(move |x| (x, y)))
            .map(|(x, y)| code.get_module(x, y))
            .collect();
        // A QR code is at most 177 modules a side.
        Ok(Self {
            size: size.unsigned_abs(),
            dark,
        })
    }
}

/// Each horizontal run of dark modules as one rectangle, `M{x} {y}h{n}v1h-{n}z`.
fn dark_path(code: &Grid) -> String {
    use fmt::Write;
    let mut path = String::new();
    for (y, row) in code.dark.chunks(code.size as usize).enumerate() {
        let mut x = 0;
        while x < row.len() {
            let run = row[x..].iter().take_while(|&&dark| dark).count();
            if run > 0 {
                let (left, top) = (x as u32 + QUIET_ZONE, y as u32 + QUIET_ZONE);
                // Writing to a String cannot fail.
                let _ = write!(path, "M{left} {top}h{run}v1h-{run}z");
            }
            x += run.max(1);
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const URI: &str = "otpauth://totp/Acme%20Store:alice@example.com\
        ?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Acme%20Store";

    /// The unit squares the path paints, read back from its `M x y h n v1 h-n z` rectangles.
    fn painted(path: &str) -> BTreeSet<(u32, u32)> {
        let mut cells = BTreeSet::new();
        for rect in path.split('z').filter(|r| !r.is_empty()) {
            let rest = rect.strip_prefix('M').expect("a move first");
            let (start, rest) = rest.split_once('h').unwrap();
            let (run, rest) = rest.split_once("v1h-").unwrap();
            assert_eq!(run, rest, "a rectangle closes on itself: {rect}");
            let (x, y) = start.split_once(' ').unwrap();
            let (x, y, run): (u32, u32, u32) =
                (x.parse().unwrap(), y.parse().unwrap(), run.parse().unwrap());
            for dx in 0..run {
                assert!(cells.insert((x + dx, y)), "painted twice: {rect}");
            }
        }
        cells
    }

    #[test]
    fn the_path_paints_exactly_the_dark_modules_inside_the_quiet_zone() {
        let grid = Grid::encode(URI).unwrap();
        let svg = qr_svg(URI).unwrap();
        assert_eq!(svg.modules, grid.size + 8);
        let expected: BTreeSet<(u32, u32)> = (0..grid.size)
            .flat_map(|y| (0..grid.size).map(move |x| (x, y)))
            .filter(|&(x, y)| grid.dark[(y * grid.size + x) as usize])
            .map(|(x, y)| (x + QUIET_ZONE, y + QUIET_ZONE))
            .collect();
        assert_eq!(painted(&svg.path), expected);
    }

    #[test]
    fn finder_patterns_sit_in_three_corners_inside_the_quiet_zone() {
        let svg = qr_svg(URI).unwrap();
        let cells = painted(&svg.path);
        let inner = svg.modules - 2 * QUIET_ZONE;
        // The 7×7 finder: dark ring, light ring, dark 3×3 core.
        let finder_dark = |dx: u32, dy: u32| {
            let ring = dx.min(dy).min(6 - dx).min(6 - dy);
            ring != 1
        };
        for (ox, oy) in [(0, 0), (inner - 7, 0), (0, inner - 7)] {
            for dy in 0..7 {
                for dx in 0..7 {
                    let cell = (QUIET_ZONE + ox + dx, QUIET_ZONE + oy + dy);
                    assert_eq!(cells.contains(&cell), finder_dark(dx, dy), "{cell:?}");
                }
            }
        }
        assert!(cells
            .iter()
            .all(|&(x, y)| (QUIET_ZONE..QUIET_ZONE + inner).contains(&x)
                && (QUIET_ZONE..QUIET_ZONE + inner).contains(&y)));
    }

    #[test]
    fn a_typical_otpauth_uri_is_a_small_code() {
        let uri = crate::otpauth::totp_key_uri(
            "Acme Store",
            "alice@example.com",
            &crate::secret::TotpSecret::new("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"),
        );
        assert_eq!(uri.expose_secret(), URI);
        assert_eq!(URI.len(), 105);
        // Version 6 (41 modules) at level M, plus the quiet zone on both sides.
        assert_eq!(qr_svg(URI).unwrap().modules, 41 + 8);
    }

    #[test]
    fn the_same_text_gives_the_same_drawing() {
        assert_eq!(qr_svg(URI), qr_svg(URI));
        assert_ne!(qr_svg(URI), qr_svg("otpauth://totp/other"));
    }

    #[test]
    fn too_long_text_is_a_typed_error() {
        let longest = "a".repeat(2331);
        assert_eq!(qr_svg(&longest).unwrap().modules, 177 + 8);
        assert_eq!(
            qr_svg(&"a".repeat(2332)),
            Err(QrError::TooLong { bytes: 2332 })
        );
        // Japanese takes three bytes a character.
        assert_eq!(
            qr_svg(&"会".repeat(1000)),
            Err(QrError::TooLong { bytes: 3000 })
        );
    }

    #[test]
    fn debug_does_not_show_the_path() {
        let shown = format!("{:?}", qr_svg(URI).unwrap());
        assert_eq!(shown, "QrSvg { modules: 49, .. }");
    }
}
