use crate::components::{
    ErrorAlert, Form, PageHeading, PasswordField, PoolPolicy, SignedOutOnly, SubmitButton,
    TextField,
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
    let form = Form::default();
    let email_field = form.email(email);
    let password_field = form.new_password("password", password, policy);
    let confirmation_field = form.confirmation(password, confirmation);

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

    let on_submit = form.on_submit(pending, move || {
        if let Some(email) = email_field.value() {
            sign_up.dispatch((email, Password::new(password.get_untracked())));
        }
    });

    view! {
        <PageHeading text=Text::CreateAnAccount/>
        <form on:submit=on_submit novalidate>
            <TextField id="email" label=Text::Email kind="email" autocomplete="username" value=email error=email_field.error()/>
            <PasswordField id="password" label=Text::Password autocomplete="new-password" value=password error=password_field.error() policy=policy/>
            <PasswordField id="confirm-password" label=Text::ConfirmPassword autocomplete="new-password" value=confirmation error=confirmation_field.error()/>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::CreateAccountButton pending=pending/>
        </form>
        <p class="switch">
            {i18n.tr(Text::HaveAnAccount)} " " <A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A>
        </p>
    }
}
