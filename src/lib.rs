//! leptos-cognito: sign-in pages for Amazon Cognito user pools, and the session behind them, for
//! Leptos apps rendered in the browser.
//!
//! The protocol, errors and validation live in [`core`] (no browser APIs, tested natively). This
//! crate adds the browser glue (`fetch`, `localStorage`, tabs, timers) and the pages.
//!
//! A host app loads the pool's settings ([`load_config`]), puts an [`AuthProvider`] inside its
//! `<Router>`, mounts [`AuthRoutes`] beside its own routes, and guards its own pages with
//! [`RequireAuth`]; its components reach the signed-in user through [`use_session`]. [`App`] is
//! the whole sign-in site built the same way.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_cognito::{
//!     load_config, use_session, AuthProvider, AuthRoutes, NotFoundPage, RequireAuth, SessionState,
//! };
//! use leptos_router::components::{Route, Router, Routes};
//! use leptos_router::path;
//!
//! #[component]
//! fn Host() -> impl IntoView {
//!     let config = LocalResource::new(load_config);
//!     move || {
//!         config.get().and_then(Result::ok).map(|config| {
//!             view! {
//!                 <Router>
//!                     <AuthProvider config>
//!                         <Routes fallback=NotFoundPage>
//!                             <Route path=path!("/") view=Home/>
//!                             <AuthRoutes/>
//!                         </Routes>
//!                     </AuthProvider>
//!                 </Router>
//!             }
//!         })
//!     }
//! }
//!
//! #[component]
//! fn Home() -> impl IntoView {
//!     let session = use_session();
//!     let email = move || match &*session.state().read() {
//!         SessionState::SignedIn(signed_in) => signed_in.email.clone(),
//!         _ => String::new(),
//!     };
//!     view! { <RequireAuth><p>"Hello, " {email}</p></RequireAuth> }
//! }
//! ```
#![warn(missing_docs)]

mod app;
mod branding;
mod clock;
mod components;
mod config_loader;
mod embed;
mod federation;
mod handoff;
mod i18n;
mod idle;
mod on_demand;
mod page_address;
mod pages;
mod passkey;
mod prepaint;
mod provider;
mod return_to;
mod routes;
mod session;
mod storage;
mod transport;

#[cfg(all(test, target_arch = "wasm32"))]
mod test_dom;

pub use app::App;
pub use components::{ErrorAlert, LanguageSwitcher, PageHeading, QrCode, RequireAuth};
pub use config_loader::load_config;
pub use i18n::{use_i18n, I18n};
/// The protocol, errors, validation and words, without browser APIs: [`leptos_cognito_core`].
pub use leptos_cognito_core as core;
pub use pages::{
    ChangePasswordPage, ConfigErrorPage, ConfirmPage, DevicesPage, FirstFactorPage,
    ForgotPasswordPage, MfaChoicePage, MfaCodePage, NewPasswordPage, NotFoundPage,
    OAuthCallbackPage, PasskeyPage, ProfilePage, ResetPasswordPage, SecurityPage, SessionPage,
    SignInPage, SignUpPage, TotpSetupPage,
};
pub use provider::AuthProvider;
pub use routes::{AuthRoute, AuthRoutes};
pub use session::{use_session, Client, Phase, Session, SessionCtx, SessionError, SessionState};
pub use transport::FetchTransport;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
