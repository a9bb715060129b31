//! Remembered devices on the account pages: the question whether to trust this browser, and
//! the list of the user's devices with forgetting one.

use crate::components::{ActionButton, ErrorAlert, PageHeading, SignedInOnly, StatusNote};
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::api::{DeviceRememberedStatus, DeviceType};
use leptos_cognito_core::i18n::{DeviceText, Lang, Text};
use leptos_router::components::A;

/// After a sign-in on a pool that remembers devices on the user's word: whether to trust this
/// browser, so that its next sign-ins skip the second factor.
#[component]
pub fn TrustThisBrowser() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let trusted = RwSignal::new(false);
    let answer = Action::new_local(move |trust: &bool| {
        let trust = *trust;
        async move {
            let answered = session.trust_this_browser(trust).await;
            trusted.set(answered.is_ok() && trust);
            answered.err()
        }
    });
    let failure = i18n.words(move || {
        (!answer.pending().get())
            .then(|| answer.value().get().flatten().map(Text::Problem))
            .flatten()
    });

    view! {
        <StatusNote message=i18n.words(move || trusted.get().then_some(Text::Device(DeviceText::Trusted)))/>
        <Show when=move || session.device_prompt().get().is_some()>
            <section class="offer" aria-labelledby="trust-heading">
                <h2 id="trust-heading">{i18n.tr(Text::Device(DeviceText::TrustTitle))}</h2>
                <p>{i18n.tr(Text::Device(DeviceText::TrustBody))}</p>
                <ErrorAlert message=failure/>
                <div class="actions">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || answer.pending().get()
                        aria-busy=move || (answer.pending().get() && answer.input().get() == Some(true)).then_some("true")
                        on:click=move |_| {
                            answer.dispatch(true);
                        }
                    >
                        {i18n.tr(Text::Device(DeviceText::Trust))}
                    </button>
                    <ActionButton
                        label=Text::Device(DeviceText::DontTrust)
                        pending=Signal::derive(move || answer.pending().get() && answer.input().get() == Some(false))
                        disabled=answer.pending()
                        on_click=move || {
                            answer.dispatch(false);
                        }
                    />
                </div>
            </section>
        </Show>
    }
}

/// A time in seconds since the epoch as a local date and time, written the way `lang` does.
fn local_time(epoch_seconds: f64, lang: Lang) -> String {
    crate::clock::local(epoch_seconds * 1000.0).date_and_time(lang)
}

/// The signed-in user's devices ([`AuthRoute::Devices`]).
#[component]
pub fn DevicesPage() -> impl IntoView {
    view! {
        <SignedInOnly>
            <DeviceList/>
        </SignedInOnly>
    }
}

#[component]
fn DeviceList() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let load = Action::new_local(move |_: &()| async move { session.devices().await });
    load.dispatch(());
    let note = RwSignal::new(None::<DeviceText>);
    let change = Action::new_local(move |forget: &Option<String>| {
        let forget = forget.clone();
        async move {
            let (done, said) = match forget {
                Some(device_key) => (
                    session.forget_device(device_key).await,
                    DeviceText::Forgotten,
                ),
                None => (
                    session.stop_remembering_this_browser().await,
                    DeviceText::Updated,
                ),
            };
            if done.is_ok() {
                note.set(Some(said));
                load.dispatch(());
            }
            done.err()
        }
    });
    let busy = Signal::derive(move || load.pending().get() || change.pending().get());
    let failure = i18n.words(move || {
        if busy.get() {
            return None;
        }
        let loaded = load.value().get().and_then(Result::err);
        (change.value().get().flatten().or(loaded)).map(Text::Problem)
    });
    let row = move |device: DeviceType| {
        let lang = i18n.lang();
        let name = device.name().map(str::to_owned).unwrap_or_else(|| {
            Text::Device(DeviceText::UnnamedDevice)
                .render(lang)
                .into_owned()
        });
        let this = session.this_device().as_deref() == Some(device.device_key.as_str());
        let remembered = device.remembered_status() == Some(DeviceRememberedStatus::Remembered);
        let last_used = device
            .device_last_authenticated_date
            .map(|seconds| Text::Device(DeviceText::LastUsed(local_time(seconds, lang))));
        let key = device.device_key.clone();
        view! {
            <li class="factor">
                <span class="factor-name">{name.clone()}</span>
                {this.then(|| view! { " " <span class="badge">{i18n.tr(Text::Device(DeviceText::ThisBrowser))}</span> })}
                " "
                <span class="factor-state">{i18n.tr(Text::Device(DeviceText::Remembered(remembered)))}</span>
                <br/>
                {last_used.map(|text| view! { <span class="factor-state">{i18n.tr(text)}</span> })}
                <div class="actions">
                    {(this && remembered).then(|| view! {
                        <ActionButton
                            label=Text::Device(DeviceText::StopRemembering)
                            pending=Signal::derive(move || change.pending().get() && change.input().get() == Some(None))
                            disabled=busy
                            on_click=move || {
                                note.set(None);
                                change.dispatch(None);
                            }
                        />
                    })}
                    <ActionButton
                        label=Text::Device(DeviceText::Forget(name))
                        pending=Signal::derive(|| false)
                        disabled=busy
                        on_click=move || {
                            note.set(None);
                            change.dispatch(Some(key.clone()));
                        }
                    />
                </div>
            </li>
        }
    };
    let rows = move || {
        let devices = load.value().get().and_then(Result::ok)?;
        Some(if devices.is_empty() {
            view! { <p>{i18n.tr(Text::Device(DeviceText::NoDevices))}</p> }.into_any()
        } else {
            let items = devices.into_iter().map(row).collect_view();
            view! { <ul class="factors">{items}</ul> }.into_any()
        })
    };

    view! {
        <PageHeading text=Text::Device(DeviceText::DevicesTitle)/>
        <p>{i18n.tr(Text::Device(DeviceText::DevicesIntro))}</p>
        <StatusNote message=i18n.words(move || note.get().map(Text::Device))/>
        {rows}
        <ErrorAlert message=failure/>
        <p class="switch"><A href=AuthRoute::Session.path()>{i18n.tr(Text::BackToAccount)}</A></p>
    }
}
