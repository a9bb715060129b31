//! What went wrong, as the person at the page should hear it: the [`Problem`]s the catalogues
//! of [`crate::i18n`] word, and which one each failed Cognito call stands for.

use crate::attributes::AttributeRefusal;
use crate::error::{CognitoError, ErrorCode, ServiceError};
use crate::password_policy::PasswordRule;

mod passkey;

pub use passkey::PasskeyProblem;

/// What went wrong, as the person at the page should hear it. Each variant is one message in
/// the catalogues of [`crate::i18n`]; the data is what the message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    IncorrectCredentials,
    SessionExpired,
    /// The few minutes Cognito allows for a challenge (e.g. a new password) have passed.
    ChallengeExpired,
    UserDisabled,
    TooManyFailedAttempts,
    AlreadyConfirmed,
    ResetNotAllowed,
    SignUpNotAllowed,
    TemporaryPasswordExpired,
    NotAllowed,
    UserNotFound,
    UserNotConfirmed,
    UsernameExists,
    AliasExists,
    PasswordTooShort,
    PasswordLacks(PasswordRule),
    PasswordNotAllowed,
    PasswordRecentlyUsed,
    /// Cognito's own explanation of what it could not accept (may be empty).
    InvalidInput(String),
    NoVerifiedContact,
    CodeMismatch,
    ExpiredCode,
    LimitExceeded,
    TooManyRequests,
    ServiceMisconfigured,
    CodeDeliveryFailed,
    MessagingMisconfigured,
    PoolMisconfigured,
    PasswordResetRequired,
    Internal,
    Forbidden,
    /// A pool's Lambda trigger refused the request; carries the trigger's own words.
    CustomCheckFailed(String),
    CustomCheckBroken,
    MfaUnsupported,
    /// A challenge this page does not answer, by Cognito's name for it.
    UnsupportedChallenge(String),
    OperationUnsupported,
    TokenNotRevocable,
    ClientNotAuthorized,
    /// An exception this page does not know, by its `__type`.
    Unknown(String),
    Network,
    UnexpectedReply(u16),
    /// The browser has no secure random source, so an SRP sign-in can't start safely.
    NoSecureRandom,
    /// Signing in with a passkey, or adding one, failed.
    Passkey(PasskeyProblem),
    /// Cognito refused an attribute (at sign-up or on the profile page).
    Attribute(AttributeRefusal),
}

impl ServiceError {
    /// Which message the user should see for this refusal.
    pub fn problem(&self) -> Problem {
        if let Some(refusal) = AttributeRefusal::of(self) {
            return Problem::Attribute(refusal);
        }
        let message = self.message.as_str();
        match self.code {
            ErrorCode::NotAuthorized => not_authorized(message),
            ErrorCode::UserNotFound => Problem::UserNotFound,
            ErrorCode::UserNotConfirmed => Problem::UserNotConfirmed,
            ErrorCode::UsernameExists => Problem::UsernameExists,
            ErrorCode::AliasExists => Problem::AliasExists,
            ErrorCode::InvalidPassword => password_problem(message),
            ErrorCode::PasswordHistoryPolicyViolation => Problem::PasswordRecentlyUsed,
            ErrorCode::InvalidParameter => invalid_parameter(message),
            // The authenticator app's code did not match while linking it.
            ErrorCode::CodeMismatch | ErrorCode::EnableSoftwareTokenMfa => Problem::CodeMismatch,
            ErrorCode::ExpiredCode => Problem::ExpiredCode,
            ErrorCode::LimitExceeded => Problem::LimitExceeded,
            ErrorCode::TooManyRequests => Problem::TooManyRequests,
            ErrorCode::TooManyFailedAttempts => Problem::TooManyFailedAttempts,
            ErrorCode::ResourceNotFound => Problem::ServiceMisconfigured,
            ErrorCode::CodeDeliveryFailure => Problem::CodeDeliveryFailed,
            ErrorCode::InvalidEmailRoleAccessPolicy
            | ErrorCode::InvalidSmsRoleAccessPolicy
            | ErrorCode::InvalidSmsRoleTrustRelationship => Problem::MessagingMisconfigured,
            ErrorCode::InvalidUserPoolConfiguration => Problem::PoolMisconfigured,
            ErrorCode::PasswordResetRequired => Problem::PasswordResetRequired,
            ErrorCode::InternalError => Problem::Internal,
            ErrorCode::Forbidden => Problem::Forbidden,
            ErrorCode::UserLambdaValidation => Problem::CustomCheckFailed(trigger_words(message)),
            ErrorCode::InvalidLambdaResponse | ErrorCode::UnexpectedLambda => {
                Problem::CustomCheckBroken
            }
            ErrorCode::MfaMethodNotFound | ErrorCode::SoftwareTokenMfaNotFound => {
                Problem::MfaUnsupported
            }
            // A refresh token that rotation has replaced: the session it belonged to is over.
            ErrorCode::RefreshTokenReuse => Problem::SessionExpired,
            ErrorCode::UnsupportedOperation | ErrorCode::OperationNotEnabled => {
                Problem::OperationUnsupported
            }
            ErrorCode::UnsupportedTokenType => Problem::TokenNotRevocable,
            ErrorCode::Unauthorized => Problem::ClientNotAuthorized,
            ErrorCode::WebAuthnNotEnabled => Problem::Passkey(PasskeyProblem::NotEnabled),
            ErrorCode::WebAuthnConfigurationMissing => {
                Problem::Passkey(PasskeyProblem::ConfigurationMissing)
            }
            // Both say the pool's relying party ID doesn't fit the address the passkey was
            // made at, which is what the browser's SecurityError says too.
            ErrorCode::WebAuthnOriginNotAllowed | ErrorCode::WebAuthnRelyingPartyMismatch => {
                Problem::Passkey(PasskeyProblem::WrongSite)
            }
            ErrorCode::WebAuthnChallengeNotFound => {
                Problem::Passkey(PasskeyProblem::RegistrationExpired)
            }
            ErrorCode::WebAuthnClientMismatch => Problem::Passkey(PasskeyProblem::ClientMismatch),
            ErrorCode::WebAuthnCredentialNotSupported => {
                Problem::Passkey(PasskeyProblem::CredentialNotSupported)
            }
            ErrorCode::Unknown => Problem::Unknown(self.type_name.clone()),
        }
    }
}

