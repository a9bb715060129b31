use super::mfa_code::ChallengeLost;
use super::sign_in_step::SignInSteps;
use crate::components::{ErrorAlert, Form, PageHeading, PasswordField, SignedOutOnly};
use crate::handoff::Handoff;
use crate::i18n::use_i18n;
use crate::passkey::passkeys_supported;
use crate::routes::AuthRoute;
use crate::session::{use_session, SiteFirstFactors};
use leptos::prelude::*;
use leptos_cognito_core::i18n::{PasswordlessText, Text};
use leptos_cognito_core::mfa::SignInStep;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::sign_in_factor::FirstFactor;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::rc::Rc;

/// `USER_AUTH`'s choice of how to sign in (`SELECT_CHALLENGE`): the factors Cognito offers this
/// user, in the order the site lists them, the one used last on this device first.
#[component]
pub fn FirstFactorPage() -> impl IntoView {
    view! {
        <SignedOutOnly>
            <FirstFactorChoice/>
        </SignedOutOnly>
    }
}

/// The factors to offer: those Cognito offers, in the site's order, the remembered one first,
/// passkeys only where the browser has them.
fn ordered(
    offered: &[FirstFactor],
    site: &[FirstFactor],
    last: Option<FirstFactor>,
) -> Vec<FirstFactor> {
    let mut factors: Vec<FirstFactor> = site
        .iter()
        .copied()
        .filter(|factor| offered.contains(factor))
        .filter(|factor| *factor != FirstFactor::Passkey || passkeys_supported())
        .collect();
    if let Some(position) = factors.iter().position(|factor| Some(*factor) == last) {
        let remembered = factors.remove(position);
        factors.insert(0, remembered);
    }
    factors
}

fn button_text(factor: FirstFactor) -> PasswordlessText {
    match factor {
        FirstFactor::Passkey => PasswordlessText::UsePasskey,
        FirstFactor::EmailCode => PasswordlessText::EmailMeCode,
        FirstFactor::SmsCode => PasswordlessText::TextMeCode,
        FirstFactor::Password => PasswordlessText::UsePassword,
    }
}

#[component]
fn FirstFactorChoice() -> impl IntoView {
    let handoff = Handoff::use_handoff();
    let Some((email, challenge, SignInStep::ChooseFirstFactor(offered))) = handoff.pending_step()
    else {
        return view! { <ChallengeLost/> }.into_any();
    };
    let session = use_session();
    let i18n = use_i18n();
    let site = use_context::<SiteFirstFactors>().map_or_else(|| offered.clone(), |site| site.0);
    let factors = ordered(&offered, &site, session.last_factor());
    let steps = SignInSteps::new(use_navigate());

    let choose = Action::new_local({
        let email = email.clone();
        move |(factor, password): &(FirstFactor, Option<Password>)| {
            let (factor, password) = (*factor, password.clone());
            let (email, challenge, steps) = (email.clone(), challenge.clone(), steps.clone());
            async move {
                handoff.set_factor(Some(factor));
                let chosen = session
                    .choose_first_factor(&email, &challenge, factor, password)
                    .await;
                steps.after_answer(email, chosen)
            }
        }
    });
    let pending = choose.pending();
    let failure = i18n.words(move || {
        (!pending.get())
            .then(|| choose.value().get().flatten().map(Text::Problem))
            .flatten()
    });

    let password = RwSignal::new(String::new());
    let form = Form::default();
    let password_field = form.password("password", password);
    let on_submit = Rc::new(form.on_submit(pending, move || {
        if password_field.value().is_some() {
            let typed = Password::new(password.get_untracked());
            choose.dispatch((FirstFactor::Password, Some(typed)));
        }
    }));
    let first = factors.first().copied();
    let choices = factors
        .into_iter()
        .map(|factor| {
            let class = if Some(factor) == first { "primary" } else { "secondary" };
            let text = Text::Passwordless(button_text(factor));
            let on_submit = on_submit.clone();
            match factor {
                FirstFactor::Password => view! {
                    <form on:submit=move |ev| on_submit(ev) novalidate>
                        <PasswordField id="password" label=Text::Password autocomplete="current-password" value=password error=password_field.error()/>
                        <button type="submit" class=class disabled=pending>{i18n.tr(text)}</button>
                    </form>
                }
                .into_any(),
                other => view! {
                    <button
                        type="button"
                        class=class
                        disabled=pending
                        aria-busy=move || (pending.get() && choose.input().get().is_some_and(|(f, _)| f == other)).then_some("true")
                        on:click=move |_| {
                            choose.dispatch((other, None));
                        }
                    >
                        {i18n.tr(text)}
                    </button>
                }
                .into_any(),
            }
        })
        .collect_view();

    view! {
        <PageHeading text=Text::Passwordless(PasswordlessText::ChooseTitle)/>
        <p>{i18n.tr(Text::Passwordless(PasswordlessText::SigningInAs(email)))}</p>
        <div class="factor-choices">{choices}</div>
        <ErrorAlert message=failure/>
        <p class="switch"><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
    .into_any()
}
