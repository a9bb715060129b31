//! Browser glue, tested in headless Chromium with wasm-bindgen-test: the components' accessible
//! markup, localStorage, and fetch failures. (Routing and whole flows are covered end to end.)
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use leptos_cognito::components::{LanguageSwitcher, PasswordField, SubmitButton, TextField};
use leptos_cognito::core::i18n::Text;
use leptos_cognito::core::password_policy::PasswordPolicy;
use leptos_cognito::core::secret::{Password, RefreshToken};
use leptos_cognito::core::session_rules::StoredSession;
use leptos_cognito::core::validation::FieldError;
use leptos_cognito::core::{AppConfig, CognitoClient, CognitoError, ConfigError};
use leptos_cognito::i18n::I18n;
use leptos_cognito::pages::ConfigErrorPage;
use leptos_cognito::storage;
use leptos_cognito::transport::FetchTransport;
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
async fn text_field_links_its_label_and_error() {
    let error = RwSignal::new(None::<Text>);
    let container = mount(move || {
        view! {
            <TextField id="t-email" label=Text::Email kind="email" autocomplete="username"
                value=RwSignal::new(String::new()) error=error/>
        }
    });
    let input = find(&container, "input");
    assert_eq!(
        find(&container, "label").get_attribute("for").as_deref(),
        Some("t-email")
    );
    assert_eq!(input.id(), "t-email");
    assert_eq!(input.get_attribute("aria-invalid"), None);

    error.set(Some(Text::Field(FieldError::EmailMissing)));
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described_by = input.get_attribute("aria-describedby").unwrap();
    let message = document().get_element_by_id(&described_by).unwrap();
    assert_eq!(
        message.text_content().as_deref(),
        Some("Enter your email address.")
    );

    error.set(None);
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("aria-describedby"), None);
}

#[wasm_bindgen_test]
async fn submit_button_keeps_its_name_while_pending() {
    let pending = RwSignal::new(false);
    let container = mount(move || view! { <SubmitButton label=Text::SignIn pending=pending/> });
    let button = find(&container, "button");
    assert!(!button.has_attribute("disabled"));
    pending.set(true);
    tick().await;
    assert!(button.has_attribute("disabled"));
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(button.text_content().as_deref(), Some("Sign in"));
}

/// The texts of the list items in the container's list.
fn list_items(container: &Element) -> Vec<String> {
    let mut items = Vec::new();
    let mut item = find(container, "ul").first_element_child();
    while let Some(li) = item {
        items.extend(li.text_content());
        item = li.next_element_sibling();
    }
    items
}

#[wasm_bindgen_test]
async fn password_field_lists_every_unmet_rule_as_it_is_typed() {
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let container = mount(move || {
        view! {
            <PasswordField id="t-new" label=Text::NewPassword autocomplete="new-password"
                value=value error=error policy=PasswordPolicy::default()/>
        }
    });
    let input = find(&container, "input");
    value.set("inv".into());
    tick().await;
    assert_eq!(
        list_items(&container),
        [
            "Password must have at least 8 characters",
            "Password must have upper case letters",
            "Password must have numbers",
            "Password must have special characters",
        ]
    );
    let rules_id = find(&container, "ul").id();
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some(rules_id.as_str())
    );
    assert_eq!(input.get_attribute("aria-invalid"), None);

    error.set(Some(Text::Field(FieldError::PasswordTooWeak)));
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby"),
        Some(format!("t-new-error {rules_id}"))
    );

    value.set("Correct-Horse-9".into());
    error.set(None);
    tick().await;
    assert!(list_items(&container).is_empty());
    assert!(find(&container, "ul").has_attribute("hidden"));
    assert_eq!(input.get_attribute("aria-describedby"), None);
}

#[wasm_bindgen_test]
async fn password_field_can_be_revealed_and_hidden() {
    let container = mount(move || {
        view! {
            <PasswordField id="t-current" label=Text::Password autocomplete="current-password"
                value=RwSignal::new(String::new()) error=RwSignal::new(None::<Text>)/>
        }
    });
    let input = find(&container, "input");
    let toggle = find(&container, "button").unchecked_into::<HtmlElement>();
    assert_eq!(input.get_attribute("type").as_deref(), Some("password"));
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(toggle.text_content().as_deref(), Some("Show password"));
    assert!(container.query_selector("ul").unwrap().is_none());
    toggle.click();
    tick().await;
    assert_eq!(input.get_attribute("type").as_deref(), Some("text"));
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    toggle.click();
    tick().await;
    assert_eq!(input.get_attribute("type").as_deref(), Some("password"));
}

#[wasm_bindgen_test]
async fn switching_language_rewords_the_page_and_is_remembered() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item("leptos-cognito.lang").unwrap();
    let container = mount(move || {
        I18n::provide();
        view! {
            <LanguageSwitcher/>
            <TextField id="t-lang" label=Text::Email kind="email" autocomplete="username"
                value=RwSignal::new(String::new()) error=RwSignal::new(None::<Text>)/>
        }
    });
    let japanese = find(&container, "button[lang=ja]").unchecked_into::<HtmlElement>();
    japanese.click();
    tick().await;
    assert_eq!(
        find(&container, "label").text_content().as_deref(),
        Some("メールアドレス")
    );
    assert_eq!(
        japanese.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ja"));
    assert_eq!(
        storage.get_item("leptos-cognito.lang").unwrap().as_deref(),
        Some("ja")
    );

    find(&container, "button[lang=en]")
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    assert_eq!(
        find(&container, "label").text_content().as_deref(),
        Some("Email")
    );
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    storage.remove_item("leptos-cognito.lang").unwrap();
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
fn session_record_round_trips_through_local_storage_under_the_prefix() {
    let client_id = "browsertest1";
    let key = "leptos-cognito.browsertest1.refreshToken";
    let local = window().local_storage().unwrap().unwrap();
    local.remove_item(key).unwrap();
    assert!(storage::load_session(client_id).is_none());

    let record = StoredSession::next(None, 42, RefreshToken::new("r-123"));
    assert!(storage::save_session(client_id, &record));
    let raw = local.get_item(key).unwrap();
    assert_eq!(
        raw.as_deref(),
        Some(r#"{"seq":1,"token":"r-123","sid":42}"#)
    );
    assert_eq!(storage::load_session(client_id), Some(record));

    // A sign-out leaves nothing behind.
    storage::clear_session(client_id);
    assert_eq!(local.get_item(key).unwrap(), None);
    assert!(storage::load_session(client_id).is_none());

    // What an older version stored (the bare token) still reads.
    local.set_item(key, "r-old").unwrap();
    let upgraded = storage::load_session(client_id).unwrap();
    assert_eq!(upgraded.seq, 0);
    assert_eq!(upgraded.token.expose_secret(), "r-old");
    storage::clear_session(client_id);
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
