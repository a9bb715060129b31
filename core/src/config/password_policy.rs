//! `passwordPolicy`: the pool's rules for new passwords, as Cognito's `PasswordPolicyType` in
//! camelCase.

use super::error::ConfigError;
use crate::password_policy::PasswordPolicy;
use serde_json::{Map, Value};

/// Cognito's bounds for `MinimumLength`.
const LENGTH_RANGE: std::ops::RangeInclusive<u64> = 6..=99;

/// Reads `config.json`'s `passwordPolicy`. Absent (or `null`) means Cognito's default policy.
/// In a given object, as in Cognito's API, an omitted requirement is not required and an
/// omitted `minimumLength` is 8. Other fields (`temporaryPasswordValidityDays`, ...) are
/// ignored, so the policy can be pasted from `describe-user-pool` output.
pub(super) fn read(value: Option<&Value>) -> Result<PasswordPolicy, ConfigError> {
    let object =
        match value {
            None | Some(Value::Null) => return Ok(PasswordPolicy::default()),
            Some(Value::Object(object)) => object,
            Some(_) => return Err(ConfigError::Invalid {
                field: "passwordPolicy",
                reason:
                    "expected an object such as {\"minimumLength\": 8, \"requireNumbers\": true}",
            }),
        };
    let minimum_length = match object.get("minimumLength") {
        None | Some(Value::Null) => 8,
        Some(value) => value
            .as_u64()
            .filter(|n| LENGTH_RANGE.contains(n))
            .and_then(|n| u8::try_from(n).ok())
            .ok_or(ConfigError::Invalid {
                field: "passwordPolicy.minimumLength",
                reason: "expected a whole number from 6 to 99",
            })?,
    };
    Ok(PasswordPolicy {
        minimum_length,
        require_lowercase: flag(
            object,
            "requireLowercase",
            "passwordPolicy.requireLowercase",
        )?,
        require_uppercase: flag(
            object,
            "requireUppercase",
            "passwordPolicy.requireUppercase",
        )?,
        require_numbers: flag(object, "requireNumbers", "passwordPolicy.requireNumbers")?,
        require_symbols: flag(object, "requireSymbols", "passwordPolicy.requireSymbols")?,
    })
}

fn flag(object: &Map<String, Value>, key: &str, field: &'static str) -> Result<bool, ConfigError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(value)) => Ok(*value),
        Some(_) => Err(ConfigError::Invalid {
            field,
            reason: "expected true or false",
        }),
    }
}
