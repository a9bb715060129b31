//! What a value must look like before Cognito sees it. Cognito takes a phone number only as
//! `+` and digits (E.164) and a birthdate only as `YYYY-MM-DD`; saying so here keeps what the
//! user typed on the page instead of a round trip that loses it.

use super::{AttributeName, InputKind, SignUpAttribute, StandardAttribute};
use crate::identifier::normalize_international_phone;

/// Why a value can't be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueProblem {
    Required,
    /// Not `+` with a country code and the number, in digits.
    PhoneFormat,
    /// Not a real date written `YYYY-MM-DD`.
    DateFormat,
    NotANumber,
    TooLong(usize),
}

/// The value to send for what the user typed (trimmed; a phone number read as the sign-in
/// field reads an international one), or why it can't be sent. An empty optional value is
/// `Ok("")`: nothing to send.
pub fn check_value(attribute: &SignUpAttribute, typed: &str) -> Result<String, ValueProblem> {
    let value = typed.trim().to_owned();
    if value.is_empty() {
        return if attribute.required {
            Err(ValueProblem::Required)
        } else {
            Ok(value)
        };
    }
    if value.chars().count() > attribute.max_length {
        return Err(ValueProblem::TooLong(attribute.max_length));
    }
    match &attribute.name {
        AttributeName::Standard(StandardAttribute::PhoneNumber) => {
            return normalize_international_phone(&value).map_err(|_| ValueProblem::PhoneFormat)
        }
        AttributeName::Standard(StandardAttribute::Birthdate) if !is_date(&value) => {
            return Err(ValueProblem::DateFormat)
        }
        _ => {}
    }
    match attribute.input {
        InputKind::Date if !is_date(&value) => Err(ValueProblem::DateFormat),
        InputKind::Number if value.parse::<f64>().map_or(true, |n| !n.is_finite()) => {
            Err(ValueProblem::NotANumber)
        }
        _ => Ok(value),
    }
}

/// `YYYY-MM-DD`, a day that exists (29 February only in leap years).
fn is_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = value.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}
