//! Where to send the user after sign-in: `?return_to=`, followed only to the page's own origin or
//! an origin the config allowlists (the decision is [`check_return_to`]).

use crate::i18n::use_i18n;
use crate::page_address::use_page_address;
use crate::routes::AuthRoute;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::redirect::{check_return_to, ParsedUrl, RedirectRefused, ReturnTo};
use leptos_cognito_core::AppConfig;
use leptos_router::components::Redirect;

/// The return address the visitor was sent with, checked: shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct ReturnRequest {
    asked: Memo<Option<Result<ReturnTo, RedirectRefused>>>,
    /// The address a round trip through the pool domain kept for the way back (checked again).
    restored: RwSignal<Option<String>>,
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

impl ReturnRequest {
    /// Follows the page's `?return_to=` (inside a `<Router>`) and provides it as context.
    pub fn provide(config: &AppConfig) -> Self {
        let allowed = config.embedding.allowed_origins.clone();
        let page = use_page_address();
        let restored = RwSignal::new(None::<String>);
        let asked = Memo::new(move |previous: Option<&Option<_>>| {
            let raw = page
                .with(|page| page.query_param("return_to"))
                .or_else(|| restored.get());
            page.with(|page| match raw {
                Some(raw) => Some(check_return_to(&raw, &page.href(), &allowed, parse_url)),
                // The next pages of a flow (sign-up, confirm) drop the query; the address the
                // visitor came with still holds.
                None => previous.cloned().flatten(),
            })
        });
        // Read at every navigation, so an address is remembered even if nothing asks for it
        // before the next page drops it.
        Effect::new(move || asked.track());
        let request = Self { asked, restored };
        provide_context(request);
        request
    }

    /// Where to go after sign-in, if `?return_to=` named an allowed place.
    pub fn target(&self) -> Option<ReturnTo> {
        self.asked.with(|r| r.clone().and_then(Result::ok))
    }

    /// Takes back the address kept through a round trip to the pool domain.
    pub(crate) fn restore(&self, raw: String) {
        self.restored.set(Some(raw));
    }

    /// The return address that was refused, to tell the user why they stayed here.
    pub fn refused(&self) -> Option<RedirectRefused> {
        self.asked.with(|r| r.clone().and_then(Result::err))
    }
}

/// The enclosing [`ReturnRequest::provide`], if any.
pub(crate) fn use_return_request() -> Option<ReturnRequest> {
    use_context()
}

/// Where a signed-in user goes from the sign-in pages: back to the allowed `?return_to=`, else
/// the session page (which says why, if the return address was refused).
#[component]
pub fn AfterSignIn() -> impl IntoView {
    let i18n = use_i18n();
    match use_return_request().and_then(|request| request.target()) {
        Some(target) => {
            let href = target.href().to_owned();
            Effect::new(move |_| {
                // A page load to the absolute URL, never a route of this app: the address may be
                // another app on this origin or an allowlisted one. Leaving the page; nothing to
                // do if the browser refuses.
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
    let request = use_return_request();
    move || {
        request
            .and_then(|request| request.refused())
            .map(|refused| {
                view! {
                    <p class="alert" role="status">
                        {i18n.tr(Text::ReturnRefused(refused.0))}
                    </p>
                }
            })
    }
}
