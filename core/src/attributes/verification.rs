//! Emails and phone numbers proven with a code: which attribute a code Cognito sent is for, and
//! whether the pool keeps the old value in use until it comes back
//! (`AttributesRequireVerificationBeforeUpdate`).

use crate::api::{AttributeType, CodeDeliveryDetails};

/// An attribute Cognito proves with a code sent to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verifiable {
    Email,
    PhoneNumber,
}

impl Verifiable {
    pub const ALL: [Self; 2] = [Self::Email, Self::PhoneNumber];

    /// The name Cognito's calls use.
    pub fn cognito_name(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::PhoneNumber => "phone_number",
        }
    }

    /// The attribute named so (a `CodeDeliveryDetails`' `AttributeName`), if it is one.
    pub fn from_cognito_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.cognito_name() == name)
    }

    /// The attribute that says whether this one is verified.
    fn verified_flag(self) -> &'static str {
        match self {
            Self::Email => "email_verified",
            Self::PhoneNumber => "phone_number_verified",
        }
    }

    /// Whether `attributes` (as `GetUser` reads them) say this one is verified.
    pub fn verified_in(self, attributes: &[AttributeType]) -> bool {
        value_of(attributes, self.verified_flag()).as_deref() == Some("true")
    }
}

/// The value of the attribute `name` among `attributes`.
pub fn value_of(attributes: &[AttributeType], name: &str) -> Option<String> {
    attributes
        .iter()
        .find(|a| a.name == name)
        .map(|a| a.value.clone())
}

/// A code Cognito sent to an email address or phone number, waiting to be entered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SentCode {
    pub attribute: Verifiable,
    /// The new value while the pool keeps the old one in use until the code comes back; None:
    /// the value in use is the one being verified.
    pub pending: Option<String>,
    /// Where it went, masked (`+********0958`).
    pub sent_to: Option<String>,
}

/// The codes `UpdateUserAttributes` sent (`sent`) for the `changed` attributes, given the
/// attributes as `GetUser` reads them afterwards (`now`): a changed value that isn't in use yet
/// is pending.
pub fn codes_after_update(
    sent: Vec<CodeDeliveryDetails>,
    changed: &[AttributeType],
    now: &[AttributeType],
) -> Vec<SentCode> {
    sent.into_iter()
        .filter_map(|delivery| {
            let attribute = Verifiable::from_cognito_name(delivery.attribute_name.as_deref()?)?;
            let name = attribute.cognito_name();
            Some(SentCode {
                attribute,
                pending: value_of(changed, name)
                    .filter(|new| value_of(now, name).as_ref() != Some(new)),
                sent_to: delivery.destination,
            })
        })
        .collect()
}
