//! Passkeys on the account pages: the security page's list (add, delete with confirmation),
//! and the offer to add one after signing in.

use crate::components::{ActionButton, ErrorAlert, StatusNote};
use crate::i18n::use_i18n;
use crate::passkey::passkeys_supported;
use crate::session::{use_session, SiteFirstFactors};
use leptos::prelude::*;
use leptos_cognito_core::api::WebAuthnCredentialDescription;
use leptos_cognito_core::i18n::{Lang, MfaText, PasskeyKind, PasswordlessText, Text};
use leptos_cognito_core::sign_in_factor::FirstFactor;
use leptos_cognito_core::AuthFlow;

/// Whether the site signs in with passkeys: `USER_AUTH` with `WEB_AUTHN` among its factors.
pub fn site_uses_passkeys() -> bool {
    use_session().auth_flow() == AuthFlow::UserAuth
        && use_context::<SiteFirstFactors>()
            .is_some_and(|site| site.0.contains(&FirstFactor::Passkey))
}

/// A time in seconds since the epoch as a local date, written the way `lang` writes dates.
fn local_date(epoch_seconds: f64, lang: Lang) -> String {
    crate::clock::local(epoch_seconds * 1000.0).date(lang)
}

fn name_of(passkey: &WebAuthnCredentialDescription, lang: Lang) -> String {
    passkey
        .friendly_credential_name
        .clone()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| {
            Text::Passwordless(PasswordlessText::UnnamedPasskey)
                .render(lang)
                .into_owned()
        })
}

/// The signed-in user's passkeys, with adding one and deleting one (after a confirmation).
#[component]
pub fn PasskeyList() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let load = Action::new_local(move |_: &()| async move { session.passkeys().await });
    load.dispatch(());
    let note = RwSignal::new(None::<PasswordlessText>);
    let add = Action::new_local(move |_: &()| async move {
        let added = session.add_passkey().await;
        if added.is_ok() {
            note.set(Some(PasswordlessText::PasskeyAdded));
            load.dispatch(());
        }
        added.err()
    });
    let confirming = RwSignal::new(None::<String>);
    let delete = Action::new_local(move |id: &String| {
        let id = id.clone();
        async move {
            let deleted = session.delete_passkey(id).await;
            if deleted.is_ok() {
                confirming.set(None);
                note.set(Some(PasswordlessText::PasskeyDeleted));
                load.dispatch(());
            }
            deleted.err()
        }
    });
    let busy = Signal::derive(move || {
        load.pending().get() || add.pending().get() || delete.pending().get()
    });
    let failure = i18n.words(move || {
        if busy.get() {
            return None;
        }
        let loaded = load.value().get().and_then(Result::err);
        let changed = add
            .value()
            .get()
            .flatten()
            .or(delete.value().get().flatten());
        changed.or(loaded).map(Text::Problem)
    });

    let rows = move || {
        let passkeys = load.value().get().and_then(Result::ok)?;
        if passkeys.is_empty() {
            return Some(
                view! { <p>{i18n.tr(Text::Passwordless(PasswordlessText::NoPasskeys))}</p> }
                    .into_any(),
            );
        }
        let lang = i18n.lang();
        let items = passkeys
            .into_iter()
            .map(|passkey| {
                let name = name_of(&passkey, lang);
                let kind = PasskeyKind::from_attachment(passkey.authenticator_attachment.as_deref());
                let added = local_date(passkey.created_at, lang);
                let id = passkey.credential_id.clone();
                let asking = {
                    let id = id.clone();
                    move || confirming.get().as_deref() == Some(id.as_str())
                };
                let question = Text::Passwordless(PasswordlessText::ConfirmDelete(name.clone()));
                let delete_label = Text::Passwordless(PasswordlessText::DeletePasskey(name.clone()));
                view! {
                    <li class="factor">
                        <span class="factor-name">{name}</span>
                        " "
                        <span class="factor-state">{i18n.tr(Text::Passwordless(PasswordlessText::Kind(kind)))}</span>
                        <br/>
                        <span class="factor-state">{i18n.tr(Text::Passwordless(PasswordlessText::Added(added)))}</span>
                        <div class="actions">
                            {move || if asking() {
                                let id = id.clone();
                                view! {
                                    <p role="alert">{i18n.tr(question.clone())}</p>
                                    <ActionButton
                                        label=Text::Passwordless(PasswordlessText::Delete)
                                        pending=delete.pending()
                                        disabled=busy
                                        on_click=move || {
                                            delete.dispatch(id.clone());
                                        }
                                    />
                                    <ActionButton
                                        label=Text::Mfa(MfaText::Cancel)
                                        pending=Signal::derive(|| false)
                                        disabled=busy
                                        on_click=move || confirming.set(None)
                                    />
                                }.into_any()
                            } else {
                                let id = id.clone();
                                view! {
                                    <ActionButton
                                        label=delete_label.clone()
                                        pending=Signal::derive(|| false)
                                        disabled=busy
                                        on_click=move || {
                                            note.set(None);
                                            confirming.set(Some(id.clone()));
                                        }
                                    />
                                }.into_any()
                            }}
                        </div>
                    </li>
                }
            })
            .collect_view();
        Some(view! { <ul class="factors">{items}</ul> }.into_any())
    };

    view! {
        <section aria-labelledby="passkeys-heading">
            <h2 id="passkeys-heading">{i18n.tr(Text::Passwordless(PasswordlessText::PasskeysHeading))}</h2>
            <p>{i18n.tr(Text::Passwordless(PasswordlessText::PasskeysIntro))}</p>
            <StatusNote message=i18n.words(move || note.get().map(Text::Passwordless))/>
            {rows}
            <ErrorAlert message=failure/>
            {passkeys_supported().then(|| view! {
                <ActionButton
                    label=Text::Passwordless(PasswordlessText::AddPasskey)
                    pending=add.pending()
                    disabled=busy
                    on_click=move || {
                        note.set(None);
                        add.dispatch(());
                    }
                />
            })}
        </section>
    }
}

