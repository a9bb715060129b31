//! What every page that asks for an emailed code shares (confirming an account, resetting a
//! password): how the code is read, the line saying where the code went, sending the code again,
//! and the one message of the page's two actions.

pub use crate::components::nfkc;
use crate::components::{pool_words, ActionButton, ErrorAlert, Field, IdentifierField, StatusNote};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::session::{use_session, Client};
use leptos::prelude::*;
use leptos_cognito_core::api::CodeDeliveryDetails;
use leptos_cognito_core::i18n::{IdentifierText, Text};
use leptos_cognito_core::identifier::Country;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::validation::{normalize_code, FieldError};
use leptos_cognito_core::CognitoError;
use std::future::Future;

/// The code as typed, ready to send: NFKC first, so the full-width digits a Japanese IME types
/// count as digits. The browser's own `normalize` does it; the wasm carries no Unicode tables.
pub fn checked_code(typed: &str) -> Result<String, FieldError> {
    normalize_code(&nfkc(typed))
}

/// A page's main action on the code (`main`) beside "Send a new code", which asks Cognito for
/// another one for the address in `email`. Cheap to copy.
pub struct CodeStep<M: 'static> {
    main: Action<M, Option<Problem>>,
    resend: Action<String, Result<(), Problem>>,
    email: Field<String>,
    typed_email: RwSignal<String>,
    /// The country a national phone number is read in.
    country: RwSignal<Country>,
    /// Reached without an address in hand (e.g. after a reload): the page asks for it.
    ask_email: bool,
}

impl<M> Clone for CodeStep<M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<M> Copy for CodeStep<M> {}

impl<M: Send + Sync + 'static> CodeStep<M> {
    /// `send` asks Cognito for a new code, which goes where its answer says.
    pub fn new<Sent>(
        main: Action<M, Option<Problem>>,
        email: Field<String>,
        typed_email: RwSignal<String>,
        country: RwSignal<Country>,
        send: impl Fn(Client, String) -> Sent + 'static,
    ) -> Self
    where
        Sent: Future<Output = Result<Option<CodeDeliveryDetails>, CognitoError>> + 'static,
    {
        let client = use_session().client();
        let handoff = Handoff::use_handoff();
        let resend = Action::new_local(move |email: &String| {
            let (sent, email) = (send(client.clone(), email.clone()), email.clone());
            async move {
                let delivery = sent.await.map_err(|error| error.problem())?;
                handoff.awaiting_code(email, delivery);
                Ok::<_, Problem>(())
            }
        });
        Self {
            main,
            resend,
            email,
            typed_email,
            country,
            ask_email: handoff.email.get_untracked().is_none(),
        }
    }

    /// While either action runs.
    pub fn busy(&self) -> Signal<bool> {
        let (main, resend) = (self.main, self.resend);
        Signal::derive(move || main.pending().get() || resend.pending().get())
    }

    /// Sends a new code, if the address is right (else it shows the address's error).
    fn send_again(&self) {
        if self.busy().get_untracked() {
            return;
        }
        if let Some(email) = self.email.check() {
            // The new code supersedes what the last attempt said about the old one.
            self.main.value().set(None);
            self.resend.dispatch(email);
        }
    }

    /// "We sent a code to a***@e***." — Cognito's masked address, else the one typed — and,
    /// after a resend, that a new code is on its way.
    pub fn sent_note(&self) -> impl IntoView {
        let (handoff, resend, typed) = (Handoff::use_handoff(), self.resend, self.typed_email);
        let line = use_i18n().words(move || {
            let (masked, texted) = handoff.delivery.with(|delivery| {
                let delivery = delivery.as_ref();
                (
                    delivery.and_then(|d| d.destination.clone()),
                    delivery.and_then(|d| d.delivery_medium.as_deref()) == Some("SMS"),
                )
            });
            let typed = typed.with(|email| (!email.is_empty()).then(|| email.clone()));
            let (to, again) = (
                masked.or(typed),
                matches!(resend.value().get(), Some(Ok(()))),
            );
            Some(if texted {
                IdentifierText::TextedCode { to, again }.into()
            } else {
                Text::CodeSent { to, again }
            })
        });
        view! { <StatusNote message=line/> }
    }

    /// The address's input, when the page has to ask for it.
    pub fn email_input(&self) -> impl IntoView {
        let (field, value, country) = (self.email, self.typed_email, self.country);
        self.ask_email
            .then(|| view! { <IdentifierField value country field/> })
    }

    /// The problem to show: none while either action runs, else the main action's failure
    /// (cleared when a code is sent again), else the resend's.
    pub fn failure_alert(&self) -> impl IntoView {
        let (busy, main, resend) = (self.busy(), self.main, self.resend);
        let failure = use_i18n().words(move || {
            if busy.get() {
                return None;
            }
            let resent = move || resend.value().get().and_then(Result::err);
            main.value().get().flatten().or_else(resent).map(pool_words)
        });
        view! { <ErrorAlert message=failure/> }
    }

    /// The "Send a new code" button.
    pub fn resend_button(&self) -> impl IntoView {
        let step = *self;
        view! {
            <ActionButton
                label=Text::ResendCode
                pending=self.resend.pending()
                disabled=self.busy()
                on_click=move || step.send_again()
            />
        }
    }
}
