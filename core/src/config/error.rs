//! What is wrong with a `config.json`, naming the field at fault, and the readers of fields
//! that report it.

use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("config.json could not be loaded: {0}")]
    Unavailable(String),
    #[error("config.json is not valid JSON: {0}")]
    NotJson(String),
    #[error("config.json must be a JSON object with the fields region, userPoolId and clientId")]
    NotAnObject,
    #[error("config.json is missing the field \"{0}\"")]
    Missing(&'static str),
    #[error("config.json field \"{field}\" must be a string")]
    NotAString { field: &'static str },
    #[error("config.json field \"{field}\" is invalid: {reason}")]
    Invalid {
        field: &'static str,
        reason: &'static str,
    },
}

impl ConfigError {
    /// The field at fault, if the error concerns one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Missing(field) | Self::NotAString { field } | Self::Invalid { field, .. } => {
                Some(field)
            }
            _ => None,
        }
    }
}

pub(super) fn invalid(field: &'static str, reason: &'static str) -> ConfigError {
    ConfigError::Invalid { field, reason }
}

pub(super) fn optional<'a>(
    object: &'a Map<String, Value>,
    field: &'static str,
) -> Result<Option<&'a str>, ConfigError> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim())),
        Some(_) => Err(ConfigError::NotAString { field }),
    }
}

pub(super) fn required<'a>(
    object: &'a Map<String, Value>,
    field: &'static str,
) -> Result<&'a str, ConfigError> {
    optional(object, field)?.ok_or(ConfigError::Missing(field))
}
