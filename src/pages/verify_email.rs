//! The offer after sign-in to verify an email address that isn't yet (dismissible, as
//! Amplify's VerifyUser step is); the profile page sends the code and takes it.

use crate::components::ActionButton;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::{use_session, SessionState};
use crate::storage;
use leptos::prelude::*;
use leptos_cognito_core::attributes::Verifiable;
use leptos_cognito_core::i18n::{AccountText, Text};
use leptos_cognito_core::storage_keys;
use leptos_router::hooks::use_navigate;

/// The profile's query that sends a code for the email at once.
pub const VERIFY_QUERY: &str = "verify=email";

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
                <h2 id="verify-email-heading">{i18n.tr(Text::Account(AccountText::VerifyTitle(Verifiable::Email)))}</h2>
                <p>{i18n.tr(Text::Account(AccountText::VerifyEmailBody))}</p>
                <div class="actions">
                    <button type="button" class="primary" on:click={
                        let navigate = navigate.clone();
                        move |_| navigate(&format!("{}?{VERIFY_QUERY}", AuthRoute::Profile.path()), Default::default())
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
