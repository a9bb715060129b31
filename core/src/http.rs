//! The one HTTP operation the protocol needs, as a trait, so the same client code runs over
//! `fetch` in the browser and over an in-process transport in native tests.

use std::fmt;
use std::future::Future;

/// A `POST` to the Cognito endpoint.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    /// JSON text. It may hold a password or token, so the request is never logged.
    pub body: String,
}

/// What came back: the status and the body as text (possibly not JSON at all). The body may
/// hold tokens, so it is never printed either.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: String,
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("url", &self.url)
            .field("headers", &self.headers)
            .field("body", &format_args!("[redacted]"))
            .finish()
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("body", &format_args!("[redacted]"))
            .finish()
    }
}

/// The request never got an answer (offline, DNS, CORS refusal, connection reset).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("network failure: {0}")]
pub struct TransportError(pub String);

/// Sends one request. Implementations must not log the request body.
pub trait HttpTransport {
    fn post(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_where_and_what_status_but_never_a_body() {
        let request = HttpRequest {
            url: "https://cognito-idp.ap-northeast-1.amazonaws.com/".into(),
            headers: vec![(
                "X-Amz-Target",
                "AWSCognitoIdentityProviderService.InitiateAuth".into(),
            )],
            body: r#"{"AuthParameters":{"PASSWORD":"hunter2-Secret"}}"#.into(),
        };
        let response = HttpResponse {
            status: 200,
            body: r#"{"AuthenticationResult":{"AccessToken":"eyJ.secret.token"}}"#.into(),
        };
        for (printed, secret) in [
            (format!("{request:?}"), "hunter2-Secret"),
            (format!("{request:#?}"), "hunter2-Secret"),
            (format!("{response:?}"), "eyJ.secret.token"),
            (format!("{response:#?}"), "eyJ.secret.token"),
        ] {
            assert!(!printed.contains(secret), "{printed}");
            assert!(printed.contains("body: [redacted]"), "{printed}");
        }
        let request = format!("{request:?}");
        assert!(request.contains("cognito-idp.ap-northeast-1") && request.contains("InitiateAuth"));
        assert!(format!("{response:?}").contains("status: 200"));
    }
}
