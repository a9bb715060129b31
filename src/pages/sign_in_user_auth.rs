//! The sign-in form of `USER_AUTH`: the identifier first; how to prove it comes next.

use super::sign_in_step::SignInSteps;
use crate::components::{
    country_signal, pool_words, use_identifiers, ErrorAlert, Form, IdentifierField, SubmitButton,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::prepaint;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::i18n::{PasswordlessText, Text};
use leptos_router::hooks::use_navigate;

/// Names the user and starts `USER_AUTH`: straight to the factor last used on this device
/// where Cognito allows it, else to the choice of factors.
#[component]
pub fn UserAuthSignInForm(
    email: RwSignal<String>,
    /// The previous page's note, cleared by the next attempt.
    notice: RwSignal<Option<Text>>,
    /// A message to show when the form has none of its own (the session that ended).
    #[prop(into)]
    before: Signal<Option<Text>>,
) -> impl IntoView {
    let session = use_session();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let prepainted = prepaint::take_over(email, None);
    let form = Form::default();
    let country = country_signal();
    let email_field = form.identifier(email, country, use_identifiers());
    let steps = SignInSteps::new(use_navigate());

    let start = Action::new_local(move |email: &String| {
        let (email, steps) = (email.clone(), steps.clone());
        async move {
            let remembered = session.last_factor();
            handoff.set_factor(remembered);
            let started = session.start_user_auth(&email, remembered).await;
            steps.after_start(email, started)
        }
    });
    let pending = start.pending();
    let failure = i18n.words(move || {
        if pending.get() {
            return None;
        }
        (start.value().get().flatten().map(pool_words)).or_else(|| before.get())
    });
    let submit = form.on_submit(pending, move || {
        if let Some(email) = email_field.value() {
            start.dispatch(email);
        }
    });
    let on_submit = move |ev| {
        notice.set(None);
        submit(ev);
    };

    view! {
        <form node_ref=prepainted on:submit=on_submit novalidate>
            <IdentifierField value=email country field=email_field autocomplete="username webauthn"/>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::Passwordless(PasswordlessText::Continue) pending=pending/>
        </form>
    }
}
