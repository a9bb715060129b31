//! Errors of a Cognito call, typed from the response's `__type`, and which message a person
//! should see for each ([`Problem`]). The wording of every message, in every language, lives in
//! [`crate::i18n`]; `Display` gives the English one.

use crate::http::{HttpResponse, TransportError};
use crate::i18n::{Lang, Text};
use crate::password_policy::PasswordRule;
use serde::Deserialize;
use std::fmt;

/// Every exception the page's operations can return (SignUp, ConfirmSignUp,
/// ResendConfirmationCode, InitiateAuth, RespondToAuthChallenge, ForgotPassword,
/// ConfirmForgotPassword, ChangePassword, GlobalSignOut, RevokeToken), named as Cognito names
/// them minus `Exception`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    AliasExists,
    CodeDeliveryFailure,
    CodeMismatch,
    ExpiredCode,
    Forbidden,
    InternalError,
    InvalidEmailRoleAccessPolicy,
    InvalidLambdaResponse,
    InvalidParameter,
    InvalidPassword,
    InvalidSmsRoleAccessPolicy,
    InvalidSmsRoleTrustRelationship,
    InvalidUserPoolConfiguration,
    LimitExceeded,
    MfaMethodNotFound,
    NotAuthorized,
    PasswordHistoryPolicyViolation,
    OperationNotEnabled,
    PasswordResetRequired,
    RefreshTokenReuse,
    ResourceNotFound,
    SoftwareTokenMfaNotFound,
    TooManyFailedAttempts,
    TooManyRequests,
    Unauthorized,
    UnexpectedLambda,
    UnsupportedOperation,
    UnsupportedTokenType,
    UserLambdaValidation,
    UserNotConfirmed,
    UserNotFound,
    UsernameExists,
    /// Any other `__type`; the original text is kept in [`ServiceError::type_name`].
    Unknown,
}

/// `__type` names (without namespace) and their codes.
const CODES: &[(&str, ErrorCode)] = &[
    ("AliasExistsException", ErrorCode::AliasExists),
    (
        "CodeDeliveryFailureException",
        ErrorCode::CodeDeliveryFailure,
    ),
    ("CodeMismatchException", ErrorCode::CodeMismatch),
    ("ExpiredCodeException", ErrorCode::ExpiredCode),
    ("ForbiddenException", ErrorCode::Forbidden),
    ("InternalErrorException", ErrorCode::InternalError),
    (
        "InvalidEmailRoleAccessPolicyException",
        ErrorCode::InvalidEmailRoleAccessPolicy,
    ),
    (
        "InvalidLambdaResponseException",
        ErrorCode::InvalidLambdaResponse,
    ),
    ("InvalidParameterException", ErrorCode::InvalidParameter),
    ("InvalidPasswordException", ErrorCode::InvalidPassword),
    (
        "InvalidSmsRoleAccessPolicyException",
        ErrorCode::InvalidSmsRoleAccessPolicy,
    ),
    (
        "InvalidSmsRoleTrustRelationshipException",
        ErrorCode::InvalidSmsRoleTrustRelationship,
    ),
    (
        "InvalidUserPoolConfigurationException",
        ErrorCode::InvalidUserPoolConfiguration,
    ),
    ("LimitExceededException", ErrorCode::LimitExceeded),
    ("MFAMethodNotFoundException", ErrorCode::MfaMethodNotFound),
    ("NotAuthorizedException", ErrorCode::NotAuthorized),
    (
        "PasswordHistoryPolicyViolationException",
        ErrorCode::PasswordHistoryPolicyViolation,
    ),
    (
        "OperationNotEnabledException",
        ErrorCode::OperationNotEnabled,
    ),
    (
        "PasswordResetRequiredException",
        ErrorCode::PasswordResetRequired,
    ),
    ("RefreshTokenReuseException", ErrorCode::RefreshTokenReuse),
    ("ResourceNotFoundException", ErrorCode::ResourceNotFound),
    (
        "SoftwareTokenMFANotFoundException",
        ErrorCode::SoftwareTokenMfaNotFound,
    ),
    (
        "TooManyFailedAttemptsException",
        ErrorCode::TooManyFailedAttempts,
    ),
    ("TooManyRequestsException", ErrorCode::TooManyRequests),
    ("UnauthorizedException", ErrorCode::Unauthorized),
    ("UnexpectedLambdaException", ErrorCode::UnexpectedLambda),
    (
        "UnsupportedOperationException",
        ErrorCode::UnsupportedOperation,
    ),
    (
        "UnsupportedTokenTypeException",
        ErrorCode::UnsupportedTokenType,
    ),
    (
        "UserLambdaValidationException",
        ErrorCode::UserLambdaValidation,
    ),
    ("UserNotConfirmedException", ErrorCode::UserNotConfirmed),
    ("UserNotFoundException", ErrorCode::UserNotFound),
    ("UsernameExistsException", ErrorCode::UsernameExists),
];

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

