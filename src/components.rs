//! Small building blocks shared by the pages: labelled fields, the submit button, messages,
//! the page heading, the language switcher, a QR code, and the guards that keep signed-in and
//! signed-out pages apart. Every word comes from the catalogue of the user's language.

mod attribute_fields;
mod field;
mod form;
mod guards;
mod heading;
mod identifier;
mod language;
mod qr_code;

pub use attribute_fields::{AttributeFields, AttributeInputs, SiteAttributes};
pub use field::{PasswordField, PoolPolicy, TextField};
pub use form::{Field, Form};
pub use guards::{RequireAuth, SignedInOnly, SignedOutOnly};
pub use heading::PageHeading;
pub use identifier::{country_signal, pool_words, use_identifiers, CountrySelect, IdentifierField};
pub use language::LanguageSwitcher;
pub use qr_code::QrCode;

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;

/// The text in Unicode NFKC, by the browser's own `normalize` (the wasm carries no Unicode
/// tables): the full-width digits and letters a Japanese IME types become ASCII.
pub fn nfkc(typed: &str) -> String {
    js_sys::JsString::from(typed).normalize("NFKC").into()
}

/// The form's submit button. While `pending` it is disabled and busy (a spinner shows); its name
/// stays the same so assistive technology (and tests) keep finding it.
#[component]
pub fn SubmitButton(label: Text, #[prop(into)] pending: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="submit" class="primary" disabled=pending aria-busy=move || pending.get().then_some("true")>
            {i18n.tr(label)}
        </button>
    }
}

/// A button beside the form's main one (resend a code, sign out everywhere), with the same
/// pending behaviour as [`SubmitButton`].
#[component]
pub fn ActionButton(
    label: Text,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] disabled: Signal<bool>,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="secondary"
            on:click=move |_| on_click()
            disabled=disabled
            aria-busy=move || pending.get().then_some("true")
        >
            {i18n.tr(label)}
        </button>
    }
}

/// The form's live region for errors: always in the page, so screen readers announce changes.
#[component]
pub fn ErrorAlert(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="alert" role="alert" aria-live="assertive" hidden=move || message.get().is_none()>
            {move || message.get()}
        </div>
    }
}

/// A polite status line for good news ("code sent", "account confirmed").
#[component]
pub fn StatusNote(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="note" role="status" aria-live="polite" hidden=move || message.get().is_none()>
            {move || message.get()}
        </p>
    }
}

/// Moves keyboard focus to an element, e.g. the first invalid field after a submit.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Focus can only fail for detached elements; nothing to report to the user.
        let _ = element.focus();
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::test_dom::{find, mount};
    use leptos::task::tick;
    use wasm_bindgen_test::*;

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
}
