use super::passkeys::{site_uses_passkeys, PasskeyList};
use super::totp_enrolment::{AppCheck, TotpEnrolment};
use crate::components::{ErrorAlert, PageHeading, SignedInOnly, StatusNote};
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::{use_session, MfaSettings, SessionState};
use leptos::prelude::*;
use leptos_cognito_core::client::MfaChange;
use leptos_cognito_core::config::MfaPolicy;
use leptos_cognito_core::i18n::{MfaText, Text};
use leptos_cognito_core::mfa::MfaMethod;
use leptos_router::components::A;

/// The signed-in user's passkeys and second factors: which factors are on and which is asked
/// for first, turning each on or off, and linking an authenticator app. Only what the pool
/// takes is offered.
#[component]
pub fn SecurityPage() -> impl IntoView {
    view! {
        <SignedInOnly>
            <SecuritySettings/>
        </SignedInOnly>
    }
}

/// What the page may offer for `method`, given the pool and the user's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Offer {
    TurnOn,
    SetUpApp,
    TurnOff,
    MakePreferred,
}

fn offers(policy: &MfaPolicy, settings: &MfaSettings, method: MfaMethod) -> Vec<Offer> {
    let on = settings.enabled.contains(&method);
    if !on {
        return vec![match method {
            MfaMethod::Totp => Offer::SetUpApp,
            _ => Offer::TurnOn,
        }];
    }
    let mut offers = Vec::new();
    if settings.enabled.len() > 1 && settings.preferred != Some(method) {
        offers.push(Offer::MakePreferred);
    }
    // A pool that requires a second factor refuses to turn one off.
    if policy.optional() {
        offers.push(Offer::TurnOff);
    }
    offers
}

#[component]
fn SecuritySettings() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let policy = use_context::<MfaPolicy>().unwrap_or_default();
    let offered_at_all = policy.methods.iter().any(|method| policy.allows(*method));
    let passkeys = site_uses_passkeys();
    let load = Action::new_local(move |_: &()| async move { session.mfa_settings().await });
    load.dispatch(());
    let settings = Signal::derive(move || load.value().get().and_then(Result::ok));
    let note = RwSignal::new(None::<MfaText>);
    let change = Action::new_local(move |change: &MfaChange| {
        let change = change.clone();
        async move {
            let changed = session.change_mfa(change).await;
            if changed.is_ok() {
                note.set(Some(MfaText::Changed));
                load.dispatch(());
            }
            changed.err()
        }
    });
    let enrolling = RwSignal::new(false);
    let new_secret =
        Action::new_local(move |_: &()| async move { session.new_totp_secret().await });
    let turn_on_app = Action::new_local(move |(code, name): &AppCheck| {
        let (code, name) = (code.clone(), name.clone());
        let prefer = settings.with_untracked(|s| s.as_ref().is_none_or(|s| s.preferred.is_none()));
        async move {
            let done = session.turn_on_totp(&code, name, prefer).await;
            if done.is_ok() {
                enrolling.set(false);
                note.set(Some(MfaText::Changed));
                load.dispatch(());
            }
            done.err()
        }
    });
    let busy = Signal::derive(move || {
        change.pending().get() || load.pending().get() || new_secret.pending().get()
    });
    let failure = i18n.words(move || {
        let loaded = load.value().get().and_then(Result::err);
        let changed = change.value().get().flatten();
        let secret = new_secret.value().get().and_then(Result::err);
        changed.or(secret).or(loaded).map(Text::Problem)
    });
    let email = move || match session.state().get() {
        SessionState::SignedIn(s) => s.email,
        _ => String::new(),
    };

    let act = move |method: MfaMethod, offer: Offer| {
        note.set(None);
        let prefer_if_first =
            settings.with_untracked(|s| s.as_ref().is_none_or(|s| s.preferred.is_none()));
        let change_to = match offer {
            Offer::SetUpApp => {
                enrolling.set(true);
                new_secret.dispatch(());
                return;
            }
            Offer::TurnOn => MfaChange {
                enable: vec![method],
                prefer: prefer_if_first.then_some(method),
                ..MfaChange::default()
            },
            Offer::TurnOff => MfaChange {
                disable: vec![method],
                ..MfaChange::default()
            },
            Offer::MakePreferred => MfaChange {
                enable: vec![method],
                prefer: Some(method),
                ..MfaChange::default()
            },
        };
        change.dispatch(change_to);
    };
    let offered = policy.clone();
    let rows = move || {
        let settings = settings.get()?;
        let methods = offered.methods.iter().copied().filter(|method| {
            offered.allows(*method)
                && (*method != MfaMethod::Sms
                    || settings.phone_verified
                    || settings.enabled.contains(method))
        });
        let rows = methods
            .map(|method| {
                let on = settings.enabled.contains(&method);
                let preferred = settings.preferred == Some(method);
                let buttons = offers(&offered, &settings, method)
                    .into_iter()
                    .map(|offer| {
                        let label = match offer {
                            Offer::TurnOn => MfaText::TurnOn(method),
                            Offer::SetUpApp => MfaText::SetUp(method),
                            Offer::TurnOff => MfaText::TurnOff(method),
                            Offer::MakePreferred => MfaText::MakePreferred(method),
                        };
                        view! {
                            <button type="button" class="secondary" disabled=busy on:click=move |_| act(method, offer)>
                                {i18n.tr(Text::Mfa(label))}
                            </button>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="factor">
                        <span class="factor-name">{i18n.tr(Text::Mfa(MfaText::MethodName(method)))}</span>
                        " "
                        <span class="factor-state">{i18n.tr(Text::Mfa(MfaText::Status(on)))}</span>
                        {preferred.then(|| view! { " " <span class="badge">{i18n.tr(Text::Mfa(MfaText::Preferred))}</span> })}
                        <div class="actions">{buttons}</div>
                    </li>
                }
            })
            .collect_view();
        Some(view! { <ul class="factors">{rows}</ul> })
    };
    let required_note = move || (!policy.optional()).then_some(Text::Mfa(MfaText::RequiredByPool));
    let enrolment = move || {
        let secret = new_secret.value().get().and_then(Result::ok)?;
        enrolling.get().then(|| {
            view! {
                <section aria-labelledby="totp-heading">
                    <h2 id="totp-heading">{i18n.tr(Text::Mfa(MfaText::TotpTitle))}</h2>
                    <TotpEnrolment secret account=email() check=turn_on_app/>
                    <button type="button" class="secondary" on:click=move |_| enrolling.set(false)>
                        {i18n.tr(Text::Mfa(MfaText::Cancel))}
                    </button>
                </section>
            }
        })
    };

    view! {
        <PageHeading text=Text::Mfa(MfaText::SecurityTitle)/>
        <StatusNote message=i18n.words(move || note.get().map(Text::Mfa))/>
        {passkeys.then(|| view! { <PasskeyList/> })}
        <h2>{i18n.tr(Text::Mfa(MfaText::TwoStepHeading))}</h2>
        {if offered_at_all {
            view! {
                {rows}
                <p class="aside">{move || required_note().map(|text| i18n.t(&text))}</p>
                <ErrorAlert message=failure/>
                {enrolment}
            }
            .into_any()
        } else {
            view! { <p>{i18n.tr(Text::Mfa(MfaText::NotOffered))}</p> }.into_any()
        }}
        <p class="switch"><A href=AuthRoute::Session.path()>{i18n.tr(Text::BackToAccount)}</A></p>
    }
}
