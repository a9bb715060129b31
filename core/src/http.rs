//! The one HTTP operation the protocol needs, as a trait, so the same client code runs over
//! `fetch` in the browser and over an in-process transport in native tests.

use std::future::Future;

/// A `POST` to the Cognito endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    /// JSON text. It may hold a password or token, so the request is never logged.
    pub body: String,
}

/// What came back: the status and the body as text (possibly not JSON at all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: String,
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
