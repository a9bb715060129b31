use super::field_message;
use crate::components::{focus, ErrorAlert, SignedOutOnly, StatusNote, SubmitButton, TextField};
use crate::session::{use_session, FlowCtx};
use leptos::prelude::*;
use leptos_cognito_core::api::CodeDeliveryDetails;
use leptos_cognito_core::validation::{normalize_code, normalize_email};
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Confirms a new account with the code Cognito sent, or sends a new code.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <ConfirmForm/>
        </SignedOutOnly>
    }
}

/// "We sent a code to a***@e***." from Cognito's delivery details, or the address typed.
fn sent_to(delivery: Option<&CodeDeliveryDetails>, email: &str) -> String {
    match delivery.and_then(|d| d.destination.as_deref()) {
        Some(destination) => format!("We sent a code to {destination}. Enter it below."),
        None if email.is_empty() => "Enter the confirmation code we emailed you.".to_owned(),
        None => format!("Enter the confirmation code we sent to {email}."),
    }
}

#[component]
fn ConfirmForm() -> impl IntoView {
    let client = use_session().client();
    let flow = FlowCtx::use_flow();
    let navigate = use_navigate();
    // Reached without an email in hand (e.g. after a reload): ask for it.
    let ask_email = flow.email.get_untracked().is_none();
    let email = RwSignal::new(flow.email.get_untracked().unwrap_or_default());
    let code = RwSignal::new(String::new());
    let email_error = RwSignal::new(None);
    let code_error = RwSignal::new(None);

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
                    return Some(error.to_string());
                }
                flow.email.set(Some(email));
                flow.notice
                    .set(Some("Your account is confirmed. Sign in to continue."));
                navigate("/sign-in", Default::default());
                None
            }
        }
    });
    let resend = Action::new_local(move |email: &String| {
        let (client, email) = (client.clone(), email.clone());
        async move {
            let delivery = client.resend_confirmation_code(&email).await?;
            flow.awaiting_code(email, delivery);
            Ok::<_, leptos_cognito_core::CognitoError>(())
        }
    });

    let busy = Signal::derive(move || confirm.pending().get() || resend.pending().get());
    let failure = Signal::derive(move || {
        if busy.get() {
            return None;
        }
        let confirm_error = confirm.value().get().flatten();
        let resend_error = resend
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.to_string());
        confirm_error.or(resend_error)
    });
    let sent_line = Signal::derive(move || {
        let resent = matches!(resend.value().get(), Some(Ok(())));
        let line = flow.delivery.with(|d| sent_to(d.as_ref(), &email.get()));
        Some(if resent {
            format!("A new code is on its way. {line}")
        } else {
            line
        })
    });

    let checked_email = move || {
        let checked = normalize_email(&email.get_untracked());
        email_error.set(field_message(&checked));
        if let Ok(normalized) = &checked {
            email.set(normalized.clone());
        } else {
            focus("email");
        }
        checked.ok()
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(email) = checked_email() else { return };
        let checked_code = normalize_code(&code.get_untracked());
        code_error.set(field_message(&checked_code));
        match checked_code {
            Ok(code) => {
                confirm.dispatch((email, code));
            }
            Err(_) => focus("code"),
        }
    };
    let on_resend = move |_| {
        if busy.get_untracked() {
            return;
        }
        if let Some(email) = checked_email() {
            resend.dispatch(email);
        }
    };

    view! {
        <h1>"Confirm your account"</h1>
        <StatusNote message=sent_line/>
        <form on:submit=on_submit novalidate>
            {ask_email.then(|| view! {
                <TextField id="email" label="Email" kind="email" autocomplete="username" value=email error=email_error/>
            })}
            <TextField id="code" label="Confirmation code" autocomplete="one-time-code" inputmode="numeric" value=code error=code_error/>
            <ErrorAlert message=failure/>
            <SubmitButton label="Confirm" pending=confirm.pending()/>
            <button type="button" class="secondary" on:click=on_resend disabled=busy aria-busy=move || resend.pending().get().then_some("true")>
                "Resend code"
            </button>
        </form>
        <p class="switch"><A href="/sign-in">"Back to sign in"</A></p>
    }
}
