//! One component per screen.

mod change_password;
mod code_step;
mod config_error;
mod confirm;
mod forgot_password;
mod mfa_choice;
mod mfa_code;
mod new_password;
mod not_found;
mod reset_password;
mod security;
mod session;
mod session_health;
mod sign_in;
mod sign_in_step;
mod sign_out_report;
mod sign_up;
mod totp_enrolment;
mod totp_setup;

pub use change_password::ChangePasswordPage;
pub use config_error::ConfigErrorPage;
pub use confirm::ConfirmPage;
pub use forgot_password::ForgotPasswordPage;
pub use mfa_choice::MfaChoicePage;
pub use mfa_code::MfaCodePage;
pub use new_password::NewPasswordPage;
pub use not_found::NotFoundPage;
pub use reset_password::ResetPasswordPage;
pub use security::SecurityPage;
pub use session::SessionPage;
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;
pub use totp_setup::TotpSetupPage;
