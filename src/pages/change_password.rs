use crate::components::{
    after_submit, focus_first_invalid, ErrorAlert, PageHeading, PasswordField, PoolPolicy,
    SignedInOnly, SubmitButton,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::validation::{check_new_password, passwords_match, require_password};
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Changes the signed-in user's password: the current one proves it is them.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    view! {
        <SignedInOnly>
            <ChangePasswordForm/>
        </SignedInOnly>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let session = use_session();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let policy = PoolPolicy::use_policy();
    let navigate = use_navigate();
    let current = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let current_error = after_submit(submitted, move || require_password(&current.get()).err());
    let password_error = after_submit(submitted, move || {
        check_new_password(&policy, &password.get())
            .err()
            .map(|(error, _)| error)
    });
    let confirmation_error = after_submit(submitted, move || {
        passwords_match(&password.get(), &confirmation.get()).err()
    });

    let change = Action::new_local(move |(previous, proposed): &(Password, Password)| {
        let (previous, proposed, navigate) = (previous.clone(), proposed.clone(), navigate.clone());
        async move {
            match session.change_password(previous, proposed).await {
                Ok(()) => {
                    handoff.leave_notice(Text::PasswordChanged);
                    navigate(AuthRoute::Session.path(), Default::default());
                    None
                }
                Err(problem) => Some(problem),
            }
        }
    });
    let pending = change.pending();
    let failure = i18n.words(move || {
        (!pending.get())
            .then(|| change.value().get().flatten().map(Text::Problem))
            .flatten()
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        submitted.set(true);
        let previous = current.get_untracked();
        let (typed, confirmed) = (password.get_untracked(), confirmation.get_untracked());
        if focus_first_invalid(&[
            ("current-password", require_password(&previous).is_err()),
            ("new-password", check_new_password(&policy, &typed).is_err()),
            (
                "confirm-password",
                passwords_match(&typed, &confirmed).is_err(),
            ),
        ]) {
            return;
        }
        change.dispatch((Password::new(previous), Password::new(typed)));
    };

    view! {
        <PageHeading text=Text::ChangePasswordTitle/>
        <form on:submit=on_submit novalidate>
            <PasswordField id="current-password" label=Text::CurrentPassword autocomplete="current-password" value=current error=current_error/>
            <PasswordField id="new-password" label=Text::NewPassword autocomplete="new-password" value=password error=password_error policy=policy/>
            <PasswordField id="confirm-password" label=Text::ConfirmPassword autocomplete="new-password" value=confirmation error=confirmation_error/>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::ChangePasswordButton pending=pending/>
        </form>
        <p class="switch"><A href=AuthRoute::Session.path()>{i18n.tr(Text::BackToAccount)}</A></p>
    }
}