impl ServiceError {
    fn problem(&self) -> Problem {
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
            ErrorCode::CodeMismatch => Problem::CodeMismatch,
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

/// Why a Cognito call failed. `Display` is the English message for the user; pages show
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

impl fmt::Display for CognitoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Text::Problem(self.problem()).render(Lang::En))
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
mod tests {
    use super::*;

    fn reply(status: u16, body: &str) -> CognitoError {
        error_from_response(&HttpResponse {
            status,
            body: body.to_owned(),
        })
    }

    fn service(type_name: &str, message: &str) -> CognitoError {
        reply(
            400,
            &serde_json::json!({"__type": type_name, "message": message}).to_string(),
        )
    }

    /// The "Errors" sections of the Cognito API reference, one list per operation the page calls.
    const DOCUMENTED: &[(&str, &[&str])] = &[
        (
            "SignUp",
            &[
                "CodeDeliveryFailureException",
                "ForbiddenException",
                "InternalErrorException",
                "InvalidEmailRoleAccessPolicyException",
                "InvalidLambdaResponseException",
                "InvalidParameterException",
                "InvalidPasswordException",
                "InvalidSmsRoleAccessPolicyException",
                "InvalidSmsRoleTrustRelationshipException",
                "LimitExceededException",
                "NotAuthorizedException",
                "ResourceNotFoundException",
                "TooManyRequestsException",
                "UnexpectedLambdaException",
                "UserLambdaValidationException",
                "UsernameExistsException",
            ],
        ),
        (
            "ConfirmSignUp",
            &[
                "AliasExistsException",
                "CodeMismatchException",
                "ExpiredCodeException",
                "ForbiddenException",
                "InternalErrorException",
                "InvalidLambdaResponseException",
                "InvalidParameterException",
                "LimitExceededException",
                "NotAuthorizedException",
                "ResourceNotFoundException",
                "TooManyFailedAttemptsException",
                "TooManyRequestsException",
                "UnexpectedLambdaException",
                "UserLambdaValidationException",
                "UserNotFoundException",
            ],
        ),
        (
            "ResendConfirmationCode",
            &[
                "CodeDeliveryFailureException",
                "ForbiddenException",
                "InternalErrorException",
                "InvalidEmailRoleAccessPolicyException",
                "InvalidLambdaResponseException",
                "InvalidParameterException",
                "InvalidSmsRoleAccessPolicyException",
                "InvalidSmsRoleTrustRelationshipException",
                "LimitExceededException",
                "NotAuthorizedException",
                "ResourceNotFoundException",
                "TooManyRequestsException",
                "UnexpectedLambdaException",
                "UserLambdaValidationException",
                "UserNotFoundException",
            ],
        ),
        (
            "InitiateAuth",
            &[
                "ForbiddenException",
                "InternalErrorException",
                "InvalidEmailRoleAccessPolicyException",
                "InvalidLambdaResponseException",
                "InvalidParameterException",
                "InvalidSmsRoleAccessPolicyException",
                "InvalidSmsRoleTrustRelationshipException",
                "InvalidUserPoolConfigurationException",
                "NotAuthorizedException",
                "PasswordResetRequiredException",
                "ResourceNotFoundException",
                "TooManyRequestsException",
                "UnexpectedLambdaException",
                "UnsupportedOperationException",
                "UserLambdaValidationException",
                "UserNotConfirmedException",
                "UserNotFoundException",
            ],
        ),
        (
            "GetTokensFromRefreshToken",
            &[
                "ForbiddenException",
                "InternalErrorException",
                "InvalidLambdaResponseException",
                "InvalidParameterException",
                "NotAuthorizedException",
                "OperationNotEnabledException",
                "RefreshTokenReuseException",
                "ResourceNotFoundException",
                "TooManyRequestsException",
                "UnexpectedLambdaException",
                "UserLambdaValidationException",
                "UserNotFoundException",
            ],
        ),
        (
            "RespondToAuthChallenge",
            &[
                "AliasExistsException",
                "CodeMismatchException",
                "ExpiredCodeException",
                "ForbiddenException",
                "InternalErrorException",
                "InvalidEmailRoleAccessPolicyException",
                "InvalidLambdaResponseException",
                "InvalidParameterException",
                "InvalidPasswordException",
                "InvalidSmsRoleAccessPolicyException",
                "InvalidSmsRoleTrustRelationshipException",
                "InvalidUserPoolConfigurationException",
                "MFAMethodNotFoundException",
                "NotAuthorizedException",
                "PasswordHistoryPolicyViolationException",
                "PasswordResetRequiredException",
                "ResourceNotFoundException",
                "SoftwareTokenMFANotFoundException",
                "TooManyRequestsException",
                "UnexpectedLambdaException",
                "UserLambdaValidationException",
                "UserNotConfirmedException",
                "UserNotFoundException",
            ],
        ),
        (
            "ForgotPassword",
            &[
                "CodeDeliveryFailureException",
                "ForbiddenException",
                "InternalErrorException",
                "InvalidEmailRoleAccessPolicyException",
                "InvalidLambdaResponseException",
                "InvalidParameterException",
                "InvalidSmsRoleAccessPolicyException",
                "InvalidSmsRoleTrustRelationshipException",
                "LimitExceededException",
                "NotAuthorizedException",
                "ResourceNotFoundException",
                "TooManyRequestsException",
                "UnexpectedLambdaException",
                "UserLambdaValidationException",
                "UserNotFoundException",
            ],
        ),
        (
            "ConfirmForgotPassword",
            &[
                "CodeMismatchException",
                "ExpiredCodeException",
                "ForbiddenException",
                "InternalErrorException",
                "InvalidLambdaResponseException",
                "InvalidParameterException",
                "InvalidPasswordException",
                "LimitExceededException",
                "NotAuthorizedException",
                "PasswordHistoryPolicyViolationException",
                "ResourceNotFoundException",
                "TooManyFailedAttemptsException",
                "TooManyRequestsException",
                "UnexpectedLambdaException",
                "UserLambdaValidationException",
                "UserNotConfirmedException",
                "UserNotFoundException",
            ],
        ),
        (
            "ChangePassword",
            &[
                "ForbiddenException",
                "InternalErrorException",
                "InvalidParameterException",
                "InvalidPasswordException",
                "LimitExceededException",
                "NotAuthorizedException",
                "PasswordHistoryPolicyViolationException",
                "PasswordResetRequiredException",
                "ResourceNotFoundException",
                "TooManyRequestsException",
                "UserNotConfirmedException",
                "UserNotFoundException",
            ],
        ),
        (
            "GlobalSignOut",
            &[
                "ForbiddenException",
                "InternalErrorException",
                "NotAuthorizedException",
                "PasswordResetRequiredException",
                "ResourceNotFoundException",
                "TooManyRequestsException",
                "UserNotConfirmedException",
                "UserNotFoundException",
            ],
        ),
        (
            "RevokeToken",
            &[
                "ForbiddenException",
                "InternalErrorException",
                "TooManyRequestsException",
                "UnauthorizedException",
                "UnsupportedOperationException",
                "UnsupportedTokenTypeException",
            ],
        ),
    ];