/// `NotAuthorizedException` covers many situations; Cognito's message tells them apart.
fn not_authorized(message: &str) -> Problem {
    let m = message.to_ascii_lowercase();
    if m.contains("incorrect username or password") {
        Problem::IncorrectCredentials
    } else if m.contains("attempts exceeded") {
        Problem::TooManyFailedAttempts
    } else if m.contains("disabled") {
        Problem::UserDisabled
    } else if m.contains("invalid session") {
        Problem::ChallengeExpired
    } else if m.contains("token") {
        // "Access Token has expired", "Refresh Token has been revoked", "Invalid Access Token"
        Problem::SessionExpired
    } else if m.contains("cannot be confirmed") {
        Problem::AlreadyConfirmed
    } else if m.contains("cannot be reset") {
        Problem::ResetNotAllowed
    } else if m.contains("signup is not permitted") {
        Problem::SignUpNotAllowed
    } else if m.contains("temporary password has expired") {
        Problem::TemporaryPasswordExpired
    } else {
        Problem::NotAllowed
    }
}

/// Cognito says "Password did not conform with policy: Password must have numeric characters"
/// (or "... not long enough"); name the rule in the page's own words.
fn password_problem(message: &str) -> Problem {
    let m = message.to_ascii_lowercase();
    if m.contains("not long enough") {
        Problem::PasswordTooShort
    } else if m.contains("lowercase") {
        Problem::PasswordLacks(PasswordRule::Lowercase)
    } else if m.contains("uppercase") {
        Problem::PasswordLacks(PasswordRule::Uppercase)
    } else if m.contains("numeric") {
        Problem::PasswordLacks(PasswordRule::Numbers)
    } else if m.contains("symbol") {
        Problem::PasswordLacks(PasswordRule::Symbols)
    } else if m.contains("previously") {
        Problem::PasswordRecentlyUsed
    } else {
        Problem::PasswordNotAllowed
    }
}

fn invalid_parameter(message: &str) -> Problem {
    let m = message.to_ascii_lowercase();
    if m.contains("already confirmed") {
        Problem::AlreadyConfirmed
    } else if m.contains("no registered/verified") {
        Problem::NoVerifiedContact
    } else if m.contains("password") && m.contains("regular expression") {
        // Cognito's pattern for passwords forbids white space at either end.
        Problem::PasswordLacks(PasswordRule::NoSpaceAtEnds)
    } else {
        Problem::InvalidInput(message.trim().to_owned())
    }
}

/// "PreSignUp failed with error Only company addresses." → "Only company addresses."
fn trigger_words(message: &str) -> String {
    message
        .split_once("failed with error ")
        .map_or(message, |(_, words)| words)
        .trim()
        .to_owned()
}

impl CognitoError {
    /// Which message the user should see.
    pub fn problem(&self) -> Problem {
        match self {
            Self::Service(e) => e.problem(),
            Self::Network(_) => Problem::Network,
            Self::UnexpectedResponse { status, .. } => Problem::UnexpectedReply(*status),
            Self::NoSecureRandom(_) => Problem::NoSecureRandom,
        }
    }
}

#[cfg(test)]
mod tests;
