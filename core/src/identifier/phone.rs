//! Phone numbers in E.164 (`+819012345678`), the only form Cognito takes for `phone_number`,
//! from what people type: the international form, or the national one (`090-1234-5678`) with
//! the country chosen beside the field.

/// A country a national number may be dialled in: its calling code, the trunk prefix its
/// national numbers are dialled with (dropped in E.164), and how many digits its national
/// significant numbers have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, `JP`.
    pub iso: &'static str,
    /// Without the `+`, `81`.
    pub calling_code: &'static str,
    trunk_prefix: Option<char>,
    /// Fewest and most digits of a national significant number (ITU-T E.164 national plans).
    digits: (usize, usize),
}

const fn country(
    iso: &'static str,
    calling_code: &'static str,
    trunk_prefix: Option<char>,
    digits: (usize, usize),
) -> Country {
    Country {
        iso,
        calling_code,
        trunk_prefix,
        digits,
    }
}

/// The countries the selector offers, Japan first. Numbers of other countries are entered in
/// the international form.
pub const COUNTRIES: [Country; 16] = [
    country("JP", "81", Some('0'), (9, 10)),
    country("US", "1", Some('1'), (10, 10)),
    country("CA", "1", Some('1'), (10, 10)),
    country("GB", "44", Some('0'), (9, 10)),
    country("AU", "61", Some('0'), (9, 9)),
    country("NZ", "64", Some('0'), (8, 10)),
    country("DE", "49", Some('0'), (6, 13)),
    country("FR", "33", Some('0'), (9, 9)),
    country("KR", "82", Some('0'), (8, 10)),
    country("CN", "86", Some('0'), (10, 11)),
    country("TW", "886", Some('0'), (8, 9)),
    country("HK", "852", None, (8, 8)),
    country("SG", "65", None, (8, 8)),
    country("IN", "91", Some('0'), (10, 10)),
    country("PH", "63", Some('0'), (10, 10)),
    country("BR", "55", Some('0'), (10, 11)),
];

/// E.164: at most 15 digits after the `+`.
const E164_MAX_DIGITS: usize = 15;
/// The fewest digits an international number of a code not in [`COUNTRIES`] is taken with.
const E164_MIN_DIGITS: usize = 8;

impl Country {
    /// The country with this ISO code (any case).
    pub fn from_iso(iso: &str) -> Option<Self> {
        COUNTRIES
            .into_iter()
            .find(|country| country.iso.eq_ignore_ascii_case(iso.trim()))
    }

    /// The national significant number, from a national number as dialled (trunk prefix
    /// dropped), if it has this country's length.
    fn national(self, digits: &str) -> Option<String> {
        let significant = match self.trunk_prefix {
            Some(trunk) if digits.len() > self.digits.0 && digits.starts_with(trunk) => {
                &digits[1..]
            }
            _ => digits,
        };
        // No national significant number starts with the trunk prefix (0, or NANP's 1).
        let leading_trunk = self
            .trunk_prefix
            .is_some_and(|trunk| significant.starts_with(trunk));
        ((self.digits.0..=self.digits.1).contains(&significant.len()) && !leading_trunk)
            .then(|| significant.to_owned())
    }
}

/// Why a typed phone number can't be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneError {
    Missing,
    /// Not a number of the chosen country, nor an international one.
    Invalid,
}

/// Separators people put in phone numbers (after NFKC: the full-width ones a Japanese IME
/// types are then ASCII, except the dashes and the long-vowel mark, listed here).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '(' | ')' | '.' | '/' | '‐' | '‑' | '–' | '—' | '−' | 'ー'
        )
}

/// Whether `typed` (NFKC) is made of what phone numbers are: digits, separators and a
/// leading `+`, with at least one digit.
pub fn looks_like_phone(typed: &str) -> bool {
    let body = typed.trim().strip_prefix('+').unwrap_or(typed.trim());
    body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || is_separator(c))
}

/// The number in E.164, from text in Unicode NFKC: `+` and the international number, or the
/// national number dialled in `country` (its trunk prefix dropped). A trunk `0` kept after
/// the calling code (`+81 090…`, a common slip) is dropped too.
pub fn normalize_phone(nfkc: &str, country: Country) -> Result<String, PhoneError> {
    let trimmed = nfkc.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Missing);
    }
    if !looks_like_phone(trimmed) {
        return Err(PhoneError::Invalid);
    }
    if trimmed.starts_with('+') {
        return normalize_international_phone(trimmed);
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    country
        .national(&digits)
        .map(|national| format!("+{}{national}", country.calling_code))
        .ok_or(PhoneError::Invalid)
}

/// The number in E.164 from text (NFKC) that must be international: `+` and the calling code
/// (where no country is chosen, as in an attribute field), read as [`normalize_phone`] reads it.
pub fn normalize_international_phone(nfkc: &str) -> Result<String, PhoneError> {
    let trimmed = nfkc.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Missing);
    }
    let Some(body) = trimmed.strip_prefix('+') else {
        return Err(PhoneError::Invalid);
    };
    if !looks_like_phone(trimmed) {
        return Err(PhoneError::Invalid);
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    match known_country(&digits) {
        Some(known) => known
            .national(&digits[known.calling_code.len()..])
            .map(|national| format!("+{}{national}", known.calling_code))
            .ok_or(PhoneError::Invalid),
        None if (E164_MIN_DIGITS..=E164_MAX_DIGITS).contains(&digits.len())
            && !digits.starts_with('0') =>
        {
            Ok(format!("+{digits}"))
        }
        None => Err(PhoneError::Invalid),
    }
}

/// The country of the table whose calling code starts these international digits (codes are
/// prefix-free, so at most one code matches; countries sharing one have the same plan).
fn known_country(digits: &str) -> Option<Country> {
    COUNTRIES
        .into_iter()
        .find(|country| digits.starts_with(country.calling_code))
}
