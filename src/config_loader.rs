//! Fetches `config.json` from the site's root.

use leptos_cognito_core::{AppConfig, ConfigError};

/// Fetches and validates `config.json` (never cached), as the app does at start; a host app that
/// embeds the pages can read its config the same way and show
/// [`ConfigErrorPage`](crate::pages::ConfigErrorPage) for the error.
///
/// The file is looked up beside `index.html` at the site's base (`<base data-trunk-public-url/>`
/// in `index.html` makes that the document's base URL), so every route, `/sign-in/` or
/// `/x/sign-in` too, reads the one file at the root, never one beside the current path.
pub async fn load_config() -> Result<AppConfig, ConfigError> {
    let url = config_url()?;
    let unavailable = |e: gloo_net::Error| ConfigError::Unavailable(e.to_string());
    let response = gloo_net::http::Request::get(&url)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(unavailable)?;
    if !response.ok() {
        return Err(ConfigError::Unavailable(format!(
            "HTTP {} for {url} (it must sit beside index.html)",
            response.status()
        )));
    }
    AppConfig::parse(&response.text().await.map_err(unavailable)?)
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
