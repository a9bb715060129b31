use crate::components::{
    country_signal, pool_words, use_identifiers, ErrorAlert, Form, IdentifierField, PageHeading,
    SignedOutOnly, SubmitButton,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::i18n::{IdentifierText, Text};
use leptos_cognito_core::identifier::IdentifierLabel;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// The first step of a forgotten password: Cognito sends a code to the account's verified
/// email or phone.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <ForgotPasswordForm/>
        </SignedOutOnly>
    }
}

#[component]
fn ForgotPasswordForm() -> impl IntoView {
    let client = use_session().client();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let email = RwSignal::new(handoff.email.get_untracked().unwrap_or_default());
    let form = Form::default();
    let country = country_signal();
    let pool = use_identifiers();
    let email_field = form.identifier(email, country, pool.clone());

    let send = Action::new_local(move |email: &String| {
        let (client, email, navigate) = (client.clone(), email.clone(), navigate.clone());
        async move {
            match client.forgot_password(&email).await {
                Ok(delivery) => {
                    handoff.awaiting_code(email, delivery);
                    navigate(AuthRoute::ResetPassword.path(), Default::default());
                    None
                }
                Err(error) => Some(error.problem()),
            }
        }
    });
    let pending = send.pending();
    let failure = i18n.words(move || {
        (!pending.get())
            .then(|| send.value().get().flatten().map(pool_words))
            .flatten()
    });

    let on_submit = form.on_submit(pending, move || {
        if let Some(email) = email_field.value() {
            send.dispatch(email);
        }
    });

    let intro = match pool.label() {
        IdentifierLabel::Email => Text::ForgotPasswordIntro,
        label => IdentifierText::ForgotIntro(label).into(),
    };
    view! {
        <PageHeading text=Text::ForgotPasswordTitle/>
        <p>{i18n.tr(intro)}</p>
        <form on:submit=on_submit novalidate>
            <IdentifierField value=email country field=email_field/>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::SendCode pending=pending/>
        </form>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
}
