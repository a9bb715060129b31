//! Fetches `config.json` from beside `index.html`.

use leptos_cognito_core::{AppConfig, ConfigError};

/// Fetches and validates `config.json` from beside the page's `index.html` (never cached), as the
/// app does at start; a host app that embeds the pages can read its config the same way and
/// show [`ConfigErrorPage`](crate::pages::ConfigErrorPage) for the error.
pub async fn load_config() -> Result<AppConfig, ConfigError> {
    let unavailable = |e: gloo_net::Error| ConfigError::Unavailable(e.to_string());
    let response = gloo_net::http::Request::get("config.json")
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(unavailable)?;
    if !response.ok() {
        return Err(ConfigError::Unavailable(format!(
            "HTTP {} for config.json (it must sit beside index.html)",
            response.status()
        )));
    }
    AppConfig::parse(&response.text().await.map_err(unavailable)?)
}
