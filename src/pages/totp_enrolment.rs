//! Linking an authenticator app, as both the sign-in's setup and the security page show it: the
//! QR code to scan, the setup key to type or copy instead, a link that opens the app on a phone,
//! and the code that proves the app is set up.

use super::code_step::nfkc;
use crate::branding::SiteTitle;
use crate::components::{ErrorAlert, Form, QrCode, StatusNote, SubmitButton, TextField};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_cognito_core::config::MfaPolicy;
use leptos_cognito_core::i18n::{MfaText, Text};
use leptos_cognito_core::mfa::MfaMethod;
use leptos_cognito_core::otpauth::{grouped_secret, totp_key_uri};
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::TotpSecret;

/// A code from the newly linked app, and the name the user gave it.
pub type AppCheck = (String, Option<String>);

/// The name authenticator apps list the account under: `totpIssuer`, else the site's title,
/// else the page's host name.
fn issuer() -> String {
    let configured = use_context::<MfaPolicy>().and_then(|policy| policy.totp_issuer);
    let title = use_context::<SiteTitle>().and_then(|title| title.0);
    configured
        .or(title)
        .or_else(|| window().location().hostname().ok())
        .unwrap_or_default()
}

/// The app-linking steps for `secret`, with `account` (the user's email) as the name in the app.
/// `check` runs with the code once it reads as one.
#[component]
pub fn TotpEnrolment(
    secret: TotpSecret,
    account: String,
    check: Action<AppCheck, Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let uri = totp_key_uri(&issuer(), &account, &secret);
    let key = grouped_secret(&secret);
    let copied = RwSignal::new(None::<MfaText>);
    let copy_key = move |_| {
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(secret.expose_secret());
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            copied.set(Some(if done.is_ok() {
                MfaText::KeyCopied
            } else {
                MfaText::CopyFailed
            }));
        });
    };
    let code = RwSignal::new(String::new());
    let device = RwSignal::new(String::new());
    let form = Form::default();
    let code_field = form.field("code", move || {
        code.with(|code| MfaMethod::Totp.check_code(&nfkc(code)))
    });
    let pending = check.pending();
    let failure = i18n.words(move || {
        (!pending.get())
            .then(|| check.value().get().flatten().map(Text::Problem))
            .flatten()
    });
    let on_submit = form.on_submit(pending, move || {
        if let Some(code) = code_field.value() {
            let name =
                device.with_untracked(|d| (!d.trim().is_empty()).then(|| d.trim().to_owned()));
            check.dispatch((code, name));
        }
    });
    // The link and the QR code carry the secret; it goes nowhere else (no request, no log).
    let href = uri.expose_secret().to_owned();

    view! {
        <ol class="steps">
            <li>
                <p>{i18n.tr(Text::Mfa(MfaText::TotpScan))}</p>
                <QrCode text=href.clone() label=i18n.t(&Text::Mfa(MfaText::QrLabel))/>
                <p class="aside"><a href=href>{i18n.tr(Text::Mfa(MfaText::OpenInApp))}</a></p>
            </li>
            <li>
                <p>{i18n.tr(Text::Mfa(MfaText::TotpManual))}</p>
                <p class="setup-key">
                    <span id="setup-key-label">{i18n.tr(Text::Mfa(MfaText::KeyLabel))}</span>
                    " "
                    <code aria-labelledby="setup-key-label" translate="no">{key}</code>
                </p>
                <button type="button" class="secondary" on:click=copy_key>{i18n.tr(Text::Mfa(MfaText::CopyKey))}</button>
                <StatusNote message=i18n.words(move || copied.get().map(Text::Mfa))/>
            </li>
            <li>
                <p>{i18n.tr(Text::Mfa(MfaText::TotpEnterCode))}</p>
                <form on:submit=on_submit novalidate>
                    <TextField id="code" label=Text::Mfa(MfaText::CodeLabel(MfaMethod::Totp)) autocomplete="one-time-code" inputmode="numeric" value=code error=code_field.error()/>
                    <TextField id="device-name" label=Text::Mfa(MfaText::DeviceName) autocomplete="off" value=device error=Signal::derive(|| None)/>
                    <ErrorAlert message=failure/>
                    <SubmitButton label=Text::Mfa(MfaText::TurnOnTotp) pending=pending/>
                </form>
            </li>
        </ol>
    }
}
