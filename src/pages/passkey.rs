use super::mfa_code::ChallengeLost;
use super::sign_in_step::SignInSteps;
use crate::components::{ActionButton, ErrorAlert, PageHeading, SignedOutOnly, StatusNote};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::passkey::sign_in_assertion;
use crate::routes::AuthRoute;
use crate::session::{use_session, ChallengeAnswer};
use leptos::prelude::*;
use leptos_cognito_core::i18n::{PasswordlessText, Text};
use leptos_cognito_core::mfa::SignInStep;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Signing in with a passkey (`WEB_AUTHN`): the browser's own prompt opens at once; if the user
/// cancels it, or it fails, they can try again or choose another way to sign in.
#[component]
pub fn PasskeyPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <PasskeySignIn/>
        </SignedOutOnly>
    }
}

#[component]
fn PasskeySignIn() -> impl IntoView {
    let handoff = Handoff::use_handoff();
    let Some((email, challenge, SignInStep::Passkey { request_options })) = handoff.pending_step()
    else {
        return view! { <ChallengeLost/> }.into_any();
    };
    let session = use_session();
    let i18n = use_i18n();
    let steps = SignInSteps::new(use_navigate());

    let attempt = Action::new_local({
        let (email, steps) = (email.clone(), steps.clone());
        move |_: &()| {
            let (email, challenge, steps) = (email.clone(), challenge.clone(), steps.clone());
            let options = request_options.clone();
            async move {
                let credential = match sign_in_assertion(&options).await {
                    Ok(credential) => credential,
                    Err(error) => return Some(error.problem()),
                };
                let answer = ChallengeAnswer::Passkey(credential);
                let answered = session.answer_challenge(&email, &challenge, answer).await;
                steps.after_answer(email, answered)
            }
        }
    });
    // The choice on the previous page was the user's gesture: the prompt may open now.
    attempt.dispatch(());
    // Another way starts over, without the passkey as the preferred factor.
    let another_way = Action::new_local(move |_: &()| {
        let (email, steps) = (email.clone(), steps.clone());
        async move {
            handoff.set_factor(None);
            match session.start_user_auth(&email, None).await {
                Ok(None) => None,
                Ok(Some(next)) => steps.go_to(email, next),
                Err(error) => Some(error.problem()),
            }
        }
    });
    let busy = Signal::derive(move || attempt.pending().get() || another_way.pending().get());
    let failure = i18n.words(move || {
        if busy.get() {
            return None;
        }
        let failed = attempt.value().get().flatten();
        (another_way.value().get().flatten().or(failed)).map(Text::Problem)
    });
    let waiting = i18n.words(move || {
        (attempt.pending().get()).then_some(Text::Passwordless(PasswordlessText::PasskeyWaiting))
    });

    view! {
        <PageHeading text=Text::Passwordless(PasswordlessText::PasskeyTitle)/>
        <StatusNote message=waiting/>
        <ErrorAlert message=failure/>
        <div class="actions">
            <ActionButton
                label=Text::Passwordless(PasswordlessText::TryAgain)
                pending=attempt.pending()
                disabled=busy
                on_click=move || {
                    attempt.dispatch(());
                }
            />
            <ActionButton
                label=Text::Passwordless(PasswordlessText::ChooseAnotherWay)
                pending=another_way.pending()
                disabled=busy
                on_click=move || {
                    another_way.dispatch(());
                }
            />
        </div>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
    .into_any()
}
