//! Pure logic behind leptos-cognito: runtime configuration, the Cognito Identity Provider
//! JSON protocol, its errors, and token handling.
//!
//! Nothing here touches the browser, so all of it is tested natively. The browser supplies an
//! [`http::HttpTransport`] over `fetch`; tests supply one of their own.

pub mod api;
pub mod attributes;
pub mod base64url;
pub mod claims;
pub mod client;
pub mod config;
pub mod css_value;
pub mod device_name;
pub mod embed_message;
pub mod error;
pub mod http;
pub mod i18n;
pub mod identifier;
pub mod local_time;
pub mod mfa;
pub mod oauth;
pub mod otpauth;
pub mod password_policy;
pub mod problem;
pub mod qr;
pub mod redirect;
pub mod schedule;
pub mod secret;
pub mod session_rules;
pub mod sign_in_factor;
pub mod srp;
pub mod storage_keys;
pub mod tab_sync;
pub mod validation;
pub mod webauthn;

pub use api::AuthFlow;
pub use client::{CognitoClient, SignInOutcome, Tokens};
pub use config::{AppConfig, ConfigError};
pub use error::{CognitoError, ErrorCode};
