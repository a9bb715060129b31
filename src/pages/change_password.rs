use crate::components::{
    ErrorAlert, Form, PageHeading, PasswordField, PoolPolicy, SignedInOnly, SubmitButton,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::secret::Password;
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
    let form = Form::default();
    let current_field = form.password("current-password", current);
    let password_field = form.new_password("new-password", password, policy);
    let confirmation_field = form.confirmation(password, confirmation);

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

    let on_submit = form.on_submit(pending, move || {
        let (previous, proposed) = (current.get_untracked(), password.get_untracked());
        change.dispatch((Password::new(previous), Password::new(proposed)));
    });

    view! {
        <PageHeading text=Text::ChangePasswordTitle/>
        <form on:submit=on_submit novalidate>
            <PasswordField id="current-password" label=Text::CurrentPassword autocomplete="current-password" value=current error=current_field.error()/>
            <PasswordField id="new-password" label=Text::NewPassword autocomplete="new-password" value=password error=password_field.error() policy=policy/>
            <PasswordField id="confirm-password" label=Text::ConfirmPassword autocomplete="new-password" value=confirmation error=confirmation_field.error()/>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::ChangePasswordButton pending=pending/>
        </form>
        <p class="switch"><A href=AuthRoute::Session.path()>{i18n.tr(Text::BackToAccount)}</A></p>
    }
}
