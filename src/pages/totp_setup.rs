use super::mfa_code::ChallengeLost;
use super::sign_in_step::SignInSteps;
use super::totp_enrolment::{AppCheck, TotpEnrolment};
use crate::components::{ErrorAlert, PageHeading, SignedOutOnly, StatusNote};
use crate::handoff::{Handoff, PendingChallenge};
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::{use_session, ChallengeAnswer};
use leptos::prelude::*;
use leptos_cognito_core::api::Caller;
use leptos_cognito_core::i18n::{MfaText, Text};
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::{ChallengeSession, TotpSecret};
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Linking an authenticator app during sign-in, when the pool requires a second factor and the
/// account has none (`MFA_SETUP`): once the app's code checks out, the sign-in completes.
#[component]
pub fn TotpSetupPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <TotpSetupSteps/>
        </SignedOutOnly>
    }
}

#[component]
fn TotpSetupSteps() -> impl IntoView {
    let handoff = Handoff::use_handoff();
    let Some(PendingChallenge { email, challenge }) = handoff.challenge() else {
        return view! { <ChallengeLost/> }.into_any();
    };
    let Some(session_id) = challenge.session.clone() else {
        return view! { <ChallengeLost/> }.into_any();
    };
    let session = use_session();
    let i18n = use_i18n();
    let steps = SignInSteps::new(use_navigate());

    let account = email.clone();
    // Each association hands back the challenge session to go on with.
    let associate = Action::new_local({
        let (email, steps) = (email.clone(), steps.clone());
        move |session_id: &ChallengeSession| {
            let (client, caller) = (session.client(), Caller::Session(session_id.clone()));
            let (email, steps) = (email.clone(), steps.clone());
            async move {
                let associated = client.associate_software_token(caller).await;
                associated.map_err(|error| match error.problem() {
                    Problem::ChallengeExpired => {
                        steps.start_over(email);
                        Problem::ChallengeExpired
                    }
                    problem => problem,
                })
            }
        }
    });
    associate.dispatch(session_id);
    let linked = move || {
        associate
            .value()
            .get()
            .and_then(Result::ok)
            .and_then(|r| Some((r.secret_code, r.session?)))
    };

    let check = Action::new_local(move |(code, name): &AppCheck| {
        let (code, name, email) = (code.clone(), name.clone(), email.clone());
        let (challenge, steps, linked) = (challenge.clone(), steps.clone(), linked());
        async move {
            let (_, linking) = linked?;
            let client = session.client();
            let verified = client
                .verify_software_token(Caller::Session(linking), &code, name)
                .await;
            let answered = match verified {
                Ok(Some(next)) => {
                    let answer = ChallengeAnswer::AppLinked(next);
                    session.answer_challenge(&email, &challenge, answer).await
                }
                Ok(None) => return Some(Problem::ChallengeExpired),
                Err(error) => Err(error),
            };
            steps.after_answer(email, answered)
        }
    });
    let failed = Signal::derive(move || associate.value().get().and_then(Result::err));
    let enrolment = move || {
        let account = account.clone();
        linked().map(|(secret, _): (TotpSecret, _)| {
            view! { <TotpEnrolment secret account check/> }
        })
    };

    view! {
        <PageHeading text=Text::Mfa(MfaText::TotpTitle)/>
        <StatusNote message=i18n.words(move || associate.pending().get().then_some(Text::Loading))/>
        <ErrorAlert message=i18n.words(move || failed.get().map(Text::Problem))/>
        {enrolment}
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
    .into_any()
}
