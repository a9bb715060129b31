use super::code_step::{checked_code, code_sent_line, email_check, latest_problem};
use crate::components::{
    after_submit, focus_first_invalid, ActionButton, ErrorAlert, PageHeading, SignedOutOnly,
    StatusNote, SubmitButton, TextField,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::error::Problem;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::validation::normalize_email;
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
    let client = session.client();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let navigate = use_navigate();
    // The sign-up password serves this page only: leaving it drops the password.
    on_cleanup(move || handoff.forget_sign_up_password());
    // Reached without an email in hand (e.g. after a reload): ask for it.
    let ask_email = handoff.email.get_untracked().is_none();
    let email = RwSignal::new(handoff.email.get_untracked().unwrap_or_default());
    let code = RwSignal::new(String::new());
    // The address is checked by both buttons, the code only by Confirm.
    let email_checked = RwSignal::new(false);
    let submitted = RwSignal::new(false);
    let email_error = after_submit(email_checked, move || normalize_email(&email.get()).err());
    let code_error = after_submit(submitted, move || {
        code.with(|code| checked_code(code)).err()
    });

    let confirm = Action::new_local({
        let client = client.clone();
        move |(email, code): &(String, String)| {
            let (client, email, code, navigate) = (
                client.clone(),
                email.clone(),
                code.clone(),
                navigate.clone(),
            );
            async move {
                if let Err(error) = client.confirm_sign_up(&email, &code).await {
                    return Some(error.problem());
                }
                if let Some(password) = handoff.take_sign_up_password(&email) {
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
        }
    });
    let resend = Action::new_local(move |email: &String| {
        let (client, email) = (client.clone(), email.clone());
        async move {
            let delivery = client
                .resend_confirmation_code(&email)
                .await
                .map_err(|error| error.problem())?;
            handoff.awaiting_code(email, delivery);
            Ok::<_, Problem>(())
        }
    });

    let busy = Signal::derive(move || confirm.pending().get() || resend.pending().get());
    let failure = latest_problem(
        busy,
        Signal::derive(move || confirm.value().get().flatten()),
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
        if focus_first_invalid(&[
            ("email", checked_email.is_none()),
            ("code", checked_code.is_err()),
        ]) {
            return;
        }
        if let (Some(email), Ok(code)) = (checked_email, checked_code) {
            confirm.dispatch((email, code));
        }
    };
    let on_resend = move || {
        if busy.get_untracked() {
            return;
        }
        match checked_email() {
            Some(email) => {
                // The new code supersedes what the last attempt said about the old one.
                confirm.value().set(None);
                resend.dispatch(email);
            }
            None => {
                focus_first_invalid(&[("email", true)]);
            }
        }
    };

    view! {
        <PageHeading text=Text::ConfirmTitle/>
        <StatusNote message=i18n.words(move || sent_line.get())/>
        <form on:submit=on_submit novalidate>
            {ask_email.then(|| view! {
                <TextField id="email" label=Text::Email kind="email" autocomplete="username" value=email error=email_error/>
            })}
            <TextField id="code" label=Text::ConfirmationCode autocomplete="one-time-code" inputmode="numeric" value=code error=code_error/>
            <ErrorAlert message=i18n.words(move || failure.get())/>
            <SubmitButton label=Text::ConfirmButton pending=confirm.pending()/>
            <ActionButton label=Text::ResendCode pending=resend.pending() disabled=busy on_click=on_resend/>
        </form>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
}
