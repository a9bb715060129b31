use super::code_step::{checked_code, CodeStep};
use crate::components::{
    country_signal, use_identifiers, Form, PageHeading, SignedOutOnly, SubmitButton, TextField,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::AuthFlow;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Confirms a new account with the code Cognito sent, or sends a new code. Right after a
/// sign-up in this tab, confirming also signs the user in.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <ConfirmForm/>
        </SignedOutOnly>
    }
}

#[component]
fn ConfirmForm() -> impl IntoView {
    let session = use_session();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let navigate = use_navigate();
    // The sign-up password serves this page only: leaving it drops the password.
    on_cleanup(move || handoff.forget_sign_up_password());
    let email = RwSignal::new(handoff.email.get_untracked().unwrap_or_default());
    let code = RwSignal::new(String::new());
    let form = Form::default();
    let country = country_signal();
    let email_field = form.identifier(email, country, use_identifiers());
    let code_field = form.field("code", move || code.with(|code| checked_code(code)));

    let confirm = Action::new_local(move |(email, code): &(String, String)| {
        let (client, email, code, navigate) = (
            session.client(),
            email.clone(),
            code.clone(),
            navigate.clone(),
        );
        async move {
            let confirmed = match client.confirm_sign_up(&email, &code).await {
                Ok(confirmed) => confirmed,
                Err(error) => return Some(error.problem()),
            };
            // With USER_AUTH, confirming hands back a session that signs the user in (other
            // sites' app clients may not allow USER_AUTH: they use the password just typed).
            let user_auth = session.auth_flow() == AuthFlow::UserAuth;
            if let Some(confirmed) = confirmed.filter(|_| user_auth) {
                handoff.forget_sign_up_password();
                if let Ok(None) = session.sign_in_after_sign_up(&email, confirmed).await {
                    return None;
                }
            } else if let Some(password) = handoff.take_sign_up_password(&email) {
                // Signed in: the page guard moves on to the session page.
                if let Ok(None) = session.sign_in(&email, password).await {
                    return None;
                }
            }
            handoff.email.set(Some(email));
            handoff.leave_notice(Text::AccountConfirmed);
            navigate(AuthRoute::SignIn.path(), Default::default());
            None
        }
    });
    let step = CodeStep::new(
        confirm,
        email_field,
        email,
        country,
        |client, email| async move { client.resend_confirmation_code(&email).await },
    );
    let on_submit = form.on_submit(step.busy(), move || {
        if let (Some(email), Some(code)) = (email_field.value(), code_field.value()) {
            confirm.dispatch((email, code));
        }
    });

    view! {
        <PageHeading text=Text::ConfirmTitle/>
        {step.sent_note()}
        <form on:submit=on_submit novalidate>
            {step.email_input()}
            <TextField id="code" label=Text::ConfirmationCode autocomplete="one-time-code" inputmode="numeric" value=code error=code_field.error()/>
            {step.failure_alert()}
            <SubmitButton label=Text::ConfirmButton pending=confirm.pending()/>
            {step.resend_button()}
        </form>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
}