    #[test]
    fn every_documented_exception_has_a_code_and_a_message_of_its_own() {
        for (operation, exceptions) in DOCUMENTED {
            for type_name in *exceptions {
                let error = service(type_name, "");
                assert_ne!(
                    error.code(),
                    Some(ErrorCode::Unknown),
                    "{operation}: {type_name}"
                );
                let namespaced = format!("com.amazonaws.cognito.identity.idp.model#{type_name}");
                assert_eq!(service(&namespaced, "").code(), error.code(), "{type_name}");
                assert!(
                    !matches!(error.problem(), Problem::Unknown(_)),
                    "{operation}: {type_name} falls back to the generic message"
                );
                for lang in Lang::ALL {
                    let text = Text::Problem(error.problem()).render(lang);
                    assert!(!text.contains("Exception"), "{lang:?} {type_name}: {text}");
                    assert!(!text.trim().is_empty(), "{lang:?} {type_name}");
                }
            }
        }
    }

    #[test]
    fn different_problems_read_differently_in_each_language() {
        let problems: Vec<Problem> = CODES
            .iter()
            .map(|(name, _)| service(name, "").problem())
            .chain([
                Problem::Network,
                Problem::UnexpectedReply(502),
                Problem::NoSecureRandom,
                Problem::IncorrectCredentials,
                Problem::SessionExpired,
                Problem::ChallengeExpired,
            ])
            .collect();
        for lang in Lang::ALL {
            for (i, a) in problems.iter().enumerate() {
                for b in &problems[i + 1..] {
                    if a != b {
                        assert_ne!(
                            Text::Problem(a.clone()).render(lang),
                            Text::Problem(b.clone()).render(lang),
                            "{lang:?}: {a:?} and {b:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn not_authorized_follows_cognitos_reason() {
        let cases = [
            (
                "Incorrect username or password.",
                Problem::IncorrectCredentials,
            ),
            ("Password attempts exceeded", Problem::TooManyFailedAttempts),
            ("User is disabled.", Problem::UserDisabled),
            ("Access Token has expired", Problem::SessionExpired),
            ("Refresh Token has been revoked", Problem::SessionExpired),
            (
                "Invalid session for the user, session is expired.",
                Problem::ChallengeExpired,
            ),
            (
                "User cannot be confirmed. Current status is CONFIRMED",
                Problem::AlreadyConfirmed,
            ),
            (
                "User password cannot be reset in the current state.",
                Problem::ResetNotAllowed,
            ),
            (
                "SignUp is not permitted for this user pool",
                Problem::SignUpNotAllowed,
            ),
            (
                "Temporary password has expired and must be reset by an administrator.",
                Problem::TemporaryPasswordExpired,
            ),
            ("Something new", Problem::NotAllowed),
        ];
        for (message, problem) in cases {
            assert_eq!(
                service("NotAuthorizedException", message).problem(),
                problem,
                "{message}"
            );
        }
        assert_eq!(
            service("NotAuthorizedException", "Incorrect username or password.").to_string(),
            "Incorrect email or password."
        );
    }

    #[test]
    fn password_refusals_name_the_rule_in_the_pages_words() {
        let cases = [
            (
                "Password did not conform with policy: Password not long enough",
                Problem::PasswordTooShort,
            ),
            (
                "Password did not conform with policy: Password must have lowercase characters",
                Problem::PasswordLacks(PasswordRule::Lowercase),
            ),
            (
                "Password does not conform to policy: Password must have uppercase characters",
                Problem::PasswordLacks(PasswordRule::Uppercase),
            ),
            (
                "Password did not conform with policy: Password must have numeric characters",
                Problem::PasswordLacks(PasswordRule::Numbers),
            ),
            (
                "Password did not conform with policy: Password must have symbol characters",
                Problem::PasswordLacks(PasswordRule::Symbols),
            ),
            (
                "Password has previously been used",
                Problem::PasswordRecentlyUsed,
            ),
            (
                "The provided password does not confirm to the configured password policy",
                Problem::PasswordNotAllowed,
            ),
        ];
        for (message, problem) in &cases {
            assert_eq!(
                service("InvalidPasswordException", message).problem(),
                *problem,
                "{message}"
            );
        }
        assert_eq!(
            service("InvalidPasswordException", cases[3].0).to_string(),
            "This password isn't allowed. Password must have numbers."
        );
    }

    #[test]
    fn invalid_parameter_keeps_cognitos_explanation_unless_it_knows_better() {
        assert_eq!(
            service("InvalidParameterException", "User is already confirmed.").problem(),
            Problem::AlreadyConfirmed
        );
        assert_eq!(
            service(
                "InvalidParameterException",
                "Cannot reset password for the user as there is no registered/verified email or phone_number"
            )
            .problem(),
            Problem::NoVerifiedContact
        );
        let error = reply(
            400,
            r#"{"__type":"InvalidParameterException","Message":"Bad email"}"#,
        );
        assert_eq!(error.problem(), Problem::InvalidInput("Bad email".into()));
        assert_eq!(
            error.to_string(),
            "Please check what you entered. Bad email"
        );
    }

    #[test]
    fn a_trigger_refusal_carries_the_triggers_words() {
        let error = service(
            "UserLambdaValidationException",
            "PreSignUp failed with error Only company addresses may sign up.",
        );
        assert_eq!(
            error.problem(),
            Problem::CustomCheckFailed("Only company addresses may sign up.".into())
        );
    }

    #[test]
    fn unknown_type_falls_back_to_a_generic_message_with_the_code() {
        let error = service("WeirdNewException", "?");
        assert_eq!(error.code(), Some(ErrorCode::Unknown));
        for lang in Lang::ALL {
            assert!(
                error_text(&error, lang).contains("WeirdNewException"),
                "{lang:?}"
            );
        }
    }

    fn error_text(error: &CognitoError, lang: Lang) -> String {
        Text::Problem(error.problem()).render(lang).into_owned()
    }

    #[test]
    fn html_empty_and_garbled_bodies_are_unexpected_responses() {
        for (status, body) in [
            (502, "<html><body>Bad Gateway</body></html>"),
            (500, ""),
            (400, "{\"__type\":"),
            (400, "{\"message\":\"no type\"}"),
            (403, "null"),
        ] {
            match reply(status, body) {
                CognitoError::UnexpectedResponse { status: s, .. } => assert_eq!(s, status),
                other => panic!("{body:?} gave {other:?}"),
            }
        }
        let error = reply(502, "<html></html>");
        assert!(error_text(&error, Lang::En).contains("HTTP 502"));
        assert!(error_text(&error, Lang::Ja).contains("HTTP 502"));
    }

    #[test]
    fn transport_failure_is_a_network_error_with_a_plain_message() {
        let error = CognitoError::from(TransportError("connection refused".into()));
        assert_eq!(
            error.to_string(),
            "Can't reach the sign-in service. Check your connection and try again."
        );
        assert!(!error_text(&error, Lang::Ja).contains("connection refused"));
        assert_eq!(error.code(), None);
    }
}
