//! Cognito's refusals that are about an attribute. Its `InvalidParameterException` carries the
//! detail in words ("Attributes did not conform to the schema: name: The attribute is
//! required"), so the attribute at fault is read from them.

use crate::error::{ErrorCode, ServiceError};

/// A refusal the page can tie to an attribute (named as Cognito names it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttributeRefusal {
    /// The pool requires this attribute and it was left out.
    Required(String),
    /// The pool has no such attribute: the site's `signUpAttributes` lists one the pool lacks.
    NotInPool(String),
    /// The attribute can't change once given.
    Immutable(String),
    /// The app client may not write the attribute.
    NotWritable,
    PhoneFormat,
}

impl AttributeRefusal {
    /// The refusal this error stands for, if it concerns an attribute.
    pub fn of(error: &ServiceError) -> Option<Self> {
        let message = error.message.as_str();
        match error.code {
            ErrorCode::NotAuthorized if message.contains("write unauthorized attribute") => {
                Some(Self::NotWritable)
            }
            ErrorCode::InvalidParameter => invalid_parameter(message),
            _ => None,
        }
    }
}

fn invalid_parameter(message: &str) -> Option<AttributeRefusal> {
    if message.contains("Invalid phone number format") {
        return Some(AttributeRefusal::PhoneFormat);
    }
    // "user.custom:referral: Attribute cannot be updated."
    if let Some((name, _)) = message.split_once(": Attribute cannot be updated") {
        let name = name.trim().trim_start_matches("user.");
        return Some(AttributeRefusal::Immutable(name.to_owned()));
    }
    // Only the first attribute named; Cognito lists one per line.
    let detail = message.split_once("did not conform to the schema:")?.1;
    let line = detail.lines().map(str::trim).find(|l| !l.is_empty())?;
    let (name, reason) = line.split_once(": ")?;
    let name = name.trim().to_owned();
    if reason.contains("required") {
        Some(AttributeRefusal::Required(name))
    } else if reason.contains("does not exist") {
        Some(AttributeRefusal::NotInPool(name))
    } else {
        None
    }
}
