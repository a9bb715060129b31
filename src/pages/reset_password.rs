use super::code_step::{checked_code, CodeStep};
use crate::components::{
    country_signal, use_identifiers, Form, PageHeading, PasswordField, PoolPolicy, SignedOutOnly,
    SubmitButton, TextField,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::secret::Password;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// The second step of a forgotten password: the emailed code and a new password. Success leads
/// back to sign-in with a note; a code can be sent again.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <ResetPasswordForm/>
        </SignedOutOnly>
    }
}

#[component]
fn ResetPasswordForm() -> impl IntoView {
    let client = use_session().client();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let policy = PoolPolicy::use_policy();
    let navigate = use_navigate();
    let email = RwSignal::new(handoff.email.get_untracked().unwrap_or_default());
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let form = Form::default();
    let country = country_signal();
    let email_field = form.identifier(email, country, use_identifiers());
    let code_field = form.field("code", move || code.with(|code| checked_code(code)));
    let password_field = form.new_password("new-password", password, policy);
    let confirmation_field = form.confirmation(password, confirmation);

    let reset = Action::new_local(
        move |(email, code, password): &(String, String, Password)| {
            let (client, email, code, password, navigate) = (
                client.clone(),
                email.clone(),
                code.clone(),
                password.clone(),
                navigate.clone(),
            );
            async move {
                if let Err(error) = client
                    .confirm_forgot_password(&email, &code, password)
                    .await
                {
                    return Some(error.problem());
                }
                handoff.email.set(Some(email));
                handoff.leave_notice(Text::PasswordResetDone);
                navigate(AuthRoute::SignIn.path(), Default::default());
                None
            }
        },
    );
    let step = CodeStep::new(
        reset,
        email_field,
        email,
        country,
        |client, email| async move { client.forgot_password(&email).await },
    );
    let on_submit = form.on_submit(step.busy(), move || {
        if let (Some(email), Some(code)) = (email_field.value(), code_field.value()) {
            reset.dispatch((email, code, Password::new(password.get_untracked())));
        }
    });

    view! {
        <PageHeading text=Text::ResetPasswordTitle/>
        {step.sent_note()}
        <form on:submit=on_submit novalidate>
            {step.email_input()}
            <TextField id="code" label=Text::Code autocomplete="one-time-code" inputmode="numeric" value=code error=code_field.error()/>
            <PasswordField id="new-password" label=Text::NewPassword autocomplete="new-password" value=password error=password_field.error() policy=policy/>
            <PasswordField id="confirm-password" label=Text::ConfirmPassword autocomplete="new-password" value=confirmation error=confirmation_field.error()/>
            {step.failure_alert()}
            <SubmitButton label=Text::ResetPasswordButton pending=reset.pending()/>
            {step.resend_button()}
        </form>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
}
