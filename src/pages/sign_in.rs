use super::sign_in_step::SignInSteps;
use super::sign_in_user_auth::UserAuthSignInForm;
use super::sign_out_report::SignOutReport;
use crate::components::{
    country_signal, pool_words, use_identifiers, ErrorAlert, Form, IdentifierField, PageHeading,
    PasswordField, SignedOutOnly, StatusNote, SubmitButton,
};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::on_demand::FederatedSignIn;
use crate::prepaint;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::AuthFlow;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Sign-in: the pool's identifier (email, username or phone) and password, or with
/// `USER_AUTH` the identifier first and then the way to prove
/// it. An unconfirmed account is sent on to the confirm page, and each challenge to its page.
#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <SignInScreen/>
        </SignedOutOnly>
    }
}

#[component]
fn SignInScreen() -> impl IntoView {
    let session = use_session();
    // SRP's `A` for the sign-in, made while the user types.
    session.prepare_sign_in();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let notice = RwSignal::new(handoff.take_notice());
    let email = RwSignal::new(handoff.email.get_untracked().unwrap_or_default());
    let ended = Signal::derive(move || session.ended().get().then_some(Text::SessionEnded));
    let form = if session.auth_flow() == AuthFlow::UserAuth {
        view! { <UserAuthSignInForm email notice before=ended/> }.into_any()
    } else {
        view! { <PasswordSignInForm email notice before=ended/> }.into_any()
    };

    view! {
        <PageHeading text=Text::SignIn/>
        <StatusNote message=i18n.words(move || notice.get())/>
        <SignOutReport/>
        {form}
        <FederatedSignIn/>
        <p class="switch">
            {i18n.tr(Text::NoAccountYet)} " " <A href=AuthRoute::SignUp.path()>{i18n.tr(Text::CreateAnAccount)}</A>
        </p>
    }
}

/// Identifier and password (`USER_SRP_AUTH` or `USER_PASSWORD_AUTH`).
#[component]
fn PasswordSignInForm(
    email: RwSignal<String>,
    /// The previous page's note, cleared by the next attempt.
    notice: RwSignal<Option<Text>>,
    /// A message to show when the form has none of its own (the session that ended).
    #[prop(into)]
    before: Signal<Option<Text>>,
) -> impl IntoView {
    let session = use_session();
    let handoff = Handoff::use_handoff();
    let i18n = use_i18n();
    let password = RwSignal::new(String::new());
    let prepainted = prepaint::take_over(email, Some(password));
    let form = Form::default();
    let country = country_signal();
    let email_field = form.identifier(email, country, use_identifiers());
    let password_field = form.password("password", password);

    let steps = SignInSteps::new(use_navigate());
    let sign_in = Action::new_local(move |(email, password): &(String, Password)| {
        let (email, password, steps) = (email.clone(), password.clone(), steps.clone());
        async move {
            let started = session.sign_in(&email, password).await;
            steps.after_start(email, started)
        }
    });
    let pending = sign_in.pending();
    let failure = i18n.words(move || {
        if pending.get() {
            return None;
        }
        (sign_in.value().get().flatten().map(pool_words)).or_else(|| before.get())
    });
    let submit = form.on_submit(pending, move || {
        if let (Some(email), Some(())) = (email_field.value(), password_field.value()) {
            sign_in.dispatch((email, Password::new(password.get_untracked())));
        }
    });
    let on_submit = move |ev| {
        notice.set(None);
        submit(ev);
    };

    view! {
        <form node_ref=prepainted on:submit=on_submit novalidate>
            <IdentifierField value=email country field=email_field/>
            <PasswordField id="password" label=Text::Password autocomplete="current-password" value=password error=password_field.error()/>
            <p class="aside">
                <A href=AuthRoute::ForgotPassword.path() on:click=move |_| {
                    let typed = email.get_untracked();
                    handoff.email.set((!typed.trim().is_empty()).then_some(typed));
                }>{i18n.tr(Text::ForgotPasswordLink)}</A>
            </p>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::SignIn pending=pending/>
        </form>
    }
}
