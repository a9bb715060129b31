//! What a new account is made of, per the pool's identifiers: a username of the user's choosing
//! with the email and/or phone the pool verifies, or the email or phone number that is the
//! username.

use crate::components::{
    country_signal, nfkc, use_identifiers, CountrySelect, Field, Form, IdentifierField, TextField,
};
use leptos::prelude::*;
use leptos_cognito_core::api::AttributeType;
use leptos_cognito_core::i18n::{IdentifierText, Text};
use leptos_cognito_core::identifier::{Country, IdKind};

/// The account to sign up: its username and the attributes it is created with.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub username: String,
    pub attributes: Vec<AttributeType>,
}

fn attribute(name: &str, value: &str) -> AttributeType {
    AttributeType {
        name: name.into(),
        value: value.into(),
    }
}

/// The account's fields, added to `form`. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AccountFields {
    /// `email` keeps the identifier field's input (the address, or the email or phone that is
    /// the username); `username` and `phone` the others'.
    email: RwSignal<String>,
    username: Option<(RwSignal<String>, Field<String>)>,
    /// Input `email`: the address beside a username, or the identifier that is the username.
    identifier: Option<Field<String>>,
    phone: Option<(RwSignal<String>, Field<String>)>,
    country: RwSignal<Country>,
}

impl AccountFields {
    pub fn new(form: Form, email: RwSignal<String>) -> Self {
        let pool = use_identifiers();
        let needs = pool.sign_up_fields();
        let country = country_signal();
        let username = needs.username.then(|| {
            let value = RwSignal::new(String::new());
            let pool = pool.clone();
            let field = form.field("username", move || {
                pool.read_new_username(&nfkc(&value.get()))
            });
            (value, field)
        });
        let identifier = if !needs.username {
            Some(form.identifier(email, country, pool.clone()))
        } else {
            needs.email.then(|| form.email(email, pool.clone()))
        };
        let phone = (needs.username && needs.phone).then(|| {
            let value = RwSignal::new(String::new());
            let pool = pool.clone();
            let field = form.field("phone", move || {
                pool.read_as(IdKind::Phone, &nfkc(&value.get()), country.get())
                    .map(|read| read.value)
            });
            (value, field)
        });
        Self {
            email,
            username,
            identifier,
            phone,
            country,
        }
    }

    /// The account, once every field is right (after [`Form::submit`]).
    pub fn account(&self) -> Option<NewAccount> {
        let Some((_, username)) = self.username else {
            // The email or phone is the username; the attribute says which.
            let typed = self.identifier?.value()?;
            // As read, an email has its `@` and a phone number is in E.164.
            let name = if typed.contains('@') {
                "email"
            } else {
                "phone_number"
            };
            return Some(NewAccount {
                attributes: vec![attribute(name, &typed)],
                username: typed,
            });
        };
        let mut attributes = Vec::new();
        if let Some(email) = self.identifier {
            attributes.push(attribute("email", &email.value()?));
        }
        if let Some((_, phone)) = self.phone {
            attributes.push(attribute("phone_number", &phone.value()?));
        }
        Some(NewAccount {
            username: username.value()?,
            attributes,
        })
    }

    pub fn view(&self) -> impl IntoView {
        let (email, identifier, country) = (self.email, self.identifier, self.country);
        let username = self.username.map(|(value, field)| {
            let label = Text::from(IdentifierText::Username);
            view! { <TextField id="username" label autocomplete="username" value error=field.error()/> }
        });
        let address = identifier.map(|field| {
            if self.username.is_some() {
                view! { <TextField id="email" label=Text::Email kind="email" autocomplete="email" value=email error=field.error()/> }
                .into_any()
            } else {
                view! { <IdentifierField value=email country field/> }.into_any()
            }
        });
        let phone = self.phone.map(|(value, field)| {
            let label = Text::from(IdentifierText::PhoneNumber);
            view! {
                <CountrySelect id="country" country/>
                <TextField id="phone" label kind="tel" autocomplete="tel-national" inputmode="tel" value error=field.error()/>
            }
        });
        view! { {username} {address} {phone} }
    }
}
