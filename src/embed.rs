//! Handing the session to the window that opened or frames the page (`?embed_origin=`): only to
//! an origin the config allowlists (the decision is [`may_receive_session`]), by `postMessage`,
//! never in a URL.

use crate::page_address::use_page_address;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;
use leptos_cognito_core::embed_message::{session_message, signed_out_message};
use leptos_cognito_core::redirect::may_receive_session;
use leptos_cognito_core::AppConfig;

/// The window that opened this page (a popup) or frames it (an iframe).
fn embedder() -> Option<web_sys::Window> {
    let own = window();
    own.opener()
        .ok()
        .filter(|o| !o.is_null() && !o.is_undefined())
        .map(wasm_bindgen::JsCast::unchecked_into)
        .or_else(|| own.parent().ok().flatten().filter(|p| p != &own))
}

/// The embedder's origin the page was asked to hand the session to, shared through context.
#[derive(Clone, Copy)]
pub(crate) struct EmbedRequest {
    origin: Memo<Option<String>>,
    /// The origin a round trip through the pool domain kept for the way back (checked again).
    restored: RwSignal<Option<String>>,
}

impl EmbedRequest {
    pub(crate) fn origin(&self) -> Option<String> {
        self.origin.get_untracked()
    }

    pub(crate) fn restore(&self, origin: String) {
        self.restored.set(Some(origin));
    }
}

/// Once the page's `?embed_origin=` names an allowlisted origin (inside a `<Router>`), posts the
/// session to the embedder at that origin whenever it changes, for as long as the caller's owner
/// lives. The browser delivers a message only if the embedder really is at that origin; it is
/// never posted to `*`.
pub fn share_session_with_embedder(config: &AppConfig) {
    let allowed = config.embedding.allowed_origins.clone();
    let share_refresh_token = config.embedding.share_refresh_token;
    let page = use_page_address();
    let restored = RwSignal::new(None::<String>);
    // The first allowlisted origin asked for stays the one: later pages drop the query.
    let origin = Memo::new(move |previous: Option<&Option<String>>| {
        previous.cloned().flatten().or_else(|| {
            page.with(|page| page.query_param("embed_origin"))
                .or_else(|| restored.get())
                .filter(|origin| may_receive_session(origin, &allowed))
        })
    });
    provide_context(EmbedRequest { origin, restored });
    let Some(target) = embedder() else { return };
    let session = use_session();
    Effect::new(move |_| {
        let Some(origin) = origin.get() else { return };
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
