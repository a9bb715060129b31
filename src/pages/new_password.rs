use super::sign_in_step::SignInSteps;
use crate::components::{
    ErrorAlert, Form, PageHeading, PasswordField, PoolPolicy, SignedOutOnly, SubmitButton,
};
use crate::handoff::{Handoff, PendingChallenge};
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::api::ChallengeName;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::Password;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// For a user an administrator created: the sign-in stopped at `NEW_PASSWORD_REQUIRED`, and the
/// user chooses their own password here, which also signs them in.
#[component]
pub fn NewPasswordPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <NewPasswordForm/>
        </SignedOutOnly>
    }
}

#[component]
fn NewPasswordForm() -> impl IntoView {
    let session = use_session();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let policy = PoolPolicy::use_policy();
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let form = Form::default();
    let password_field = form.new_password("new-password", password, policy);
    let confirmation_field = form.confirmation(password, confirmation);

    let steps = SignInSteps::new(use_navigate());
    let complete = Action::new_local(move |password: &Password| {
        let (password, steps) = (password.clone(), steps.clone());
        async move {
            // The challenge lives a few minutes in memory only; a reload loses it.
            let Some(PendingChallenge { email, challenge }) = handoff.challenge() else {
                return Some(Problem::ChallengeExpired);
            };
            match session
                .complete_new_password(&email, &challenge, password)
                .await
            {
                // Signed in: the page guard moves on to the session page.
                Ok(None) => {
                    handoff.clear_challenge();
                    None
                }
                Ok(Some(next)) if next.name == ChallengeName::NewPasswordRequired => {
                    handoff.set_challenge(PendingChallenge {
                        email,
                        challenge: next,
                    });
                    Some(Problem::PasswordNotAllowed)
                }
                // e.g. a second factor
                answered => steps.after_answer(email, answered),
            }
        }
    });
    let pending = complete.pending();
    let failure = i18n.words(move || {
        if pending.get() {
            return None;
        }
        let missing = handoff
            .challenge()
            .is_none()
            .then_some(Problem::ChallengeExpired);
        complete
            .value()
            .get()
            .flatten()
            .or(missing)
            .map(Text::Problem)
    });

    let on_submit = form.on_submit(pending, move || {
        complete.dispatch(Password::new(password.get_untracked()));
    });

    view! {
        <PageHeading text=Text::NewPasswordTitle/>
        <p>{i18n.tr(Text::NewPasswordIntro)}</p>
        <form on:submit=on_submit novalidate>
            <PasswordField id="new-password" label=Text::NewPassword autocomplete="new-password" value=password error=password_field.error() policy=policy/>
            <PasswordField id="confirm-password" label=Text::ConfirmPassword autocomplete="new-password" value=confirmation error=confirmation_field.error()/>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::ChangePasswordButton pending=pending/>
        </form>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
}
