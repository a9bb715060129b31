//! leptos-cognito: a sign-in frontend for Amazon Cognito user pools.
//!
//! The protocol, errors and validation live in [`leptos_cognito_core`] (no browser APIs, tested
//! natively). This crate adds the browser glue: `fetch`, `localStorage`, and the Leptos pages.

mod app;
pub mod branding;
mod clock;
pub mod components;
mod config_loader;
pub mod embed;
pub mod handoff;
pub mod i18n;
mod page_address;
pub mod pages;
mod provider;
mod return_to;
mod routes;
pub mod session;
pub mod storage;
pub mod transport;

pub use app::App;
pub use components::{ErrorAlert, LanguageSwitcher, PageHeading, RequireAuth};
pub use config_loader::load_config;
pub use i18n::{use_i18n, I18n};
pub use leptos_cognito_core as core;
pub use pages::{
    ChangePasswordPage, ConfigErrorPage, ConfirmPage, ForgotPasswordPage, NewPasswordPage,
    NotFoundPage, ResetPasswordPage, SessionPage, SignInPage, SignUpPage,
};
pub use provider::AuthProvider;
pub use routes::{AuthRoute, AuthRoutes};
pub use session::{use_session, Phase, SessionCtx, SessionError, SessionState};
