//! The site's own look from `config.json`: its name and logo above the card, its name in the tab
//! title, and its theme (overrides of the `--lc-*` custom properties in `style/main.css`).

use leptos::prelude::*;
use leptos_cognito_core::config::Branding;
use wasm_bindgen::JsCast;

/// The site's name from `config.json`, for the tab title. Provided by
/// [`AuthProvider`](crate::AuthProvider).
#[derive(Clone, Debug, Default)]
pub struct SiteTitle(pub Option<String>);

/// Sets the theme's custom properties on the document's root element. Through the CSSOM, which a
/// strict `style-src 'self'` allows (unlike a `style` attribute in markup). The values were
/// checked when `config.json` was read, so they can only be CSS values.
pub fn apply_theme(theme: &[(&'static str, String)]) {
    let Some(root) = document()
        .document_element()
        .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    for (property, value) in theme {
        // The browser ignores a value it cannot parse; the default stays.
        let _ = style.set_property(property, value);
    }
}

/// The site's logo and name above the card (nothing if the config gives neither), and its theme
/// applied to the page.
#[component]
pub fn Brand(branding: Branding) -> impl IntoView {
    let Branding {
        title,
        logo_url,
        logo_alt,
        theme,
    } = branding;
    // The root element's style is outside the view: an effect sets it once.
    Effect::new(move || apply_theme(&theme));
    (title.is_some() || logo_url.is_some()).then(|| {
        view! {
            <header class="brand">
                {logo_url.map(|src| view! { <img class="brand-logo" src=src alt=logo_alt/> })}
                {title.map(|title| view! { <span class="brand-title">{title}</span> })}
            </header>
        }
    })
}
