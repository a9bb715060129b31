use super::sign_up_fields::{AccountFields, NewAccount};
use crate::components::{
    pool_words, AttributeFields, AttributeInputs, ErrorAlert, Form, PageHeading, PasswordField,
    PoolPolicy, SignedOutOnly, SubmitButton,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::{use_session, SiteFirstFactors};
use leptos::prelude::*;
use leptos_cognito_core::i18n::{PasswordlessText, Text};
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::sign_in_factor::FirstFactor;
use leptos_cognito_core::AuthFlow;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Creates an account (the pool's username and the email or phone it verifies). Cognito then
/// either wants the code it sent (confirm page) or, when the
/// pool confirms automatically (a PreSignUp trigger), the user can sign in straight away.
#[component]
pub fn SignUpPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <SignUpForm/>
        </SignedOutOnly>
    }
}

/// Whether the site lets new users go without a password: `USER_AUTH` with a way to sign in
/// that needs none (an emailed code; a passkey comes after the first sign-in).
fn passwordless_sign_up_allowed() -> bool {
    use_session().auth_flow() == AuthFlow::UserAuth
        && use_context::<SiteFirstFactors>()
            .is_some_and(|site| site.0.contains(&FirstFactor::EmailCode))
}

#[component]
fn SignUpForm() -> impl IntoView {
    let client = use_session().client();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    // The site's other attributes (`signUpAttributes`), kept when the form changes shape.
    let attributes = AttributeInputs::new();

    let sign_up = Action::new_local(
        move |(account, password): &(NewAccount, Option<Password>)| {
            let (client, account, password, navigate) = (
                client.clone(),
                account.clone(),
                password.clone(),
                navigate.clone(),
            );
            async move {
                let NewAccount {
                    username: email,
                    attributes,
                } = account;
                let response = match client.sign_up(&email, password.clone(), attributes).await {
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
                    if let Some(password) = password {
                        handoff.keep_sign_up_password(email, password);
                    }
                    navigate(AuthRoute::Confirm.path(), Default::default());
                }
                None
            }
        },
    );
    let passwordless = RwSignal::new(false);
    let form = move || {
        if passwordless.get() {
            view! { <WithoutPassword email attributes sign_up/> }.into_any()
        } else {
            view! { <WithPassword email attributes sign_up/> }.into_any()
        }
    };

    view! {
        <PageHeading text=Text::CreateAnAccount/>
        {form}
        {passwordless_sign_up_allowed().then(|| view! {
            <p class="aside">
                <label class="toggle">
                    <input type="checkbox" bind:checked=passwordless/>
                    " " {i18n.tr(Text::Passwordless(PasswordlessText::SignUpWithoutPassword))}
                </label>
            </p>
        })}
        <p class="switch">
            {i18n.tr(Text::HaveAnAccount)} " " <A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A>
        </p>
    }
}

/// What a sign-up sends: the account, and the password unless it goes without one.
type SignUpAction = Action<(NewAccount, Option<Password>), Option<Problem>>;

/// The account with the site's other attributes, once both are right (each shows its errors).
fn with_attributes(account: Option<NewAccount>, attributes: AttributeInputs) -> Option<NewAccount> {
    let extra = attributes.checked(false)?;
    let mut account = account?;
    account.attributes.extend(extra);
    Some(account)
}

/// The failure of the sign-up, worded, while it isn't running.
fn failure(sign_up: SignUpAction) -> Signal<Option<String>> {
    let pending = sign_up.pending();
    use_i18n().words(move || {
        (!pending.get())
            .then(|| sign_up.value().get().flatten().map(pool_words))
            .flatten()
    })
}

/// The account's fields and a new password, typed twice.
#[component]
fn WithPassword(
    email: RwSignal<String>,
    attributes: AttributeInputs,
    sign_up: SignUpAction,
) -> impl IntoView {
    let policy = PoolPolicy::use_policy();
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let form = Form::default();
    let account = AccountFields::new(form, email);
    let password_field = form.new_password("password", password, policy);
    let confirmation_field = form.confirmation(password, confirmation);
    let pending = sign_up.pending();
    let on_submit = form.on_submit(pending, move || {
        if let Some(account) = with_attributes(account.account(), attributes) {
            sign_up.dispatch((account, Some(Password::new(password.get_untracked()))));
        }
    });

    view! {
        <form on:submit=on_submit novalidate>
            {account.view()}
            <AttributeFields inputs=attributes/>
            <PasswordField id="password" label=Text::Password autocomplete="new-password" value=password error=password_field.error() policy=policy/>
            <PasswordField id="confirm-password" label=Text::ConfirmPassword autocomplete="new-password" value=confirmation error=confirmation_field.error()/>
            <ErrorAlert message=failure(sign_up)/>
            <SubmitButton label=Text::CreateAccountButton pending=pending/>
        </form>
    }
}

/// The account alone: the user signs in with codes, or a passkey added later.
#[component]
fn WithoutPassword(
    email: RwSignal<String>,
    attributes: AttributeInputs,
    sign_up: SignUpAction,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::default();
    let account = AccountFields::new(form, email);
    let pending = sign_up.pending();
    let on_submit = form.on_submit(pending, move || {
        if let Some(account) = with_attributes(account.account(), attributes) {
            sign_up.dispatch((account, None));
        }
    });

    view! {
        <p>{i18n.tr(Text::Passwordless(PasswordlessText::PasswordlessSignUpNote))}</p>
        <form on:submit=on_submit novalidate>
            {account.view()}
            <AttributeFields inputs=attributes/>
            <ErrorAlert message=failure(sign_up)/>
            <SubmitButton label=Text::CreateAccountButton pending=pending/>
        </form>
    }
}
