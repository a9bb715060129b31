use super::field_message;
use crate::components::{focus, ErrorAlert, SignedOutOnly, StatusNote, SubmitButton, TextField};
use crate::session::{is_unconfirmed, use_session, FlowCtx};
use leptos::prelude::*;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::validation::{normalize_email, require_password};
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Email and password sign-in. An unconfirmed account is sent on to the confirm page.
#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <SignInForm/>
        </SignedOutOnly>
    }
}

#[component]
fn SignInForm() -> impl IntoView {
    let session = use_session();
    let flow = FlowCtx::use_flow();
    let navigate = use_navigate();
    let email = RwSignal::new(flow.email.get_untracked().unwrap_or_default());
    let password = RwSignal::new(String::new());
    let email_error = RwSignal::new(None);
    let password_error = RwSignal::new(None);

    let sign_in = Action::new_local(move |(email, password): &(String, Password)| {
        let (email, password, navigate) = (email.clone(), password.clone(), navigate.clone());
        async move {
            match session.sign_in(&email, password).await {
                Ok(None) => None,
                Ok(Some(challenge)) => Some(format!(
                    "This account needs a step this page doesn't support yet ({}).",
                    challenge.name
                )),
                Err(error) if is_unconfirmed(&error) => {
                    flow.awaiting_code(email, None);
                    navigate("/confirm", Default::default());
                    None
                }
                Err(error) => Some(error.to_string()),
            }
        }
    });
    let pending = sign_in.pending();
    let failure = Signal::derive(move || {
        if pending.get() {
            return None;
        }
        sign_in
            .value()
            .get()
            .flatten()
            .or_else(|| session.restore_error().get().map(|e| e.to_string()))
            .or_else(|| {
                session
                    .ended()
                    .get()
                    .then(|| "Your session has ended. Please sign in again.".to_owned())
            })
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        flow.notice.set(None);
        let checked_email = normalize_email(&email.get_untracked());
        let checked_password = require_password(&password.get_untracked());
        email_error.set(field_message(&checked_email));
        password_error.set(field_message(&checked_password));
        match (checked_email, checked_password) {
            (Ok(normalized), Ok(())) => {
                email.set(normalized.clone());
                sign_in.dispatch((normalized, Password::new(password.get_untracked())));
            }
            (Err(_), _) => focus("email"),
            (Ok(_), Err(_)) => focus("password"),
        }
    };

    view! {
        <h1>"Sign in"</h1>
        <StatusNote message=Signal::derive(move || flow.notice.get().map(str::to_owned))/>
        <form on:submit=on_submit novalidate>
            <TextField id="email" label="Email" kind="email" autocomplete="username" value=email error=email_error/>
            <TextField id="password" label="Password" kind="password" autocomplete="current-password" value=password error=password_error/>
            <ErrorAlert message=failure/>
            <SubmitButton label="Sign in" pending=pending/>
        </form>
        <p class="switch">"No account yet? " <A href="/sign-up">"Create an account"</A></p>
    }
}
