//! `signIn`: the pool's sign-in identifiers, by the names of its `CreateUserPool` settings:
//! `{"usernameAttributes": ["email"], "aliasAttributes": [], "caseSensitive": false,
//! "defaultCountry": "JP"}`. Absent, email is the username and case doesn't matter.

use super::error::invalid;
use super::ConfigError;
use crate::identifier::{Country, PoolAttribute, SignInIdentifiers};
use serde_json::{Map, Value};

const FIELD: &str = "signIn";

pub(super) fn read(object: &Map<String, Value>) -> Result<SignInIdentifiers, ConfigError> {
    let settings = match object.get(FIELD) {
        None | Some(Value::Null) => return Ok(SignInIdentifiers::default()),
        Some(Value::Object(settings)) => settings,
        Some(_) => {
            return Err(invalid(
                FIELD,
                "expected an object such as {\"usernameAttributes\": [\"email\"]}",
            ))
        }
    };
    let username_attributes = match settings.get("usernameAttributes") {
        // Left out, with aliases given, the pool has usernames; with neither, today's email.
        None | Some(Value::Null) if settings.get("aliasAttributes").is_some() => Vec::new(),
        None | Some(Value::Null) => vec![PoolAttribute::Email],
        Some(value) => attributes(value, false).ok_or_else(|| {
            invalid(
                FIELD,
                "usernameAttributes may list only email and phone_number",
            )
        })?,
    };
    let alias_attributes = match settings.get("aliasAttributes") {
        None | Some(Value::Null) => Vec::new(),
        Some(value) => attributes(value, true).ok_or_else(|| {
            invalid(
                FIELD,
                "aliasAttributes may list only email, phone_number and preferred_username",
            )
        })?,
    };
    if !username_attributes.is_empty() && !alias_attributes.is_empty() {
        // Cognito refuses a pool with both.
        return Err(invalid(
            FIELD,
            "a pool has usernameAttributes or aliasAttributes, not both",
        ));
    }
    let case_sensitive = match settings.get("caseSensitive") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(sensitive)) => *sensitive,
        Some(_) => return Err(invalid(FIELD, "caseSensitive must be true or false")),
    };
    let default_country = match settings.get("defaultCountry") {
        None | Some(Value::Null) => None,
        Some(Value::String(iso)) => Some(Country::from_iso(iso).ok_or_else(|| {
            invalid(
                FIELD,
                "defaultCountry must be a country code such as JP or US from the list in the README",
            )
        })?),
        Some(_) => return Err(invalid(FIELD, "defaultCountry must be a country code such as JP")),
    };
    Ok(SignInIdentifiers {
        username_attributes,
        alias_attributes,
        case_sensitive,
        default_country,
    })
}

/// A list of attribute names, each once; `preferred_username` only as an alias.
fn attributes(value: &Value, alias: bool) -> Option<Vec<PoolAttribute>> {
    let mut found = Vec::new();
    for item in value.as_array()? {
        let attribute = PoolAttribute::from_name(item.as_str()?)?;
        if (attribute == PoolAttribute::PreferredUsername && !alias) || found.contains(&attribute) {
            return None;
        }
        found.push(attribute);
    }
    Some(found)
}
