use super::code_step::{checked_code, code_sent_line, email_check, latest_problem};
use crate::components::{
    after_submit, focus_first_invalid, ActionButton, ErrorAlert, PageHeading, PasswordField,
    PoolPolicy, SignedOutOnly, StatusNote, SubmitButton, TextField,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::error::Problem;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::validation::{check_new_password, normalize_email, passwords_match};
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
    // Reached without an email in hand (e.g. after a reload): ask for it.
    let ask_email = handoff.email.get_untracked().is_none();
    let email = RwSignal::new(handoff.email.get_untracked().unwrap_or_default());
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    // The address is checked by both buttons, the rest only by Reset password.
    let email_checked = RwSignal::new(false);
    let submitted = RwSignal::new(false);
    let email_error = after_submit(email_checked, move || normalize_email(&email.get()).err());
    let code_error = after_submit(submitted, move || {
        code.with(|code| checked_code(code)).err()
    });
    let password_error = after_submit(submitted, move || {
        check_new_password(&policy, &password.get())
            .err()
            .map(|(error, _)| error)
    });
    let confirmation_error = after_submit(submitted, move || {
        passwords_match(&password.get(), &confirmation.get()).err()
    });

    let reset = Action::new_local({
        let client = client.clone();
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
        }
    });
    let resend = Action::new_local(move |email: &String| {
        let (client, email) = (client.clone(), email.clone());
        async move {
            let delivery = client
                .forgot_password(&email)
                .await
                .map_err(|error| error.problem())?;
            handoff.awaiting_code(email, delivery);
            Ok::<_, Problem>(())
        }
    });

    let busy = Signal::derive(move || reset.pending().get() || resend.pending().get());
    let failure = latest_problem(
        busy,
        Signal::derive(move || reset.value().get().flatten()),
        Signal::derive(move || resend.value().get().and_then(Result::err)),
    );
    let sent_again = Signal::derive(move || matches!(resend.value().get(), Some(Ok(()))));
    let sent_line = code_sent_line(handoff, email, sent_again);

    let checked_email = email_check(email, email_checked);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        submitted.set(true);
        let checked_email = checked_email();
        let checked_code = code.with_untracked(|code| checked_code(code));
        let (typed, confirmed) = (password.get_untracked(), confirmation.get_untracked());
        if focus_first_invalid(&[
            ("email", checked_email.is_none()),
            ("code", checked_code.is_err()),
            ("new-password", check_new_password(&policy, &typed).is_err()),
            (
                "confirm-password",
                passwords_match(&typed, &confirmed).is_err(),
            ),
        ]) {
            return;
        }
        if let (Some(email), Ok(code)) = (checked_email, checked_code) {
            reset.dispatch((email, code, Password::new(typed)));
        }
    };
    let on_resend = move || {
        if busy.get_untracked() {
            return;
        }
        match checked_email() {
            Some(email) => {
                // The new code supersedes what the last attempt said about the old one.
                reset.value().set(None);
                resend.dispatch(email);
            }
            None => {
                focus_first_invalid(&[("email", true)]);
            }
        }
    };

    view! {
        <PageHeading text=Text::ResetPasswordTitle/>
        <StatusNote message=i18n.words(move || sent_line.get())/>
        <form on:submit=on_submit novalidate>
            {ask_email.then(|| view! {
                <TextField id="email" label=Text::Email kind="email" autocomplete="username" value=email error=email_error/>
            })}
            <TextField id="code" label=Text::Code autocomplete="one-time-code" inputmode="numeric" value=code error=code_error/>
            <PasswordField id="new-password" label=Text::NewPassword autocomplete="new-password" value=password error=password_error policy=policy/>
            <PasswordField id="confirm-password" label=Text::ConfirmPassword autocomplete="new-password" value=confirmation error=confirmation_error/>
            <ErrorAlert message=i18n.words(move || failure.get())/>
            <SubmitButton label=Text::ResetPasswordButton pending=reset.pending()/>
            <ActionButton label=Text::ResendCode pending=resend.pending() disabled=busy on_click=on_resend/>
        </form>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
}
