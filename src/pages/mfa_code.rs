use super::code_step::nfkc;
use super::sign_in_step::SignInSteps;
use crate::components::{
    ActionButton, ErrorAlert, Form, PageHeading, SignedOutOnly, StatusNote, SubmitButton, TextField,
};
use crate::handoff::{Handoff, PendingChallenge};
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::{use_session, ChallengeAnswer};
use leptos::prelude::*;
use leptos_cognito_core::i18n::{MfaText, Text};
use leptos_cognito_core::mfa::SignInStep;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::OneTimeCode;
use leptos_cognito_core::sign_in_factor::FirstFactor;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// The second step of a sign-in: the code from the authenticator app, or the one Cognito sent
/// by email or text message.
#[component]
pub fn MfaCodePage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <MfaCodeForm/>
        </SignedOutOnly>
    }
}

#[component]
fn MfaCodeForm() -> impl IntoView {
    let handoff = Handoff::use_handoff();
    // The challenge lives a few minutes in memory only; a reload loses it.
    let Some((
        email,
        challenge,
        SignInStep::Code {
            method,
            destination,
        },
    )) = handoff.pending_step()
    else {
        return view! { <ChallengeLost/> }.into_any();
    };
    // A first factor's code is sent again by starting the challenge again, which replaces it.
    let resendable = handoff
        .factor()
        .filter(|factor| matches!(factor, FirstFactor::EmailCode | FirstFactor::SmsCode));
    let challenge = RwSignal::new(challenge);
    let destination = RwSignal::new(destination);
    let session = use_session();
    let i18n = use_i18n();
    let steps = SignInSteps::new(use_navigate());
    let code = RwSignal::new(String::new());
    let form = Form::default();
    let code_field = form.field("code", move || {
        code.with(|code| method.check_code(&nfkc(code)))
    });

    let answer = Action::new_local({
        let (email, steps) = (email.clone(), steps.clone());
        move |code: &String| {
            let (code, email, challenge, steps) = (
                code.clone(),
                email.clone(),
                challenge.get_untracked(),
                steps.clone(),
            );
            async move {
                let answer = ChallengeAnswer::Code(OneTimeCode::new(code));
                let answered = session.answer_challenge(&email, &challenge, answer).await;
                steps.after_answer(email, answered)
            }
        }
    });
    let resend = Action::new_local(move |factor: &FirstFactor| {
        let (factor, email, steps) = (*factor, email.clone(), steps.clone());
        async move {
            match session.start_user_auth(&email, Some(factor)).await {
                Ok(Some(next)) if next.name == challenge.get_untracked().name => {
                    if let SignInStep::Code {
                        destination: to, ..
                    } = SignInStep::of(&next)
                    {
                        destination.set(to);
                    }
                    handoff.set_challenge(PendingChallenge {
                        email,
                        challenge: next.clone(),
                    });
                    challenge.set(next);
                    answer.value().set(None);
                    None
                }
                Ok(Some(next)) => steps.go_to(email, next),
                Ok(None) => None,
                Err(error) => Some(error.problem()),
            }
        }
    });
    let pending = Signal::derive(move || answer.pending().get() || resend.pending().get());
    let failure = i18n.words(move || {
        if pending.get() {
            return None;
        }
        let failed = answer.value().get().flatten();
        (failed.or_else(|| resend.value().get().flatten())).map(Text::Problem)
    });
    let on_submit = form.on_submit(pending, move || {
        if let Some(code) = code_field.value() {
            answer.dispatch(code);
        }
    });
    let intro = i18n.words(move || {
        Some(Text::Mfa(MfaText::CodeIntro {
            method,
            to: destination.get(),
        }))
    });
    let resend_button = resendable.map(|factor| {
        view! {
            <ActionButton
                label=Text::ResendCode
                pending=resend.pending()
                disabled=pending
                on_click=move || {
                    resend.dispatch(factor);
                }
            />
        }
    });

    view! {
        <PageHeading text=Text::Mfa(MfaText::CodeTitle(method))/>
        <p>{intro}</p>
        <form on:submit=on_submit novalidate>
            <TextField id="code" label=Text::Mfa(MfaText::CodeLabel(method)) autocomplete="one-time-code" inputmode="numeric" value=code error=code_field.error()/>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::Mfa(MfaText::Verify) pending=answer.pending()/>
            {resend_button}
        </form>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
    .into_any()
}

/// Reached without a sign-in under way (a reload, an old link): say so, with the way back.
#[component]
pub(super) fn ChallengeLost() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading text=Text::SignIn/>
        <StatusNote message=i18n.words(|| Some(Text::Problem(Problem::ChallengeExpired)))/>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
}
