//! Verifying an email address that isn't yet: the offer after sign-in (dismissible, as
//! Amplify's VerifyUser step is) and the page that sends the code and takes it.

use super::email_code::EmailCodeForm;
use crate::components::{ActionButton, ErrorAlert, PageHeading, SignedInOnly};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::{use_session, SessionState};
use crate::storage;
use leptos::prelude::*;
use leptos_cognito_core::i18n::{AccountText, Text};
use leptos_cognito_core::storage_keys;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// [`AuthRoute::VerifyEmail`]: sends a code to the user's address and takes it.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    view! {
        <SignedInOnly>
            <VerifyEmail/>
        </SignedInOnly>
    }
}

#[component]
fn VerifyEmail() -> impl IntoView {
    let session = use_session();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let send = Action::new_local(move |_: &()| async move {
        session
            .send_email_code()
            .await
            .map(|delivery| delivery.and_then(|d| d.destination))
    });
    // Reached from "Send a code": the code goes out at once.
    send.dispatch(());
    let sent_to = Signal::derive(move || send.value().get().and_then(Result::ok).flatten());
    let sent = move || send.value().get().is_some_and(|r| r.is_ok());
    let failure = i18n.words(move || send.value().get().and_then(Result::err).map(Text::Problem));
    let on_verified = Callback::new(move |()| {
        handoff.leave_notice(Text::Account(AccountText::EmailNowVerified));
        navigate(AuthRoute::Session.path(), Default::default());
    });

    view! {
        <PageHeading text=Text::Account(AccountText::VerifyEmailTitle)/>
        <p>{i18n.tr(Text::Account(AccountText::VerifyEmailBody))}</p>
        <Show
            when=sent
            fallback=move || view! {
                <ErrorAlert message=failure/>
                <div class="actions">
                    <ActionButton
                        label=Text::Account(AccountText::SendCode)
                        pending=send.pending()
                        disabled=send.pending()
                        on_click=move || {
                            send.dispatch(());
                        }
                    />
                </div>
            }
        >
            <EmailCodeForm sent_to on_verified/>
        </Show>
        <p class="switch"><A href=AuthRoute::Session.path()>{i18n.tr(Text::BackToAccount)}</A></p>
    }
}

/// On the session page, when the id token says the email isn't verified: an offer to verify it
/// now, or not now (remembered on this device for this user).
#[component]
pub fn VerifyEmailOffer() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let key = storage_keys::verify_email_offer_dismissed(session.client().client_id());
    let dismissed_for = RwSignal::new(storage::read(&key));
    let unverified = move || match &*session.state().read() {
        SessionState::SignedIn(s) if s.tokens.id_claims.email_verified == Some(false) => {
            Some(s.tokens.id_claims.sub.clone())
        }
        _ => None,
    };
    let shown = move || {
        unverified().is_some_and(|sub| dismissed_for.get().as_deref() != Some(sub.as_str()))
    };
    let dismiss = move || {
        if let Some(sub) = unverified() {
            // If storage refuses, the offer stays away until the page is loaded again.
            let _ = storage::write(&key, &sub);
            dismissed_for.set(Some(sub));
        }
    };

    view! {
        <Show when=shown>
            <section class="offer" aria-labelledby="verify-email-heading">
                <h2 id="verify-email-heading">{i18n.tr(Text::Account(AccountText::VerifyEmailTitle))}</h2>
                <p>{i18n.tr(Text::Account(AccountText::VerifyEmailBody))}</p>
                <div class="actions">
                    <button type="button" class="primary" on:click={
                        let navigate = navigate.clone();
                        move |_| navigate(AuthRoute::VerifyEmail.path(), Default::default())
                    }>
                        {i18n.tr(Text::Account(AccountText::SendCode))}
                    </button>
                    <ActionButton
                        label=Text::Account(AccountText::NotNow)
                        pending=false
                        disabled=false
                        on_click=dismiss.clone()
                    />
                </div>
            </section>
        </Show>
    }
}
