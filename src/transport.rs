//! [`HttpTransport`] over the browser's `fetch`.

use leptos_cognito_core::http::{HttpRequest, HttpResponse, HttpTransport, TransportError};

/// Sends Cognito requests with `fetch` (via gloo-net). Stateless, so it is free to copy.
#[derive(Debug, Clone, Copy, Default)]
pub struct FetchTransport;

impl HttpTransport for FetchTransport {
    async fn post(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let builder = request.headers.iter().fold(
            gloo_net::http::Request::post(&request.url),
            |b, (name, value)| b.header(name, value),
        );
        let failed = |e: gloo_net::Error| TransportError(e.to_string());
        let response = builder
            .body(request.body)
            .map_err(failed)?
            .send()
            .await
            .map_err(failed)?;
        // A body cut off mid-way is a network failure, not an empty reply.
        let body = response.text().await.map_err(failed)?;
        Ok(HttpResponse {
            status: response.status(),
            body,
        })
    }
}
