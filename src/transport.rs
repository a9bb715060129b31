//! [`HttpTransport`] over the browser's `fetch`, with a deadline on every request.

use gloo_timers::callback::Timeout;
use leptos_cognito_core::http::{HttpRequest, HttpResponse, HttpTransport, TransportError};
use web_sys::AbortController;

/// How long a Cognito request may take, answer included, before it is abandoned. Cognito
/// answers in well under a second; a request still open after this is hung (a dead connection,
/// a captive portal), and a hung request must not hold the refresh lock or keep a page waiting.
pub const REQUEST_TIMEOUT_MS: u32 = 10_000;

/// Sends Cognito requests with `fetch` (via gloo-net). Stateless, so it is free to copy.
#[derive(Debug, Clone, Copy, Default)]
pub struct FetchTransport;

impl HttpTransport for FetchTransport {
    async fn post(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        // The timer aborts the fetch (and the reading of its body) when it fires; dropping it at
        // the end of this function cancels it.
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        let _deadline = controller
            .map(|controller| Timeout::new(REQUEST_TIMEOUT_MS, move || controller.abort()));
        let failed = |e: gloo_net::Error| match &signal {
            Some(signal) if signal.aborted() => {
                TransportError(format!("no answer within {} s", REQUEST_TIMEOUT_MS / 1000))
            }
            _ => TransportError(e.to_string()),
        };
        let builder = request.headers.iter().fold(
            gloo_net::http::Request::post(&request.url).abort_signal(signal.as_ref()),
            |b, (name, value)| b.header(name, value),
        );
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