/// After signing in, the offer to add a passkey: shown where the site uses passkeys, the
/// browser has them, the user has none, and hasn't said "not now" on this device.
#[component]
pub fn PasskeyOffer() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let wanted = site_uses_passkeys() && passkeys_supported() && !session.passkey_offer_dismissed();
    let dismissed = RwSignal::new(!wanted);
    let has_none = Action::new_local(move |_: &()| async move {
        session
            .passkeys()
            .await
            .is_ok_and(|passkeys| passkeys.is_empty())
    });
    if wanted {
        has_none.dispatch(());
    }
    let add = Action::new_local(move |_: &()| async move {
        let added = session.add_passkey().await;
        if added.is_ok() {
            dismissed.set(true);
        }
        added.err()
    });
    let failure = i18n.words(move || {
        (!add.pending().get())
            .then(|| add.value().get().flatten().map(Text::Problem))
            .flatten()
    });
    let shown = move || !dismissed.get() && has_none.value().get() == Some(true);
    let added = move || add.value().get().is_some_and(|failed| failed.is_none());

    view! {
        <StatusNote message=i18n.words(move || added().then_some(Text::Passwordless(PasswordlessText::PasskeyAdded)))/>
        <Show when=shown>
            <section class="offer" aria-labelledby="passkey-offer-heading">
                <h2 id="passkey-offer-heading">{i18n.tr(Text::Passwordless(PasswordlessText::OfferTitle))}</h2>
                <p>{i18n.tr(Text::Passwordless(PasswordlessText::OfferBody))}</p>
                <ErrorAlert message=failure/>
                <div class="actions">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || add.pending().get()
                        aria-busy=move || add.pending().get().then_some("true")
                        on:click=move |_| {
                            add.dispatch(());
                        }
                    >
                        {i18n.tr(Text::Passwordless(PasswordlessText::AddPasskey))}
                    </button>
                    <ActionButton
                        label=Text::Passwordless(PasswordlessText::NotNow)
                        pending=Signal::derive(|| false)
                        disabled=add.pending()
                        on_click=move || {
                            session.dismiss_passkey_offer();
                            dismissed.set(true);
                        }
                    />
                </div>
            </section>
        </Show>
    }
}
