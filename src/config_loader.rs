//! Fetches `config.json` from the site's root.

use leptos_cognito_core::{AppConfig, ConfigError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Fetches and validates `config.json` (never cached), as the app does at start (taking over the
/// request that the site's loader started alongside the wasm, where there is one); a host app that
/// embeds the pages can read its config the same way and show
/// [`ConfigErrorPage`](crate::pages::ConfigErrorPage) for the error.
///
/// The file is looked up beside `index.html` at the site's base (`<base data-trunk-public-url/>`
/// in `index.html` makes that the document's base URL), so every route, `/sign-in/` or
/// `/x/sign-in` too, reads the one file at the root, never one beside the current path.
pub async fn load_config() -> Result<AppConfig, ConfigError> {
    let url = config_url()?;
    let unavailable = |e: gloo_net::Error| ConfigError::Unavailable(e.to_string());
    let response = match started_request() {
        Some(request) => JsFuture::from(request)
            .await
            .map_err(|e| ConfigError::Unavailable(failure(&e)))?
            .dyn_into::<web_sys::Response>()
            .map(gloo_net::http::Response::from)
            .map_err(|_| {
                ConfigError::Unavailable("the loader's request gave no response".into())
            })?,
        None => gloo_net::http::Request::get(&url)
            .cache(web_sys::RequestCache::NoCache)
            .send()
            .await
            .map_err(unavailable)?,
    };
    if !response.ok() {
        return Err(ConfigError::Unavailable(format!(
            "HTTP {} for {url} (it must sit beside index.html)",
            response.status()
        )));
    }
    AppConfig::parse(&response.text().await.map_err(unavailable)?)
}

/// The global through which the site's loader (scripts/externalize-loader.mjs) hands over the
/// request for `config.json` it started alongside the wasm, with the same URL and cache mode.
const STARTED_REQUEST: &str = "leptosCognitoConfig";

/// The request the loader started, taken once (a later load asks again); none where the crate
/// runs without that loader, in a host app.
fn started_request() -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(STARTED_REQUEST);
    let request = js_sys::Reflect::get(&window, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    // A response body is read once: a later load must not find this one. Deleting a plain
    // property of the window does not fail.
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(request)
}

/// A failed `fetch` in the words `gloo_net` gives it (`TypeError: Failed to fetch`).
fn failure(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => format!("{error:?}"),
    }
}

/// `config.json` resolved against the document's base URL.
fn config_url() -> Result<String, ConfigError> {
    let no_base = || ConfigError::Unavailable("the page has no base URL".into());
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .ok_or_else(no_base)?;
    web_sys::Url::new_with_base("config.json", &base)
        .map(|url| url.href())
        .map_err(|_| no_base())
}
