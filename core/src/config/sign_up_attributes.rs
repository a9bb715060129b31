//! `signUpAttributes`: the attributes the sign-up form asks for besides the email, in order.
//!
//! ```json
//! "signUpAttributes": [
//!   {"name": "name", "required": true},
//!   {"name": "custom:company", "label": {"en": "Company", "ja": "会社名"}, "maxLength": 64},
//!   {"name": "phone_number", "type": "tel"}
//! ]
//! ```
//! `required` defaults to false, `type` to what suits the attribute (`tel` for
//! `phone_number`, `date` for `birthdate`), `maxLength` to Cognito's 2048. A custom attribute
//! needs a `label` (a string, or one per language); a standard one has the page's own.

use super::error::{invalid, ConfigError};
use crate::attributes::{
    AttributeName, InputKind, Label, SignUpAttribute, StandardAttribute, MAX_VALUE_LENGTH,
};
use crate::identifier::SignInIdentifiers;
use serde_json::{Map, Value};

const FIELD: &str = "signUpAttributes";

pub(super) fn read(value: Option<&Value>) -> Result<Vec<SignUpAttribute>, ConfigError> {
    let items = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(invalid(FIELD, "expected a list of attributes")),
    };
    let mut attributes: Vec<SignUpAttribute> = Vec::with_capacity(items.len());
    for item in items {
        let object = item
            .as_object()
            .ok_or_else(|| invalid(FIELD, "each attribute must be an object with a name"))?;
        let attribute = one(object)?;
        if attributes.iter().any(|a| a.name == attribute.name) {
            return Err(invalid(FIELD, "an attribute is listed twice"));
        }
        attributes.push(attribute);
    }
    Ok(attributes)
}

/// Refuses an attribute the sign-up form already asks for as an identifier (the phone number
/// that signs in): it would show twice and be sent twice.
pub(super) fn check_against(
    attributes: &[SignUpAttribute],
    sign_in: &SignInIdentifiers,
) -> Result<(), ConfigError> {
    let phone = AttributeName::Standard(StandardAttribute::PhoneNumber);
    if sign_in.sign_up_fields().phone && attributes.iter().any(|a| a.name == phone) {
        return Err(invalid(
            FIELD,
            "phone_number is already asked for as what users sign in with (signIn); remove it here",
        ));
    }
    Ok(())
}

fn one(object: &Map<String, Value>) -> Result<SignUpAttribute, ConfigError> {
    let name = object
        .get("name")
        .and_then(Value::as_str)
        .and_then(AttributeName::parse)
        .ok_or_else(|| {
            invalid(
                FIELD,
                "name must be a standard attribute (name, given_name, family_name, phone_number, birthdate, locale, ...) or custom:<name>",
            )
        })?;
    let required = match object.get("required") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(required)) => *required,
        Some(_) => return Err(invalid(FIELD, "required must be true or false")),
    };
    let label = label(object.get("label"))?;
    if label.is_none() && matches!(name, AttributeName::Custom(_)) {
        return Err(invalid(FIELD, "a custom attribute needs a label"));
    }
    let input = match object.get("type") {
        None | Some(Value::Null) => match &name {
            AttributeName::Standard(standard) => standard.default_input(),
            AttributeName::Custom(_) => InputKind::Text,
        },
        Some(Value::String(kind)) => InputKind::from_name(kind)
            .ok_or_else(|| invalid(FIELD, "type must be text, tel, date, url or number"))?,
        Some(_) => {
            return Err(invalid(
                FIELD,
                "type must be text, tel, date, url or number",
            ))
        }
    };
    let max_length = match object.get("maxLength") {
        None | Some(Value::Null) => MAX_VALUE_LENGTH,
        Some(limit) => limit
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| (1..=MAX_VALUE_LENGTH).contains(n))
            .ok_or_else(|| invalid(FIELD, "maxLength must be a number from 1 to 2048"))?,
    };
    Ok(SignUpAttribute {
        name,
        required,
        label,
        input,
        max_length,
    })
}

/// A label for every language (`"Company"`) or per language (`{"en": "Company", "ja": "会社名"}`,
/// English required).
fn label(value: Option<&Value>) -> Result<Option<Label>, ConfigError> {
    const BAD: &str = "label must be a string or {\"en\": ..., \"ja\": ...}";
    let text = |v: Option<&Value>| -> Result<Option<String>, ConfigError> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_owned())),
            Some(_) => Err(invalid(FIELD, BAD)),
        }
    };
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(_)) => Ok(text(value)?.map(|en| Label { en, ja: None })),
        Some(Value::Object(per_lang)) => {
            let en = text(per_lang.get("en"))?.ok_or_else(|| invalid(FIELD, BAD))?;
            Ok(Some(Label {
                en,
                ja: text(per_lang.get("ja"))?,
            }))
        }
        Some(_) => Err(invalid(FIELD, BAD)),
    }
}
