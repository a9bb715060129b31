//! Errors of a Cognito call, typed from the response's `__type`. `Display` is for logs and
//! developers (`NotAuthorizedException: Incorrect username or password.`); what the person at
//! the page is told is a [`crate::problem::Problem`], worded by [`crate::i18n`].

use crate::http::{HttpResponse, TransportError};
use serde::Deserialize;
use std::fmt;

/// Defines [`ErrorCode`] and its table of `__type` names from one list, so a code and its name
/// are written once.
macro_rules! error_codes {
    ($($code:ident = $name:literal,)*) => {
        /// Every exception the page's operations can return (SignUp, ConfirmSignUp,
        /// ResendConfirmationCode, InitiateAuth, RespondToAuthChallenge, ForgotPassword,
        /// ConfirmForgotPassword, ChangePassword, GlobalSignOut, RevokeToken, and the passkey
        /// operations), named as Cognito names them minus `Exception`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode {
            $($code,)*
            /// Any other `__type`; the original text is kept in [`ServiceError::type_name`].
            Unknown,
        }

        /// `__type` names (without namespace) and their codes.
        pub(crate) const CODES: &[(&str, ErrorCode)] = &[$(($name, ErrorCode::$code),)*];
    };
}

error_codes! {
    AliasExists = "AliasExistsException",
    CodeDeliveryFailure = "CodeDeliveryFailureException",
    CodeMismatch = "CodeMismatchException",
    EnableSoftwareTokenMfa = "EnableSoftwareTokenMFAException",
    ExpiredCode = "ExpiredCodeException",
    Forbidden = "ForbiddenException",
    InternalError = "InternalErrorException",
    InvalidEmailRoleAccessPolicy = "InvalidEmailRoleAccessPolicyException",
    InvalidLambdaResponse = "InvalidLambdaResponseException",
    InvalidParameter = "InvalidParameterException",
    InvalidPassword = "InvalidPasswordException",
    InvalidSmsRoleAccessPolicy = "InvalidSmsRoleAccessPolicyException",
    InvalidSmsRoleTrustRelationship = "InvalidSmsRoleTrustRelationshipException",
    InvalidUserPoolConfiguration = "InvalidUserPoolConfigurationException",
    LimitExceeded = "LimitExceededException",
    MfaMethodNotFound = "MFAMethodNotFoundException",
    NotAuthorized = "NotAuthorizedException",
    PasswordHistoryPolicyViolation = "PasswordHistoryPolicyViolationException",
    OperationNotEnabled = "OperationNotEnabledException",
    PasswordResetRequired = "PasswordResetRequiredException",
    RefreshTokenReuse = "RefreshTokenReuseException",
    ResourceNotFound = "ResourceNotFoundException",
    SoftwareTokenMfaNotFound = "SoftwareTokenMFANotFoundException",
    TooManyFailedAttempts = "TooManyFailedAttemptsException",
    TooManyRequests = "TooManyRequestsException",
    Unauthorized = "UnauthorizedException",
    UnexpectedLambda = "UnexpectedLambdaException",
    UnsupportedOperation = "UnsupportedOperationException",
    UnsupportedTokenType = "UnsupportedTokenTypeException",
    UserLambdaValidation = "UserLambdaValidationException",
    UserNotConfirmed = "UserNotConfirmedException",
    UserNotFound = "UserNotFoundException",
    UsernameExists = "UsernameExistsException",
    WebAuthnChallengeNotFound = "WebAuthnChallengeNotFoundException",
    WebAuthnClientMismatch = "WebAuthnClientMismatchException",
    WebAuthnConfigurationMissing = "WebAuthnConfigurationMissingException",
    WebAuthnCredentialNotSupported = "WebAuthnCredentialNotSupportedException",
    WebAuthnNotEnabled = "WebAuthnNotEnabledException",
    WebAuthnOriginNotAllowed = "WebAuthnOriginNotAllowedException",
    WebAuthnRelyingPartyMismatch = "WebAuthnRelyingPartyMismatchException",
}

impl ErrorCode {
    /// Maps a `__type` such as `com.amazonaws.cognito#NotAuthorizedException` or
    /// `NotAuthorizedException` to its code. Case is ignored (`MFA`/`Mfa` both occur).
    pub fn from_type(type_name: &str) -> Self {
        let short = type_name.rsplit('#').next().unwrap_or(type_name);
        CODES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(short))
            .map_or(Self::Unknown, |(_, code)| *code)
    }
}

/// Cognito answered with an error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    pub code: ErrorCode,
    /// The `__type` without any namespace, e.g. `NotAuthorizedException`.
    pub type_name: String,
    /// Cognito's own message, which sometimes carries the detail (e.g. which password rule failed).
    pub message: String,
}

/// Why a Cognito call failed. `Display` is technical; pages show
/// [`CognitoError::problem`] in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CognitoError {
    Service(ServiceError),
    /// The request never got an answer.
    Network(String),
    /// A reply that is not Cognito's JSON (an HTML error page, an empty body, garbage).
    UnexpectedResponse {
        status: u16,
        detail: String,
    },
    /// No secure random numbers (no `crypto.getRandomValues`): SRP sign-in refuses to guess.
    NoSecureRandom(String),
}

impl CognitoError {
    /// The service error code, if Cognito answered with one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Self::Service(e) => Some(e.code),
            _ => None,
        }
    }
}

impl fmt::Display for CognitoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Service(e) if e.message.is_empty() => f.write_str(&e.type_name),
            Self::Service(e) => write!(f, "{}: {}", e.type_name, e.message),
            Self::Network(detail) => write!(f, "network failure: {detail}"),
            Self::UnexpectedResponse { status, detail } => {
                write!(f, "unexpected reply (HTTP {status}): {detail}")
            }
            Self::NoSecureRandom(detail) => write!(f, "SRP sign-in cannot start: {detail}"),
        }
    }
}

impl std::error::Error for CognitoError {}

impl From<TransportError> for CognitoError {
    fn from(error: TransportError) -> Self {
        Self::Network(error.0)
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(rename = "__type")]
    type_name: String,
    #[serde(alias = "Message", default)]
    message: String,
}

/// Turns a non-success response into the error it stands for.
pub(crate) fn error_from_response(response: &HttpResponse) -> CognitoError {
    match serde_json::from_str::<ErrorBody>(&response.body) {
        Ok(body) => {
            let short = body.type_name.rsplit('#').next().unwrap_or_default();
            CognitoError::Service(ServiceError {
                code: ErrorCode::from_type(short),
                type_name: short.to_owned(),
                message: body.message,
            })
        }
        Err(_) => unexpected(response, "no Cognito error body"),
    }
}

pub(crate) fn unexpected(response: &HttpResponse, what: &str) -> CognitoError {
    CognitoError::UnexpectedResponse {
        status: response.status,
        detail: what.to_owned(),
    }
}

#[cfg(test)]
mod tests;
