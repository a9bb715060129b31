//! Where the pool domain sends the user back (`/oauth2/callback`): checks the round trip,
//! exchanges the code, and enters the session; then the sign-in page takes over, going on as
//! after any sign-in, or saying what went wrong.

use crate::embed::EmbedRequest;
use crate::federation::Federation;
use crate::i18n::use_i18n;
use crate::return_to::use_return_request;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_cognito_core::i18n::FederationText;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The callback page: finishes a sign-in through a provider, then hands over to the sign-in page.
#[component]
pub fn OAuthCallbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let federation = use_context::<Federation>();
    let returns = use_return_request();
    let embed = use_context::<EmbedRequest>();
    let query = window().location().search().unwrap_or_default();
    take_code_out_of_address();
    spawn_local(async move {
        // Without `oauth` in the config there is nothing to finish: on to the sign-in page.
        if let Some(federation) = &federation {
            let (result, destinations) = federation.finish(&query).await;
            if let (Some(returns), Some(raw)) = (returns, destinations.return_to) {
                returns.restore(raw);
            }
            if let (Some(embed), Some(origin)) = (embed, destinations.embed_origin) {
                embed.restore(origin);
            }
            match result {
                Ok(tokens) => session.enter_federated(tokens),
                Err(problem) => federation.failure.set(Some(problem)),
            }
        }
        // Replaced, so going back does not land on a spent code.
        navigate(
            AuthRoute::SignIn.path(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    let finishing = move || FederationText::Finishing.render(i18n.lang()).into_owned();
    view! { <p class="loading" role="status">{finishing}</p> }
}

/// The code and state stay in memory only: out of the address bar (and so out of history, bug
/// reports and screenshots) before the exchange starts.
fn take_code_out_of_address() {
    let location = window().location();
    if let (Ok(history), Ok(path)) = (window().history(), location.pathname()) {
        // Nothing more can be done if the browser refuses; the page leaves it soon anyway.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}
