//! [`AuthProvider`]: what the pages need for one user pool, for this app and for host apps that
//! embed the pages.

use crate::branding::SiteTitle;
use crate::components::{PoolPolicy, SiteAttributes};
use crate::embed::share_session_with_embedder;
use crate::federation::Federation;
use crate::handoff::Handoff;
use crate::i18n::I18n;
use crate::on_demand::prefetch_in_background;
use crate::return_to::ReturnRequest;
use crate::session::{SessionCtx, SiteFirstFactors};
use leptos::prelude::*;
use leptos_cognito_core::AppConfig;

/// Owns the session for one pool (restored from storage and kept fresh), the hand-over state of
/// the sign-up and sign-in flows, the password policy, the return address the visitor came with
/// (`?return_to=`), and the hand-off of the session to an allowlisted embedder
/// (`?embed_origin=`). It goes inside the `<Router>`, whose address it follows, and around the
/// `<Routes>` and any component of yours that calls [`use_session`](crate::use_session).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_cognito::core::AppConfig;
/// use leptos_cognito::{use_session, AuthProvider, AuthRoutes, NotFoundPage, RequireAuth};
/// use leptos_router::{components::{Route, Router, Routes}, path};
///
/// #[component]
/// fn Host(config: AppConfig) -> impl IntoView {
///     view! {
///         <Router>
///             <AuthProvider config>
///                 <Routes fallback=NotFoundPage>
///                     <Route path=path!("/") view=Greeting/>
///                     <AuthRoutes/>
///                 </Routes>
///             </AuthProvider>
///         </Router>
///     }
/// }
///
/// #[component]
/// fn Greeting() -> impl IntoView {
///     let session = use_session();
///     view! {
///         <RequireAuth>
///             {move || format!("{:?}", session.phase())}
///         </RequireAuth>
///     }
/// }
/// ```
#[component]
pub fn AuthProvider(config: AppConfig, children: Children) -> impl IntoView {
    if use_context::<I18n>().is_none() {
        I18n::provide();
    }
    SessionCtx::provide(&config);
    ReturnRequest::provide(&config);
    share_session_with_embedder(&config);
    Handoff::provide();
    Federation::provide(&config);
    prefetch_in_background();
    provide_context(PoolPolicy(config.password_policy));
    provide_context(SiteTitle(config.branding.title.clone()));
    provide_context(config.mfa.clone());
    provide_context(SiteFirstFactors(config.first_factors.clone()));
    provide_context(SiteAttributes(config.sign_up_attributes.clone()));
    provide_context(config.sign_in.clone());
    children()
}
