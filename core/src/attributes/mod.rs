//! User attributes beyond the email: which ones sign-up asks for (`signUpAttributes` in
//! `config.json`), what a value must look like before Cognito sees it, which of Cognito's
//! refusals names an attribute, and the codes that verify an email or phone number.

mod refusal;
mod value;
mod verification;

pub use refusal::AttributeRefusal;
pub use value::{check_value, ValueProblem};
pub use verification::{codes_after_update, value_of, SentCode, Verifiable};

use crate::i18n::Lang;

/// The standard (OpenID Connect) attributes the page knows how to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StandardAttribute {
    Name,
    GivenName,
    FamilyName,
    MiddleName,
    Nickname,
    PhoneNumber,
    Birthdate,
    Locale,
    Gender,
    Zoneinfo,
    Website,
}

impl StandardAttribute {
    pub const ALL: [Self; 11] = [
        Self::Name,
        Self::GivenName,
        Self::FamilyName,
        Self::MiddleName,
        Self::Nickname,
        Self::PhoneNumber,
        Self::Birthdate,
        Self::Locale,
        Self::Gender,
        Self::Zoneinfo,
        Self::Website,
    ];

    /// Cognito's name for the attribute.
    pub fn cognito_name(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::GivenName => "given_name",
            Self::FamilyName => "family_name",
            Self::MiddleName => "middle_name",
            Self::Nickname => "nickname",
            Self::PhoneNumber => "phone_number",
            Self::Birthdate => "birthdate",
            Self::Locale => "locale",
            Self::Gender => "gender",
            Self::Zoneinfo => "zoneinfo",
            Self::Website => "website",
        }
    }

    /// The input that suits the attribute unless the config says otherwise.
    pub(crate) fn default_input(self) -> InputKind {
        match self {
            Self::PhoneNumber => InputKind::Tel,
            Self::Birthdate => InputKind::Date,
            Self::Website => InputKind::Url,
            _ => InputKind::Text,
        }
    }
}

/// An attribute's name: a standard one, or a custom one (`custom:company`, kept without the
/// prefix).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AttributeName {
    Standard(StandardAttribute),
    Custom(String),
}

/// Cognito's limit on a custom attribute's name (without `custom:`).
const CUSTOM_NAME_MAX: usize = 20;

impl AttributeName {
    /// `name`, `phone_number`, `custom:company`; None for anything else (`email` is the
    /// username, not an extra attribute).
    pub fn parse(name: &str) -> Option<Self> {
        if let Some(custom) = name.strip_prefix("custom:") {
            let ok = !custom.is_empty()
                && custom.chars().count() <= CUSTOM_NAME_MAX
                && custom
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
            return ok.then(|| Self::Custom(custom.to_owned()));
        }
        StandardAttribute::ALL
            .into_iter()
            .find(|a| a.cognito_name() == name)
            .map(Self::Standard)
    }

    /// The name Cognito's calls use.
    pub fn cognito_name(&self) -> String {
        match self {
            Self::Standard(attribute) => attribute.cognito_name().to_owned(),
            Self::Custom(name) => format!("custom:{name}"),
        }
    }
}

/// What kind of input a field is, as HTML's `type` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Tel,
    Date,
    Url,
    Number,
}

impl InputKind {
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "text" => Self::Text,
            "tel" => Self::Tel,
            "date" => Self::Date,
            "url" => Self::Url,
            "number" => Self::Number,
            _ => return None,
        })
    }

    /// The `type` of the `<input>`.
    pub fn html_type(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Tel => "tel",
            Self::Date => "date",
            Self::Url => "url",
            Self::Number => "number",
        }
    }

    /// The browser's hint for filling the field in, where one fits.
    pub fn autocomplete(name: &AttributeName) -> &'static str {
        match name {
            AttributeName::Standard(StandardAttribute::Name) => "name",
            AttributeName::Standard(StandardAttribute::GivenName) => "given-name",
            AttributeName::Standard(StandardAttribute::FamilyName) => "family-name",
            AttributeName::Standard(StandardAttribute::MiddleName) => "additional-name",
            AttributeName::Standard(StandardAttribute::Nickname) => "nickname",
            AttributeName::Standard(StandardAttribute::PhoneNumber) => "tel",
            AttributeName::Standard(StandardAttribute::Birthdate) => "bday",
            AttributeName::Standard(StandardAttribute::Locale) => "language",
            AttributeName::Standard(StandardAttribute::Gender) => "sex",
            AttributeName::Standard(StandardAttribute::Website) => "url",
            _ => "off",
        }
    }
}

/// A field's label, per language; a language without its own falls back to English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub en: String,
    pub ja: Option<String>,
}

impl Label {
    pub fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => self.ja.as_deref().unwrap_or(&self.en),
            Lang::En => &self.en,
        }
    }
}

/// One attribute the sign-up form asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignUpAttribute {
    pub name: AttributeName,
    pub required: bool,
    /// The config's label; None: the catalogue's words for a standard attribute.
    pub label: Option<Label>,
    pub input: InputKind,
    /// Longest value accepted (Cognito's limit is 2048 characters).
    pub max_length: usize,
}

/// Cognito's longest attribute value.
pub const MAX_VALUE_LENGTH: usize = 2048;

#[cfg(test)]
mod tests;
