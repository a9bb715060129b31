use crate::components::{
    after_submit, focus_first_invalid, ErrorAlert, PageHeading, PasswordField, PoolPolicy,
    SignedOutOnly, SubmitButton, TextField,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::validation::{check_new_password, normalize_email, passwords_match};
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Creates an account. Cognito then either wants the emailed code (confirm page) or, when the
/// pool confirms automatically (a PreSignUp trigger), the user can sign in straight away.
#[component]
pub fn SignUpPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <SignUpForm/>
        </SignedOutOnly>
    }
}

#[component]
fn SignUpForm() -> impl IntoView {
    let client = use_session().client();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let policy = PoolPolicy::use_policy();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let email_error = after_submit(submitted, move || normalize_email(&email.get()).err());
    let password_error = after_submit(submitted, move || {
        check_new_password(&policy, &password.get())
            .err()
            .map(|(error, _)| error)
    });
    let confirmation_error = after_submit(submitted, move || {
        passwords_match(&password.get(), &confirmation.get()).err()
    });

    let sign_up = Action::new_local(move |(email, password): &(String, Password)| {
        let (client, email, password, navigate) = (
            client.clone(),
            email.clone(),
            password.clone(),
            navigate.clone(),
        );
        async move {
            let response = match client.sign_up(&email, password.clone()).await {
                Ok(response) => response,
                Err(error) => return Some(error.problem()),
            };
            if response.user_confirmed {
                handoff.email.set(Some(email));
                handoff.leave_notice(Text::AccountReady);
                navigate(AuthRoute::SignIn.path(), Default::default());
            } else {
                handoff.awaiting_code(email.clone(), response.code_delivery_details);
                // Only for signing in right after the code is confirmed; dropped then.
                handoff.keep_sign_up_password(email, password);
                navigate(AuthRoute::Confirm.path(), Default::default());
            }
            None
        }
    });
    let pending = sign_up.pending();
    let failure = i18n.words(move || {
        (!pending.get())
            .then(|| sign_up.value().get().flatten().map(Text::Problem))
            .flatten()
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        submitted.set(true);
        let (typed, confirmed) = (password.get_untracked(), confirmation.get_untracked());
        let checked_email = normalize_email(&email.get_untracked());
        if focus_first_invalid(&[
            ("email", checked_email.is_err()),
            ("password", check_new_password(&policy, &typed).is_err()),
            (
                "confirm-password",
                passwords_match(&typed, &confirmed).is_err(),
            ),
        ]) {
            return;
        }
        if let Ok(normalized) = checked_email {
            email.set(normalized.clone());
            sign_up.dispatch((normalized, Password::new(typed)));
        }
    };

    view! {
        <PageHeading text=Text::CreateAnAccount/>
        <form on:submit=on_submit novalidate>
            <TextField id="email" label=Text::Email kind="email" autocomplete="username" value=email error=email_error/>
            <PasswordField id="password" label=Text::Password autocomplete="new-password" value=password error=password_error policy=policy/>
            <PasswordField id="confirm-password" label=Text::ConfirmPassword autocomplete="new-password" value=confirmation error=confirmation_error/>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::CreateAccountButton pending=pending/>
        </form>
        <p class="switch">
            {i18n.tr(Text::HaveAnAccount)} " " <A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A>
        </p>
    }
}
