//! What a pool knows its users by (`signIn` in `config.json`): a username, an email address or
//! a phone number as the username (`UsernameAttributes`), or a username with the email and
//! phone as sign-in aliases (`AliasAttributes`), and whether usernames match case-sensitively.
//! From it follow the sign-in field's label and keyboard, how typed text is read
//! ([`SignInIdentifiers::read`]) and what sign-up asks for.

mod phone;

pub use phone::{
    looks_like_phone, normalize_international_phone, normalize_phone, Country, PhoneError,
    COUNTRIES,
};

use crate::validation::{normalize_email, FieldError, USERNAME_MAX_CHARS};

/// A kind of identifier a user can sign in with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    /// A username chosen at sign-up (or `preferred_username`).
    Username,
    Email,
    Phone,
}

/// An attribute that can stand in for the username or be a sign-in alias, by Cognito's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolAttribute {
    Email,
    PhoneNumber,
    /// Only as an alias.
    PreferredUsername,
}

impl PoolAttribute {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "email" => Some(Self::Email),
            "phone_number" => Some(Self::PhoneNumber),
            "preferred_username" => Some(Self::PreferredUsername),
            _ => None,
        }
    }

    fn kind(self) -> IdKind {
        match self {
            Self::Email => IdKind::Email,
            Self::PhoneNumber => IdKind::Phone,
            Self::PreferredUsername => IdKind::Username,
        }
    }
}

/// The pool's sign-in identifiers. The default is email as the username, case-insensitive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInIdentifiers {
    /// `UsernameAttributes`: what stands in for the username; empty when users choose one.
    pub username_attributes: Vec<PoolAttribute>,
    /// `AliasAttributes`: what a user with a username may also sign in with, once verified.
    pub alias_attributes: Vec<PoolAttribute>,
    /// `UsernameConfiguration.CaseSensitive`.
    pub case_sensitive: bool,
    /// The country national phone numbers are read in until the user picks another.
    pub default_country: Option<Country>,
}

impl Default for SignInIdentifiers {
    fn default() -> Self {
        Self {
            username_attributes: vec![PoolAttribute::Email],
            alias_attributes: Vec::new(),
            case_sensitive: false,
            default_country: None,
        }
    }
}

/// Who is signing in, as typed and read: the kind, and the text to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identifier {
    pub kind: IdKind,
    pub value: String,
}

/// What the sign-up form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignUpFields {
    /// A username of the user's choosing (else the email or phone is the username).
    pub username: bool,
    pub email: bool,
    pub phone: bool,
}

impl SignInIdentifiers {
    /// Whether users choose a username (no `UsernameAttributes`).
    pub fn has_username(&self) -> bool {
        self.username_attributes.is_empty()
    }

    /// The kinds the sign-in field takes, in the order its label names them.
    pub fn accepted(&self) -> Vec<IdKind> {
        let mut kinds = Vec::new();
        let attributes = if self.has_username() {
            kinds.push(IdKind::Username);
            &self.alias_attributes
        } else {
            &self.username_attributes
        };
        for kind in [IdKind::Email, IdKind::Phone] {
            if attributes.iter().any(|a| a.kind() == kind) {
                kinds.push(kind);
            }
        }
        kinds
    }

    pub fn accepts(&self, kind: IdKind) -> bool {
        self.accepted().contains(&kind)
    }

    /// What sign-up asks for: the username where users choose one, with the email (the
    /// alias, or the address codes go to when there is no alias) and the phone where they are
    /// aliases; else the email and/or phone that is the username, one field taking either.
    pub fn sign_up_fields(&self) -> SignUpFields {
        if self.has_username() {
            let alias = |a| self.alias_attributes.contains(&a);
            let phone = alias(PoolAttribute::PhoneNumber);
            SignUpFields {
                username: true,
                email: alias(PoolAttribute::Email) || !phone,
                phone,
            }
        } else {
            SignUpFields {
                username: false,
                email: self.accepts(IdKind::Email),
                phone: self.accepts(IdKind::Phone),
            }
        }
    }

    /// Reads the identifier typed into the sign-in field (text in NFKC): an email where it
    /// has an `@`, a phone number where it looks like one (national numbers in `country`),
    /// else a username — each only where the pool takes it — with the pool's case rule.
    pub fn read(&self, nfkc: &str, country: Country) -> Result<Identifier, FieldError> {
        let typed = nfkc.trim();
        let accepted = self.accepted();
        let only = |kind| accepted == [kind];
        let kind = if only(IdKind::Email) || only(IdKind::Phone) {
            // One kind only: read as that kind, with that kind's own messages.
            accepted[0]
        } else if typed.is_empty() {
            return Err(IdentifierError::Missing(self.label()).into());
        } else if typed.contains('@') && self.accepts(IdKind::Email) {
            IdKind::Email
        } else if looks_like_phone(typed) && self.accepts(IdKind::Phone) {
            IdKind::Phone
        } else if self.accepts(IdKind::Username) {
            IdKind::Username
        } else {
            return Err(IdentifierError::Invalid(self.label()).into());
        };
        self.read_as(kind, typed, country)
    }

    /// Reads `typed` (NFKC) as an identifier of `kind`.
    pub fn read_as(
        &self,
        kind: IdKind,
        typed: &str,
        country: Country,
    ) -> Result<Identifier, FieldError> {
        let value = match kind {
            IdKind::Email => self.read_email(typed)?,
            IdKind::Phone => normalize_phone(typed, country).map_err(|e| match e {
                PhoneError::Missing => IdentifierError::PhoneMissing,
                PhoneError::Invalid => IdentifierError::PhoneInvalid,
            })?,
            IdKind::Username => check_username(typed)?,
        };
        Ok(Identifier { kind, value })
    }

