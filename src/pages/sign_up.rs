use super::field_message;
use crate::components::{focus, ErrorAlert, SignedOutOnly, SubmitButton, TextField};
use crate::session::{use_session, FlowCtx};
use leptos::prelude::*;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::validation::{normalize_email, passwords_match, require_password};
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Creates an account. Cognito then either wants the emailed code (confirm page) or, when the
/// pool confirms automatically (a PreSignUp trigger), the user can sign in straight away.
#[component]
pub fn SignUpPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <SignUpForm/>
        </SignedOutOnly>
    }
}

#[component]
fn SignUpForm() -> impl IntoView {
    let client = use_session().client();
    let flow = FlowCtx::use_flow();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let email_error = RwSignal::new(None);
    let password_error = RwSignal::new(None);
    let confirmation_error = RwSignal::new(None);

    let sign_up = Action::new_local(move |(email, password): &(String, Password)| {
        let (client, email, password, navigate) = (
            client.clone(),
            email.clone(),
            password.clone(),
            navigate.clone(),
        );
        async move {
            let response = match client.sign_up(&email, password).await {
                Ok(response) => response,
                Err(error) => return Some(error.to_string()),
            };
            if response.user_confirmed {
                flow.email.set(Some(email));
                flow.notice
                    .set(Some("Your account is ready. Sign in to continue."));
                navigate("/sign-in", Default::default());
            } else {
                flow.awaiting_code(email, response.code_delivery_details);
                navigate("/confirm", Default::default());
            }
            None
        }
    });
    let pending = sign_up.pending();
    let failure = Signal::derive(move || {
        (!pending.get())
            .then(|| sign_up.value().get().flatten())
            .flatten()
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let checked_email = normalize_email(&email.get_untracked());
        let checked_password = require_password(&password.get_untracked());
        let checked_match =
            passwords_match(&password.get_untracked(), &confirmation.get_untracked());
        email_error.set(field_message(&checked_email));
        password_error.set(field_message(&checked_password));
        confirmation_error.set(field_message(&checked_match));
        match (checked_email, checked_password, checked_match) {
            (Ok(normalized), Ok(()), Ok(())) => {
                email.set(normalized.clone());
                sign_up.dispatch((normalized, Password::new(password.get_untracked())));
            }
            (Err(_), _, _) => focus("email"),
            (_, Err(_), _) => focus("password"),
            _ => focus("confirm-password"),
        }
    };

    view! {
        <h1>"Create an account"</h1>
        <form on:submit=on_submit novalidate>
            <TextField id="email" label="Email" kind="email" autocomplete="username" value=email error=email_error/>
            <TextField id="password" label="Password" kind="password" autocomplete="new-password" value=password error=password_error/>
            <TextField id="confirm-password" label="Confirm password" kind="password" autocomplete="new-password" value=confirmation error=confirmation_error/>
            <ErrorAlert message=failure/>
            <SubmitButton label="Create account" pending=pending/>
        </form>
        <p class="switch">"Already have an account? " <A href="/sign-in">"Back to sign in"</A></p>
    }
}
