//! Mounting views in the test browser's page, for the components' tests.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Mounts a view into a fresh container and returns the container.
pub fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> Element {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into::<HtmlElement>(), view);
    handle.forget();
    container
}

pub fn find(container: &Element, selector: &str) -> Element {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}
