//! A form's fields, each with its check written once: the check gives the field's live error
//! (shown once the form, or a button that needs the field, was first used) and the verdict when
//! the form is submitted, which focuses the first invalid field.

use super::{focus, nfkc};
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::identifier::{Country, SignInIdentifiers};
use leptos_cognito_core::password_policy::PasswordPolicy;
use leptos_cognito_core::validation::{
    check_new_password, passwords_match, require_password, FieldError,
};
use std::sync::Arc;

type Check<T> = Arc<dyn Fn() -> Result<T, FieldError> + Send + Sync>;
type Adopt<T> = Arc<dyn Fn(&T) + Send + Sync>;

/// One field of a [`Form`]: its input's id, whether its error shows yet, and its check, which
/// reads the field's value (tracked) and gives the value to send. Cheap to copy.
pub struct Field<T: 'static> {
    id: &'static str,
    shown: RwSignal<bool>,
    check: StoredValue<Check<T>>,
    /// Puts the value to send back into the input (the address as normalised).
    adopt: StoredValue<Option<Adopt<T>>>,
}

impl<T> Clone for Field<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Field<T> {}

impl<T: Send + Sync + 'static> Field<T> {
    fn verdict(&self) -> Result<T, FieldError> {
        untrack(|| self.check.with_value(|check| check()))
    }

    /// The field's error, in the catalogue's words: none until it was first checked, then live
    /// as the value changes.
    pub fn error(&self) -> Signal<Option<Text>> {
        let (shown, check) = (self.shown, self.check);
        Signal::derive(move || {
            if shown.get() {
                check.with_value(|check| check()).err().map(Text::Field)
            } else {
                None
            }
        })
    }

    /// The value to send, put back into the input where the field adopts it.
    fn take(&self) -> Result<T, FieldError> {
        let value = self.verdict()?;
        self.adopt.with_value(|adopt| {
            if let Some(adopt) = adopt {
                adopt(&value);
            }
        });
        Ok(value)
    }

    /// Checks this field alone (for a button that needs only it): its error shows from now on,
    /// and it takes focus if it is wrong. The value to send, when it is right.
    pub fn check(&self) -> Option<T> {
        self.shown.set(true);
        let taken = self.take();
        if taken.is_err() {
            focus(self.id);
        }
        taken.ok()
    }

    /// The value to send, after [`Form::submit`] found every field right.
    pub fn value(&self) -> Option<T> {
        self.take().ok()
    }
}

/// The fields of one form, in the order of the page. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Form {
    fields: StoredValue<Vec<Entry>>,
}

/// What the form needs of each field, whatever its value's type.
struct Entry {
    id: &'static str,
    shown: RwSignal<bool>,
    check: Check<()>,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            fields: StoredValue::new(Vec::new()),
        }
    }
}

impl Form {
    /// Adds the field whose input has `id`, checked by `check`.
    pub fn field<T: Send + Sync + 'static>(
        &self,
        id: &'static str,
        check: impl Fn() -> Result<T, FieldError> + Send + Sync + 'static,
    ) -> Field<T> {
        let check: Check<T> = Arc::new(check);
        let shown = RwSignal::new(false);
        let verdict = check.clone();
        self.fields.update_value(|fields| {
            fields.push(Entry {
                id,
                shown,
                check: Arc::new(move || verdict().map(drop)),
            })
        });
        Field {
            id,
            shown,
            check: StoredValue::new(check),
            adopt: StoredValue::new(None),
        }
    }

    /// Whatever the pool signs in with (input `email`), read by `pool` (national phone
    /// numbers in `country`), sent and shown as read.
    pub fn identifier(
        &self,
        value: RwSignal<String>,
        country: RwSignal<Country>,
        pool: SignInIdentifiers,
    ) -> Field<String> {
        let field = self.field("email", move || {
            pool.read(&nfkc(&value.get()), country.get())
                .map(|identifier| identifier.value)
        });
        field
            .adopt
            .set_value(Some(Arc::new(move |read: &String| value.set(read.clone()))));
        field
    }

    /// An email address beside another identifier (input `email`), read by the pool's case
    /// rule, sent and shown as read.
    pub fn email(&self, value: RwSignal<String>, pool: SignInIdentifiers) -> Field<String> {
        let field = self.field("email", move || pool.read_email(&nfkc(&value.get())));
        field
            .adopt
            .set_value(Some(Arc::new(move |read: &String| value.set(read.clone()))));
        field
    }

    /// The profile's email (input `email`): empty allowed while the user has none
    /// (`has_email` false), else read as [`Self::email`] reads it.
    pub fn profile_email(
        &self,
        value: RwSignal<String>,
        has_email: Signal<bool>,
        pool: SignInIdentifiers,
    ) -> Field<Option<String>> {
        let field = self.field("email", move || {
            pool.read_profile_email(&nfkc(&value.get()), has_email.get())
        });
        field
            .adopt
            .set_value(Some(Arc::new(move |read: &Option<String>| {
                if let Some(read) = read {
                    value.set(read.clone());
                }
            })));
        field
    }

    /// A password the user already has: it must not be empty.
    pub fn password(&self, id: &'static str, value: RwSignal<String>) -> Field<()> {
        self.field(id, move || value.with(|typed| require_password(typed)))
    }

    /// A new password, against the pool's policy.
    pub fn new_password(
        &self,
        id: &'static str,
        value: RwSignal<String>,
        policy: PasswordPolicy,
    ) -> Field<()> {
        self.field(id, move || {
            value.with(|typed| check_new_password(&policy, typed).map_err(|(error, _)| error))
        })
    }

    /// The new password typed again (input `confirm-password`).
    pub fn confirmation(&self, password: RwSignal<String>, again: RwSignal<String>) -> Field<()> {
        self.field("confirm-password", move || {
            passwords_match(&password.get(), &again.get())
        })
    }

    /// The form was submitted: every field's error shows from now on. True when all are right;
    /// otherwise the first wrong one takes focus.
    pub fn submit(&self) -> bool {
        let first_wrong = self.fields.with_value(|fields| {
            fields.iter().for_each(|field| field.shown.set(true));
            fields
                .iter()
                .find(|field| untrack(|| (field.check)().is_err()))
                .map(|field| field.id)
        });
        first_wrong.inspect(|id| focus(id)).is_none()
    }

    /// The form's submit handler: unless `busy`, checks every field and, when all are right,
    /// runs `send` (which takes the values with [`Field::value`]).
    pub fn on_submit(
        &self,
        busy: impl Into<Signal<bool>>,
        send: impl Fn() + 'static,
    ) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
        let (form, busy) = (*self, busy.into());
        move |ev| {
            ev.prevent_default();
            if !busy.get_untracked() && form.submit() {
                send();
            }
        }
    }
}
