//! The public API in headless Chromium with wasm-bindgen-test: a page mounted alone, and fetch
//! failures. (The components' markup and localStorage are tested beside their code, routing and
//! whole flows end to end.)
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_cognito::core::secret::Password;
use leptos_cognito::core::{AppConfig, CognitoClient, CognitoError, ConfigError};
use leptos_cognito::{load_config, ConfigErrorPage, FetchTransport};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> Element {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into::<HtmlElement>(), view);
    handle.forget();
    container
}

fn find(container: &Element, selector: &str) -> Element {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

#[wasm_bindgen_test]
fn config_error_page_names_the_field() {
    let error = AppConfig::parse(r#"{"region":"ap-northeast-1","clientId":"c"}"#).unwrap_err();
    assert_eq!(error, ConfigError::Missing("userPoolId"));
    let container = mount(move || view! { <ConfigErrorPage error/> });
    let alert = find(&container, "[role=alert]");
    assert_eq!(
        alert.text_content().as_deref(),
        Some("config.json is missing the field \"userPoolId\"")
    );
}

#[wasm_bindgen_test]
async fn unreachable_endpoint_is_a_network_error() {
    // Port 9 (discard) has no listener on the test machine: fetch fails to connect.
    let client = CognitoClient::new("http://127.0.0.1:9/", "us-east-1_x1", "c1", FetchTransport);
    let error = client
        .sign_in_with_password("a@example.com", Password::new("pw"))
        .await
        .unwrap_err();
    assert!(matches!(error, CognitoError::Network(_)), "{error:?}");
}

#[wasm_bindgen_test]
async fn config_comes_from_the_loader_s_request_once_then_from_a_fetch_of_its_own() {
    // What the site's loader leaves for the app: its request for config.json, under way.
    let body =
        r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_abc","clientId":"loaded"}"#;
    let response = web_sys::Response::new_with_opt_str(Some(body)).unwrap();
    let started = js_sys::Promise::resolve(&response);
    js_sys::Reflect::set(&window(), &"leptosCognitoConfig".into(), &started).unwrap();
    assert_eq!(load_config().await.unwrap().client_id, "loaded");
    // Taken once: the next load asks itself, as a host app without that loader does, and the
    // test server has no config.json.
    let error = load_config().await.unwrap_err();
    assert!(
        matches!(&error, ConfigError::Unavailable(why) if why.starts_with("HTTP 404")),
        "{error:?}"
    );
}
