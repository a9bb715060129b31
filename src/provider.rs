//! [`AuthProvider`]: what the pages need for one user pool, for this app and for host apps that
//! embed the pages.

use crate::branding::SiteTitle;
use crate::components::PoolPolicy;
use crate::embed::Embedding;
use crate::handoff::Handoff;
use crate::i18n::I18n;
use crate::session::SessionCtx;
use leptos::prelude::*;
use leptos_cognito_core::AppConfig;

/// Owns the session for one pool (restored from storage and kept fresh), the hand-over state of
/// the sign-up and sign-in flows, the password policy, and the embedding rules. Put the pages and
/// any component of yours that calls [`use_session`](crate::use_session) inside it.
///
/// The pages link to each other at fixed paths, so a host app mounts them at `/sign-in`,
/// `/sign-up`, `/confirm`, `/forgot-password`, `/reset-password`, `/new-password`, `/session`
/// and `/change-password`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_cognito::pages::{SessionPage, SignInPage};
/// use leptos_cognito::{core::AppConfig, use_session, AuthProvider};
/// use leptos_router::{components::{Route, Router, Routes}, path};
///
/// #[component]
/// fn Host(config: AppConfig) -> impl IntoView {
///     view! {
///         <AuthProvider config>
///             <Router>
///                 <Routes fallback=|| "Not found">
///                     <Route path=path!("/sign-in") view=SignInPage/>
///                     <Route path=path!("/session") view=SessionPage/>
///                     <Route path=path!("/") view=Greeting/>
///                 </Routes>
///             </Router>
///         </AuthProvider>
///     }
/// }
///
/// #[component]
/// fn Greeting() -> impl IntoView {
///     let session = use_session();
///     move || format!("{:?}", session.phase())
/// }
/// ```
#[component]
pub fn AuthProvider(config: AppConfig, children: Children) -> impl IntoView {
    if use_context::<I18n>().is_none() {
        I18n::provide();
    }
    SessionCtx::provide(&config);
    Embedding::provide(&config);
    Handoff::provide();
    provide_context(PoolPolicy(config.password_policy));
    provide_context(SiteTitle(config.branding.title.clone()));
    children()
}
