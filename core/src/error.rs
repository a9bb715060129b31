//! Errors of a Cognito call, typed from the response's `__type`, with messages a person can act on.

use crate::http::{HttpResponse, TransportError};
use serde::Deserialize;

/// The exceptions the sign-in flows meet, named as Cognito names them (minus `Exception`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    NotAuthorized,
    UserNotFound,
    UserNotConfirmed,
    UsernameExists,
    InvalidPassword,
    InvalidParameter,
    CodeMismatch,
    ExpiredCode,
    LimitExceeded,
    TooManyRequests,
    TooManyFailedAttempts,
    ResourceNotFound,
    CodeDeliveryFailure,
    PasswordResetRequired,
    InternalError,
    /// Any other `__type`; the original text is kept in [`ServiceError::type_name`].
    Unknown,
}

impl ErrorCode {
    /// Maps a `__type` such as `com.amazonaws.cognito#NotAuthorizedException` or
    /// `NotAuthorizedException` to its code.
    pub fn from_type(type_name: &str) -> Self {
        let short = type_name.rsplit('#').next().unwrap_or(type_name);
        match short {
            "NotAuthorizedException" => Self::NotAuthorized,
            "UserNotFoundException" => Self::UserNotFound,
            "UserNotConfirmedException" => Self::UserNotConfirmed,
            "UsernameExistsException" => Self::UsernameExists,
            "InvalidPasswordException" => Self::InvalidPassword,
            "InvalidParameterException" => Self::InvalidParameter,
            "CodeMismatchException" => Self::CodeMismatch,
            "ExpiredCodeException" => Self::ExpiredCode,
            "LimitExceededException" => Self::LimitExceeded,
            "TooManyRequestsException" => Self::TooManyRequests,
            "TooManyFailedAttemptsException" => Self::TooManyFailedAttempts,
            "ResourceNotFoundException" => Self::ResourceNotFound,
            "CodeDeliveryFailureException" => Self::CodeDeliveryFailure,
            "PasswordResetRequiredException" => Self::PasswordResetRequired,
            "InternalErrorException" => Self::InternalError,
            _ => Self::Unknown,
        }
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

impl ServiceError {
    fn user_message(&self) -> String {
        let fixed = match self.code {
            ErrorCode::NotAuthorized => match self.message.as_str() {
                m if m.contains("expired") => "Your session has expired. Please sign in again.",
                m if m.contains("attempts exceeded") => {
                    "Too many failed attempts. Wait a while, then try again."
                }
                _ => "Incorrect email or password.",
            },
            ErrorCode::UserNotFound => "No account was found for this email address.",
            ErrorCode::UserNotConfirmed => "This account isn't confirmed yet.",
            ErrorCode::UsernameExists => "An account with this email address already exists.",
            ErrorCode::InvalidPassword => {
                return format!(
                    "This password isn't allowed. {}",
                    password_rule(&self.message)
                )
            }
            ErrorCode::InvalidParameter => {
                return format!("Please check what you entered. {}", self.message)
            }
            ErrorCode::CodeMismatch => "That code isn't right. Check it and try again.",
            ErrorCode::ExpiredCode => "That code has expired. Ask for a new one.",
            ErrorCode::LimitExceeded => "Too many attempts. Wait a while, then try again.",
            ErrorCode::TooManyRequests => "Too many requests right now. Try again in a moment.",
            ErrorCode::TooManyFailedAttempts => {
                "Too many failed attempts. Wait a while, then try again."
            }
            ErrorCode::ResourceNotFound => {
                "The sign-in service isn't set up for this page (user pool or app client not found)."
            }
            ErrorCode::CodeDeliveryFailure => "We couldn't send the code. Try again later.",
            ErrorCode::PasswordResetRequired => "You need to reset your password first.",
            ErrorCode::InternalError => "The sign-in service had a problem. Try again later.",
            ErrorCode::Unknown => {
                return format!(
                    "Something went wrong ({}). Please try again.",
                    self.type_name
                )
            }
        };
        fixed.to_owned()
    }
}

/// Cognito prefixes policy failures with "Password did not conform with policy: "; the rest
/// names the rule.
fn password_rule(message: &str) -> &str {
    message
        .split_once(": ")
        .map_or(message, |(_, rule)| rule)
        .trim()
}

/// Why a Cognito call failed. `Display` is the message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CognitoError {
    #[error("{}", .0.user_message())]
    Service(ServiceError),
    #[error("Can't reach the sign-in service. Check your connection and try again.")]
    Network(String),
    /// A reply that is not Cognito's JSON (an HTML error page, an empty body, garbage).
    #[error("The sign-in service sent an unexpected reply (HTTP {status}). Please try again.")]
    UnexpectedResponse { status: u16, detail: String },
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

    #[test]
    fn every_listed_type_maps_to_its_code() {
        let cases = [
            ("NotAuthorizedException", ErrorCode::NotAuthorized),
            ("UserNotFoundException", ErrorCode::UserNotFound),
            ("UserNotConfirmedException", ErrorCode::UserNotConfirmed),
            ("UsernameExistsException", ErrorCode::UsernameExists),
            ("InvalidPasswordException", ErrorCode::InvalidPassword),
            ("InvalidParameterException", ErrorCode::InvalidParameter),
            ("CodeMismatchException", ErrorCode::CodeMismatch),
            ("ExpiredCodeException", ErrorCode::ExpiredCode),
            ("LimitExceededException", ErrorCode::LimitExceeded),
            ("TooManyRequestsException", ErrorCode::TooManyRequests),
            (
                "TooManyFailedAttemptsException",
                ErrorCode::TooManyFailedAttempts,
            ),
            ("ResourceNotFoundException", ErrorCode::ResourceNotFound),
            (
                "CodeDeliveryFailureException",
                ErrorCode::CodeDeliveryFailure,
            ),
            (
                "PasswordResetRequiredException",
                ErrorCode::PasswordResetRequired,
            ),
            ("InternalErrorException", ErrorCode::InternalError),
        ];
        for (type_name, code) in cases {
            let body = format!(r#"{{"__type":"{type_name}","message":"m"}}"#);
            let error = reply(400, &body);
            assert_eq!(error.code(), Some(code), "{type_name}");
            let namespaced = format!(
                r#"{{"__type":"com.amazonaws.cognito.identity.idp.model#{type_name}","message":"m"}}"#
            );
            assert_eq!(reply(400, &namespaced).code(), Some(code), "{type_name}");
        }
    }

    #[test]
    fn every_code_has_a_distinct_readable_message() {
        let codes = [
            "NotAuthorizedException",
            "UserNotFoundException",
            "UserNotConfirmedException",
            "UsernameExistsException",
            "CodeMismatchException",
            "ExpiredCodeException",
            "LimitExceededException",
            "TooManyRequestsException",
            "ResourceNotFoundException",
            "CodeDeliveryFailureException",
            "PasswordResetRequiredException",
            "InternalErrorException",
        ];
        let messages: Vec<String> = codes
            .iter()
            .map(|t| reply(400, &format!(r#"{{"__type":"{t}","message":"x"}}"#)).to_string())
            .collect();
        for (i, m) in messages.iter().enumerate() {
            assert!(m.ends_with('.') || m.ends_with(')'), "{m}");
            assert!(!m.contains("Exception"), "{m}");
            assert_eq!(messages.iter().filter(|o| *o == m).count(), 1, "{m}");
            assert!(!m.is_empty(), "{}", codes[i]);
        }
    }

    #[test]
    fn not_authorized_messages_follow_the_reason() {
        let wrong = reply(
            400,
            r#"{"__type":"NotAuthorizedException","message":"Incorrect username or password."}"#,
        );
        assert_eq!(wrong.to_string(), "Incorrect email or password.");
        let expired = reply(
            400,
            r#"{"__type":"NotAuthorizedException","message":"Access Token has expired"}"#,
        );
        assert_eq!(
            expired.to_string(),
            "Your session has expired. Please sign in again."
        );
    }

    #[test]
    fn password_policy_message_names_the_rule() {
        let error = reply(
            400,
            r#"{"__type":"InvalidPasswordException","message":"Password did not conform with policy: Password must have uppercase characters"}"#,
        );
        assert_eq!(
            error.to_string(),
            "This password isn't allowed. Password must have uppercase characters"
        );
    }

    #[test]
    fn unknown_type_keeps_its_name() {
        let error = reply(400, r#"{"__type":"WeirdNewException","message":"?"}"#);
        assert_eq!(error.code(), Some(ErrorCode::Unknown));
        assert!(error.to_string().contains("WeirdNewException"));
    }

    #[test]
    fn capitalised_message_field_is_read() {
        let error = reply(
            400,
            r#"{"__type":"InvalidParameterException","Message":"Bad email"}"#,
        );
        assert_eq!(
            error.to_string(),
            "Please check what you entered. Bad email"
        );
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
    }

    #[test]
    fn transport_failure_is_a_network_error_with_a_plain_message() {
        let error = CognitoError::from(TransportError("connection refused".into()));
        assert_eq!(
            error.to_string(),
            "Can't reach the sign-in service. Check your connection and try again."
        );
        assert_eq!(error.code(), None);
    }
}
