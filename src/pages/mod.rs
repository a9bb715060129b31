//! One component per screen.

mod config_error;
mod confirm;
mod session;
mod session_health;
mod sign_in;
mod sign_up;

pub use config_error::ConfigErrorPage;
pub use confirm::ConfirmPage;
pub use session::SessionPage;
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;

use leptos_cognito_core::validation::FieldError;

/// The text to show beside a field, if its check failed.
fn field_message<T>(check: &Result<T, FieldError>) -> Option<String> {
    check.as_ref().err().map(ToString::to_string)
}
