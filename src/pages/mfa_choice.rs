use super::mfa_code::ChallengeLost;
use super::sign_in_step::SignInSteps;
use crate::components::{ErrorAlert, PageHeading, SignedOutOnly, SubmitButton};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::{use_session, ChallengeAnswer};
use leptos::prelude::*;
use leptos_cognito_core::i18n::{MfaText, Text};
use leptos_cognito_core::mfa::{MfaMethod, SignInStep};
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Choosing a second factor during sign-in: which one to use this time (`SELECT_MFA_TYPE`), or
/// which one to set up when the pool requires one and the account has none (`MFA_SETUP`).
#[component]
pub fn MfaChoicePage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <MfaChoiceForm/>
        </SignedOutOnly>
    }
}

#[component]
fn MfaChoiceForm() -> impl IntoView {
    let handoff = Handoff::use_handoff();
    let (email, challenge, methods, setting_up) = match handoff.pending_step() {
        Some((email, challenge, SignInStep::Choose(methods))) => (email, challenge, methods, false),
        Some((email, challenge, SignInStep::SetUp(methods))) => (email, challenge, methods, true),
        _ => return view! { <ChallengeLost/> }.into_any(),
    };
    let session = use_session();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let steps = SignInSteps::new(navigate.clone());
    let chosen = RwSignal::new(methods[0]);

    let answer = Action::new_local(move |method: &MfaMethod| {
        let (method, email, challenge) = (*method, email.clone(), challenge.clone());
        let (steps, navigate) = (steps.clone(), navigate.clone());
        async move {
            let answer = match (setting_up, method) {
                // Linking an app takes a page of its own; the challenge stays in hand.
                (true, MfaMethod::Totp) => {
                    navigate(AuthRoute::TotpSetup.path(), Default::default());
                    return None;
                }
                (true, _) => ChallengeAnswer::SetUpEmail,
                (false, method) => ChallengeAnswer::Choose(method),
            };
            let answered = session.answer_challenge(&email, &challenge, answer).await;
            steps.after_answer(email, answered)
        }
    });
    let pending = answer.pending();
    let failure = i18n.words(move || {
        (!pending.get())
            .then(|| answer.value().get().flatten().map(Text::Problem))
            .flatten()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !pending.get_untracked() {
            answer.dispatch(chosen.get_untracked());
        }
    };
    let (title, intro) = if setting_up {
        (MfaText::SetUpTitle, Some(MfaText::SetUpIntro))
    } else {
        (MfaText::ChooseTitle, None)
    };
    let options = methods
        .into_iter()
        .map(|method| {
            let id = format!("method-{}", method.as_str().to_ascii_lowercase());
            let hint_id = format!("{id}-hint");
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        name="method"
                        id=id.clone()
                        value=method.as_str()
                        checked=move || chosen.get() == method
                        on:change=move |_| chosen.set(method)
                        aria-describedby=hint_id.clone()
                    />
                    <label for=id>{i18n.tr(Text::Mfa(MfaText::MethodName(method)))}</label>
                    <p class="hint" id=hint_id>{i18n.tr(Text::Mfa(MfaText::MethodHint(method)))}</p>
                </div>
            }
        })
        .collect_view();

    view! {
        <PageHeading text=Text::Mfa(title)/>
        {intro.map(|intro| view! { <p>{i18n.tr(Text::Mfa(intro))}</p> })}
        <form on:submit=on_submit novalidate>
            <fieldset class="choices">
                <legend>{i18n.tr(Text::Mfa(MfaText::ChooseLegend))}</legend>
                {options}
            </fieldset>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::Mfa(MfaText::Continue) pending=pending/>
        </form>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
    .into_any()
}