    /// Reads `typed` (NFKC) as an email address, in the case the pool stores it.
    pub fn read_email(&self, typed: &str) -> Result<String, FieldError> {
        Ok(self.email_case(normalize_email(typed)?, typed))
    }

    /// The profile's email field (`typed` in NFKC): a user who has no address may leave it
    /// empty (None: nothing to change); one who has an address can't empty it.
    pub fn read_profile_email(
        &self,
        typed: &str,
        has_email: bool,
    ) -> Result<Option<String>, FieldError> {
        if typed.trim().is_empty() && !has_email {
            return Ok(None);
        }
        self.read_email(typed).map(Some)
    }

    /// A new username, as sign-up takes it: a username, and not in the form of an alias the
    /// pool has (Cognito refuses a username that looks like an email when the email is an
    /// alias, and likewise for phone numbers).
    pub fn read_new_username(&self, nfkc: &str) -> Result<String, FieldError> {
        let username = check_username(nfkc.trim())?;
        let alias = |a| self.alias_attributes.contains(&a);
        if alias(PoolAttribute::Email) && normalize_email(&username).is_ok() {
            return Err(IdentifierError::UsernameLooksLikeEmail.into());
        }
        if alias(PoolAttribute::PhoneNumber)
            && username.starts_with('+')
            && looks_like_phone(&username)
        {
            return Err(IdentifierError::UsernameLooksLikePhone.into());
        }
        Ok(username)
    }

    /// The email address to send: lower-cased only where the pool is case-insensitive (so
    /// one spelling is stored and found); as typed, trimmed, where case matters.
    fn email_case(&self, lowered: String, typed: &str) -> String {
        if self.case_sensitive {
            typed.trim().to_owned()
        } else {
            lowered
        }
    }

    /// The sign-in field's label.
    pub fn label(&self) -> IdentifierLabel {
        let accepted = self.accepted();
        let has = |kind| accepted.contains(&kind);
        match (
            has(IdKind::Username),
            has(IdKind::Email),
            has(IdKind::Phone),
        ) {
            (true, true, true) => IdentifierLabel::UsernameEmailOrPhone,
            (true, true, false) => IdentifierLabel::UsernameOrEmail,
            (true, false, true) => IdentifierLabel::UsernameOrPhone,
            (true, false, false) => IdentifierLabel::Username,
            (false, true, true) => IdentifierLabel::EmailOrPhone,
            (false, false, true) => IdentifierLabel::Phone,
            (false, _, false) => IdentifierLabel::Email,
        }
    }

    /// The input's `type` and `inputmode`: an email or phone keyboard where that is all the
    /// field takes, plain text otherwise.
    pub fn input_kind(&self) -> (&'static str, Option<&'static str>) {
        match self.accepted().as_slice() {
            [IdKind::Email] => ("email", None),
            [IdKind::Phone] => ("tel", Some("tel")),
            _ => ("text", None),
        }
    }
}

/// A username as Cognito's `UsernameType` takes it: 1 to 128 characters, none of them spaces
/// or control characters.
fn check_username(typed: &str) -> Result<String, FieldError> {
    if typed.is_empty() {
        Err(IdentifierError::UsernameMissing.into())
    } else if typed.chars().count() > USERNAME_MAX_CHARS {
        Err(IdentifierError::UsernameTooLong.into())
    } else if typed.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Err(IdentifierError::UsernameInvalid.into())
    } else {
        Ok(typed.to_owned())
    }
}

/// Why a typed identifier can't be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifierError {
    /// Nothing typed into a field labelled so.
    Missing(IdentifierLabel),
    /// Not any of the identifiers the field takes.
    Invalid(IdentifierLabel),
    PhoneMissing,
    /// Not a number of the chosen country, nor an international one.
    PhoneInvalid,
    UsernameMissing,
    /// Longer than [`USERNAME_MAX_CHARS`].
    UsernameTooLong,
    /// Has spaces or control characters.
    UsernameInvalid,
    /// A new username in the form of an email address, in a pool with the email as an alias.
    UsernameLooksLikeEmail,
    /// A new username in the form of a phone number, in a pool with the phone as an alias.
    UsernameLooksLikePhone,
}

impl From<IdentifierError> for FieldError {
    fn from(error: IdentifierError) -> Self {
        FieldError::Identifier(error)
    }
}

/// How the sign-in field is labelled, after what it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifierLabel {
    Email,
    Phone,
    EmailOrPhone,
    Username,
    UsernameOrEmail,
    UsernameOrPhone,
    UsernameEmailOrPhone,
}

/// Who the signed-in user is, for "Signed in as": the email claim, else the phone number,
/// else the username.
pub fn display_name<'a>(
    email: Option<&'a str>,
    phone: Option<&'a str>,
    username: &'a str,
) -> &'a str {
    email
        .filter(|e| !e.is_empty())
        .or(phone.filter(|p| !p.is_empty()))
        .unwrap_or(username)
}

/// Whether `typed` confirms deleting the account of the user shown as `own` (see
/// [`display_name`]): the same text, whatever the case; nothing confirms for nobody.
pub fn confirms_deletion(typed: &str, own: &str) -> bool {
    let own = own.trim();
    !own.is_empty() && typed.trim().eq_ignore_ascii_case(own)
}

#[cfg(test)]
mod tests;
