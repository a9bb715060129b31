//! The page as a site's login page: where to send the user after sign-in (`?return_to=`), and
//! handing the session to the window that opened or framed it (`?embed_origin=`), only ever to
//! an origin the config allowlists and never in a URL.

use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::redirect::{
    check_return_to, may_receive_session, session_message, signed_out_message, ParsedUrl,
    RedirectRefused, ReturnTo,
};
use leptos_cognito_core::AppConfig;
use leptos_router::components::Redirect;

/// What the page was asked to do once the user is signed in. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Embedding {
    return_to: StoredValue<Option<Result<ReturnTo, RedirectRefused>>>,
}

/// The enclosing [`Embedding::provide`], or one with nowhere to return to.
pub fn use_embedding() -> Embedding {
    use_context().unwrap_or_else(|| Embedding {
        return_to: StoredValue::new(None),
    })
}

/// A query parameter of the page's own URL, decoded.
fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// `new URL(input, base)`: the browser's own reading of an address, the one it navigates by.
fn parse_url(input: &str, base: &str) -> Option<ParsedUrl> {
    let url = web_sys::Url::new_with_base(input, base).ok()?;
    Some(ParsedUrl {
        href: url.href(),
        origin: url.origin(),
        protocol: url.protocol(),
        username: url.username(),
        password: url.password(),
    })
}

impl Embedding {
    /// Reads `?return_to=` once (later pages drop the query) and starts handing the session to
    /// an allowlisted embedder, if the page was opened or framed by one.
    pub fn provide(config: &AppConfig) -> Self {
        let page_url = window().location().href().unwrap_or_default();
        let allowed = config.embedding.allowed_origins.clone();
        let return_to = query_param("return_to")
            .map(|raw| check_return_to(&raw, &page_url, &allowed, parse_url));
        let embedding = Self {
            return_to: StoredValue::new(return_to),
        };
        provide_context(embedding);
        if let Some(origin) =
            query_param("embed_origin").filter(|o| may_receive_session(o, &allowed))
        {
            hand_session_to(origin, config.embedding.share_refresh_token);
        }
        embedding
    }

    /// Where to go after sign-in, if `?return_to=` named an allowed place.
    pub fn return_to(&self) -> Option<ReturnTo> {
        self.return_to
            .with_value(|r| r.clone().and_then(Result::ok))
    }

    /// The return address that was refused, to tell the user why they stayed here.
    pub fn refused(&self) -> Option<RedirectRefused> {
        self.return_to
            .with_value(|r| r.clone().and_then(Result::err))
    }
}

/// The window that opened this page (a popup) or frames it (an iframe).
fn embedder() -> Option<web_sys::Window> {
    let own = window();
    own.opener()
        .ok()
        .filter(|o| !o.is_null() && !o.is_undefined())
        .map(wasm_bindgen::JsCast::unchecked_into)
        .or_else(|| own.parent().ok().flatten().filter(|p| p != &own))
}

/// Posts the session to the embedder at `origin` whenever it changes. The browser delivers the
/// message only if the embedder really is at that origin, never to `*`.
fn hand_session_to(origin: String, share_refresh_token: bool) {
    let Some(target) = embedder() else { return };
    let session = use_session();
    Effect::new(move |_| {
        let message = match &*session.state().read() {
            SessionState::SignedIn(s) => session_message(
                &s.email,
                &s.tokens.id,
                &s.tokens.access,
                share_refresh_token.then_some(&s.tokens.refresh),
                s.schedule.expires_wall_ms(),
            ),
            SessionState::SignedOut => signed_out_message(),
            SessionState::Restoring => return,
        };
        if let Ok(value) = js_sys::JSON::parse(&message) {
            // A closed or navigated-away embedder cannot be told anything more.
            let _ = target.post_message(&value, &origin);
        }
    });
}

/// Where a signed-in user goes from the sign-in pages: back to the allowed `?return_to=`, else
/// the session page (which says why, if the return address was refused).
#[component]
pub fn AfterSignIn() -> impl IntoView {
    let i18n = use_i18n();
    match use_embedding().return_to() {
        Some(target) => {
            let href = target.href().to_owned();
            Effect::new(move |_| {
                // An absolute URL, so it can't be read relative to anything else. Leaving the
                // page; nothing to do if the browser refuses.
                let _ = window().location().assign(&href);
            });
            view! { <p class="loading" role="status">{i18n.tr(Text::Returning)}</p> }.into_any()
        }
        None => view! { <Redirect path=AuthRoute::Session/> }.into_any(),
    }
}

/// On the session page: the return address that was not followed, and why.
#[component]
pub fn ReturnRefusedNote() -> impl IntoView {
    let i18n = use_i18n();
    use_embedding().refused().map(|refused| {
        view! {
            <p class="alert" role="status">
                {i18n.tr(Text::ReturnRefused(refused.0))}
            </p>
        }
    })
}
