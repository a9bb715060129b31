//! The provider buttons under the sign-in form, and "Sign in with your work account" (the email's
//! domain picks the company's provider), when `config.json` has `oauth`. Fetched on demand
//! (`on_demand::FederatedSignIn`), so sites without `oauth` never carry it.

use crate::components::{ErrorAlert, TextField};
use crate::embed::EmbedRequest;
use crate::federation::{Destinations, Federation};
use crate::i18n::use_i18n;
use crate::i18n::I18n;
use crate::return_to::use_return_request;
use leptos::prelude::*;
use leptos_cognito_core::config::ProviderKind;
use leptos_cognito_core::i18n::{FederationText, Text};
use leptos_cognito_core::oauth::{email_domain, Destination};
use leptos_cognito_core::validation::FieldError;

/// The words of a [`FederationText`] in the page's language (a signal's getter).
fn say(i18n: I18n, text: FederationText) -> impl Fn() -> String + Send + Sync + 'static {
    move || text.render(i18n.lang()).into_owned()
}

/// Nothing without `oauth` in the config.
#[component]
pub fn FederatedButtons() -> impl IntoView {
    let federation = use_context::<Federation>()?;
    let i18n = use_i18n();
    // What the last round trip ended with, said once.
    let failure = federation.failure.try_update(Option::take).flatten();
    let problem = RwSignal::new(failure);
    let fed = StoredValue::new(federation.clone());
    // Read here: an event handler runs outside the component's owner.
    let returns = use_return_request();
    let embed = use_context::<EmbedRequest>();
    let go = move |destination: Destination<'_>| {
        problem.set(None);
        let destinations = Destinations {
            return_to: returns
                .and_then(|request| request.target())
                .map(|target| target.href().to_owned()),
            embed_origin: embed.and_then(|embed| embed.origin()),
        };
        if let Err(failed) = fed.with_value(|fed| fed.start(destination, destinations)) {
            problem.set(Some(failed));
        }
    };
    let buttons = federation
        .oauth
        .providers
        .iter()
        .map(|provider| {
            let kind = provider.kind();
            let name = provider.name.clone();
            let label = FederationText::ContinueWith(kind, provider.display_name().to_owned());
            view! {
                <button
                    type="button"
                    class=format!("provider provider-{}", class_of(kind))
                    on:click=move |_| go(Destination::Provider(&name))
                >
                    {say(i18n, label)}
                </button>
            }
        })
        .collect_view();
    let work = federation
        .oauth
        .email_domain_sign_in
        .then(|| view! { <WorkAccount go/> });
    Some(view! {
        <div class="federated">
            <p class="divider"><span>{say(i18n, FederationText::Or)}</span></p>
            <ErrorAlert message=Signal::derive(move || {
                problem.get().map(|p| FederationText::Problem(p).render(i18n.lang()).into_owned())
            })/>
            {buttons}
            {work}
        </div>
    })
}

fn class_of(kind: ProviderKind) -> &'static str {
    match kind {
        ProviderKind::Apple => "apple",
        ProviderKind::Google => "google",
        ProviderKind::Facebook => "facebook",
        ProviderKind::Amazon => "amazon",
        ProviderKind::Custom => "custom",
    }
}

/// The email first; its domain then names the provider (`idp_identifier`).
#[component]
fn WorkAccount(go: impl Fn(Destination<'_>) + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let email = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match email_domain(&email.get_untracked()) {
            Some(domain) => {
                error.set(None);
                go(Destination::EmailDomain(&domain));
            }
            None => error.set(Some(Text::Field(FieldError::EmailInvalid))),
        }
    };
    view! {
        <button
            type="button"
            class="provider provider-work"
            aria-expanded=move || open.get().to_string()
            aria-controls="work-account"
            on:click=move |_| open.update(|open| *open = !*open)
        >
            {say(i18n, FederationText::WorkAccount)}
        </button>
        <form id="work-account" class="work-account" hidden=move || !open.get() on:submit=on_submit novalidate>
            <p class="aside">{say(i18n, FederationText::WorkEmailHelp)}</p>
            <TextField id="work-email" label=Text::Email kind="email" autocomplete="email" value=email error=error/>
            <button type="submit">{say(i18n, FederationText::Continue)}</button>
        </form>
    }
}
