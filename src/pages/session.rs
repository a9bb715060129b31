use super::devices::TrustThisBrowser;
use super::passkeys::{site_uses_passkeys, PasskeyOffer};
use super::session_health::SessionHealth;
use super::verify_email::VerifyEmailOffer;
use crate::components::{ActionButton, PageHeading, SignedInOnly, StatusNote};
use crate::federation::Federation;
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::return_to::ReturnRefusedNote;
use crate::routes::AuthRoute;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;
use leptos_cognito_core::config::MfaPolicy;
use leptos_cognito_core::i18n::{AccountText, DeviceText, Lang, MfaText, Text};
use leptos_router::components::A;

/// Who is signed in and until when, with changing the password and signing out (this device,
/// or every device).
#[component]
pub fn SessionPage() -> impl IntoView {
    view! {
        <SignedInOnly>
            <SessionDetails/>
        </SignedInOnly>
    }
}

/// A Unix time in seconds as a local date and time, written the way `lang` writes them.
fn local_time(unix_seconds: u64, lang: Lang) -> String {
    crate::clock::local(unix_seconds as f64 * 1000.0).date_and_time(lang)
}

#[component]
fn SessionDetails() -> impl IntoView {
    let session = use_session();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let notice = handoff.take_notice();
    let offers_security = site_uses_passkeys()
        || use_context::<MfaPolicy>()
            .is_some_and(|policy| policy.methods.iter().any(|m| policy.allows(*m)));
    let signed_in = move || match session.state().get() {
        SessionState::SignedIn(s) => Some(s),
        _ => None,
    };
    // A session that began at the pool domain ends there too (its own cookie), after this one.
    // Taken when the button is pressed: signing out unmounts this page.
    let hosted = StoredValue::new(use_context::<Federation>());
    let sign_out = Action::new_local(move |_: &()| {
        let hosted = hosted.get_value();
        async move {
            session.sign_out().await;
            if let Some(federation) = hosted {
                federation.end_hosted_session();
            }
        }
    });
    // Signs out here in any case; the sign-in page then reports what the server did not do.
    let sign_out_everywhere = Action::new_local(move |_: &()| {
        let hosted = hosted.get_value();
        async move {
            let everywhere = session.sign_out_everywhere().await;
            if let Some(federation) = hosted {
                federation.end_hosted_session();
            }
            everywhere
        }
    });
    let busy =
        Signal::derive(move || sign_out.pending().get() || sign_out_everywhere.pending().get());

    view! {
        <PageHeading text=Text::SignedInTitle/>
        <StatusNote message=i18n.words(move || notice.clone())/>
        <dl class="facts">
            <dt>{i18n.tr(Text::SignedInAs)}</dt>
            <dd data-testid="session-email">{move || signed_in().map(|s| s.email)}</dd>
            <dt>{i18n.tr(Text::SessionExpires)}</dt>
            <dd>
                {move || signed_in().map(|s| {
                    let exp = s.tokens.id_claims.exp;
                    view! { <time datetime=exp.to_string()>{local_time(exp, i18n.lang())}</time> }
                })}
            </dd>
        </dl>
        <ReturnRefusedNote/>
        <TrustThisBrowser/>
        <PasskeyOffer/>
        <VerifyEmailOffer/>
        <SessionHealth/>
        <p><A href=AuthRoute::Profile.path()>{i18n.tr(Text::Account(AccountText::ProfileTitle))}</A></p>
        <p><A href=AuthRoute::ChangePassword.path()>{i18n.tr(Text::ChangePasswordTitle)}</A></p>
        {session.device_tracking().is_on().then(|| view! {
            <p><A href=AuthRoute::Devices.path()>{i18n.tr(Text::Device(DeviceText::DevicesTitle))}</A></p>
        })}
        {offers_security.then(|| view! {
            <p><A href=AuthRoute::Security.path()>{i18n.tr(Text::Mfa(MfaText::SecurityTitle))}</A></p>
        })}
        <div class="actions">
            <button
                type="button"
                class="primary"
                on:click=move |_| {
                    if !busy.get_untracked() {
                        sign_out.dispatch(());
                    }
                }
                disabled=busy
                aria-busy=move || sign_out.pending().get().then_some("true")
            >
                {i18n.tr(Text::SignOut)}
            </button>
            <ActionButton
                label=Text::SignOutEverywhere
                pending=sign_out_everywhere.pending()
                disabled=busy
                on_click=move || {
                    if !busy.get_untracked() {
                        sign_out_everywhere.dispatch(());
                    }
                }
            />
        </div>
    }
}
