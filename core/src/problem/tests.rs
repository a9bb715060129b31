use super::*;
use crate::error::{error_from_response, CODES};
use crate::http::{HttpResponse, TransportError};
use crate::i18n::{Lang, Text};

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

/// The "Errors" sections of the Cognito API reference (botocore's model for the passkey
/// operations), one list per operation the page calls.
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
    (
        "StartWebAuthnRegistration",
        &[
            "ForbiddenException",
            "InternalErrorException",
            "InvalidParameterException",
            "LimitExceededException",
            "NotAuthorizedException",
            "OperationNotEnabledException",
            "PasswordResetRequiredException",
            "TooManyRequestsException",
            "WebAuthnConfigurationMissingException",
            "WebAuthnNotEnabledException",
        ],
    ),
    (
        "CompleteWebAuthnRegistration",
        &[
            "ForbiddenException",
            "InternalErrorException",
            "InvalidParameterException",
            "LimitExceededException",
            "NotAuthorizedException",
            "OperationNotEnabledException",
            "PasswordResetRequiredException",
            "TooManyRequestsException",
            "WebAuthnChallengeNotFoundException",
            "WebAuthnClientMismatchException",
            "WebAuthnCredentialNotSupportedException",
            "WebAuthnNotEnabledException",
            "WebAuthnOriginNotAllowedException",
            "WebAuthnRelyingPartyMismatchException",
        ],
    ),
    (
        "ListWebAuthnCredentials",
        &[
            "ForbiddenException",
            "InternalErrorException",
            "InvalidParameterException",
            "LimitExceededException",
            "NotAuthorizedException",
            "OperationNotEnabledException",
            "PasswordResetRequiredException",
            "TooManyRequestsException",
        ],
    ),
    (
        "DeleteWebAuthnCredential",
        &[
            "ForbiddenException",
            "InternalErrorException",
            "InvalidParameterException",
            "LimitExceededException",
            "NotAuthorizedException",
            "OperationNotEnabledException",
            "PasswordResetRequiredException",
            "ResourceNotFoundException",
            "TooManyRequestsException",
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
fn passkey_refusals_say_what_went_wrong_with_the_passkey() {
    let cases = [
        ("WebAuthnNotEnabledException", PasskeyProblem::NotEnabled),
        (
            "WebAuthnConfigurationMissingException",
            PasskeyProblem::ConfigurationMissing,
        ),
        (
            "WebAuthnOriginNotAllowedException",
            PasskeyProblem::WrongSite,
        ),
        (
            "WebAuthnRelyingPartyMismatchException",
            PasskeyProblem::WrongSite,
        ),
        (
            "WebAuthnChallengeNotFoundException",
            PasskeyProblem::RegistrationExpired,
        ),
        (
            "WebAuthnClientMismatchException",
            PasskeyProblem::ClientMismatch,
        ),
        (
            "WebAuthnCredentialNotSupportedException",
            PasskeyProblem::CredentialNotSupported,
        ),
    ];
    for (type_name, problem) in cases {
        assert_eq!(
            service(type_name, "").problem(),
            Problem::Passkey(problem),
            "{type_name}"
        );
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
        error_text(
            &service("NotAuthorizedException", "Incorrect username or password."),
            Lang::En
        ),
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
        error_text(&service("InvalidPasswordException", cases[3].0), Lang::En),
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
        error_text(&error, Lang::En),
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
        error_text(&error, Lang::En),
        "Can't reach the sign-in service. Check your connection and try again."
    );
    assert!(!error_text(&error, Lang::Ja).contains("connection refused"));
    assert_eq!(error.code(), None);
}
