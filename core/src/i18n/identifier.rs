//! The words of sign-in identifiers: the identifier field's label, phone numbers and their
//! countries, sign-up's username, where a code was sent, and identifiers already taken.

mod en;
mod ja;

use super::{Lang, Text};
use crate::identifier::{
    IdKind, IdentifierError, IdentifierLabel, PoolAttribute, SignInIdentifiers,
};
use crate::problem::Problem;
use std::borrow::Cow;

/// Something the identifier fields and the pages around them say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentifierText {
    /// The sign-in field's label.
    Label(IdentifierLabel),
    Username,
    PhoneNumber,
    /// The country selector's label.
    Country,
    /// A country in the selector, by its ISO code, with its calling code.
    CountryName {
        iso: &'static str,
        code: &'static str,
    },
    /// How to type a phone number.
    PhoneHint,
    /// A code went by text message (`DeliveryMedium` `SMS`): where to (Cognito's masked
    /// number), and whether it is a code sent again. Emailed codes say [`Text::CodeSent`].
    TextedCode {
        to: Option<String>,
        again: bool,
    },
    /// The forgot-password page's intro, for the identifiers the pool takes.
    ForgotIntro(IdentifierLabel),
    /// `UsernameExistsException` where the user chose the username or a phone is the username.
    Taken(IdKind),
    /// `AliasExistsException`: another account has this verified email or phone (`Username`:
    /// either, where the pool has both aliases).
    AliasTaken(IdKind),
    /// `NotAuthorizedException` "Incorrect username or password." (also what a pool that
    /// hides whether users exist answers for an unknown one), for a field labelled so.
    IncorrectCredentials(IdentifierLabel),
    /// `UserNotFoundException`, for a field labelled so.
    NotFound(IdentifierLabel),
    /// An identifier field's error.
    Field(IdentifierError),
}

/// The words for a failure in a pool of this shape: wrong credentials and unknown accounts
/// name what the pool signs in with, a username, phone or alias already taken is named as
/// such; anything else is the problem's own message.
pub fn pool_problem(problem: Problem, pool: &SignInIdentifiers) -> Text {
    let kind = if pool.has_username() {
        IdKind::Username
    } else if pool.accepted() == [IdKind::Phone] {
        IdKind::Phone
    } else {
        IdKind::Email
    };
    let alias = |a| pool.alias_attributes.contains(&a);
    let label = pool.label();
    match problem {
        Problem::IncorrectCredentials if label != IdentifierLabel::Email => {
            IdentifierText::IncorrectCredentials(label).into()
        }
        Problem::UserNotFound if label != IdentifierLabel::Email => {
            IdentifierText::NotFound(label).into()
        }
        Problem::UsernameExists if kind != IdKind::Email => IdentifierText::Taken(kind).into(),
        Problem::AliasExists => IdentifierText::AliasTaken(
            match (
                alias(PoolAttribute::Email),
                alias(PoolAttribute::PhoneNumber),
            ) {
                (false, true) => IdKind::Phone,
                (true, true) => IdKind::Username,
                _ => IdKind::Email,
            },
        )
        .into(),
        other => Text::Problem(other),
    }
}

render_by_lang!(IdentifierText);

impl IdentifierText {
    /// Every text, with sample data, for checks that each catalogue words them all.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<Self> {
        use IdentifierLabel as L;
        let labels = [
            L::Email,
            L::Phone,
            L::EmailOrPhone,
            L::Username,
            L::UsernameOrEmail,
            L::UsernameOrPhone,
            L::UsernameEmailOrPhone,
        ];
        let kinds = [IdKind::Username, IdKind::Email, IdKind::Phone];
        let mut all = vec![
            Self::Username,
            Self::PhoneNumber,
            Self::Country,
            Self::PhoneHint,
        ];
        all.extend(labels.map(Self::Label));
        all.extend(labels.map(Self::ForgotIntro));
        all.extend(labels.map(Self::IncorrectCredentials));
        all.extend(labels.map(Self::NotFound));
        all.extend(labels.map(|l| Self::Field(IdentifierError::Missing(l))));
        all.extend(labels.map(|l| Self::Field(IdentifierError::Invalid(l))));
        all.extend(crate::identifier::COUNTRIES.map(|c| Self::CountryName {
            iso: c.iso,
            code: c.calling_code,
        }));
        all.extend(kinds.map(Self::Taken));
        all.extend(kinds.map(Self::AliasTaken));
        for to in [None, Some("+*******5678".to_owned())] {
            for again in [false, true] {
                all.push(Self::TextedCode {
                    to: to.clone(),
                    again,
                });
            }
        }
        all.extend(
            [
                IdentifierError::PhoneMissing,
                IdentifierError::PhoneInvalid,
                IdentifierError::UsernameMissing,
                IdentifierError::UsernameTooLong,
                IdentifierError::UsernameInvalid,
                IdentifierError::UsernameLooksLikeEmail,
                IdentifierError::UsernameLooksLikePhone,
            ]
            .map(Self::Field),
        );
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_identifiers_are_named_after_the_pool() {
        let username_pool = SignInIdentifiers {
            username_attributes: vec![],
            alias_attributes: vec![PoolAttribute::Email],
            ..SignInIdentifiers::default()
        };
        assert_eq!(
            pool_problem(Problem::UsernameExists, &username_pool),
            Text::Identifier(IdentifierText::Taken(IdKind::Username))
        );
        assert_eq!(
            pool_problem(Problem::AliasExists, &username_pool),
            Text::Identifier(IdentifierText::AliasTaken(IdKind::Email))
        );
        let phone_pool = SignInIdentifiers {
            username_attributes: vec![PoolAttribute::PhoneNumber],
            ..SignInIdentifiers::default()
        };
        assert_eq!(
            pool_problem(Problem::UsernameExists, &phone_pool),
            Text::Identifier(IdentifierText::Taken(IdKind::Phone))
        );
        assert_eq!(
            pool_problem(Problem::IncorrectCredentials, &username_pool),
            Text::Identifier(IdentifierText::IncorrectCredentials(
                IdentifierLabel::UsernameOrEmail
            ))
        );
        let default = SignInIdentifiers::default();
        assert_eq!(
            pool_problem(Problem::IncorrectCredentials, &default),
            Text::Problem(Problem::IncorrectCredentials)
        );
        assert_eq!(
            pool_problem(Problem::UsernameExists, &default),
            Text::Problem(Problem::UsernameExists)
        );
        assert_eq!(
            pool_problem(Problem::UserNotFound, &default),
            Text::Problem(Problem::UserNotFound)
        );
    }
}
