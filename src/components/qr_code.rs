//! A QR code as inline SVG (for an authenticator app to scan an otpauth URI): markup only, so
//! it needs nothing the strict Content-Security-Policy forbids, and it scales crisply.

use leptos::prelude::*;
use leptos_cognito_core::qr::{qr_svg, QrSvg};

/// `text` as a QR code: dark modules on a light square (quiet zone included) in every colour
/// scheme, since a scanner needs the contrast; its size comes from the `.qr-code` CSS rule.
/// Text too long for a QR code (over 2331 bytes) shows nothing, so the page must also give
/// what the code holds in another form (e.g. the secret as text).
#[component]
pub fn QrCode(
    /// What the code holds, e.g. an `otpauth://` URI.
    #[prop(into)]
    text: Signal<String>,
    /// What the image is, for assistive technology (the text itself is not announced).
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let drawing = Memo::new(move |_| text.with(|text| qr_svg(text).ok()));
    move || {
        drawing.get().map(|QrSvg { modules, path }| {
            view! {
                <svg
                    class="qr-code"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox=format!("0 0 {modules} {modules}")
                    role="img"
                    aria-label=label
                    shape-rendering="crispEdges"
                >
                    <rect width=modules height=modules fill="#ffffff"/>
                    <path d=path fill="#000000"/>
                </svg>
            }
        })
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::test_dom::{find, mount};
    use leptos::task::tick;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    async fn draws_the_code_and_hides_it_when_the_text_cannot_be_one() {
        let text = RwSignal::new(String::from(
            "otpauth://totp/Acme:alice@example.com?secret=JBSWY3DPEHPK3PXP",
        ));
        let container = mount(move || view! { <QrCode text=text label="Scan me"/> });
        let svg = find(&container, "svg");
        assert_eq!(svg.get_attribute("aria-label").as_deref(), Some("Scan me"));
        let size = qr_svg(&text.get_untracked()).unwrap().modules;
        assert_eq!(
            svg.get_attribute("viewBox"),
            Some(format!("0 0 {size} {size}"))
        );
        let path = find(&container, "svg path").get_attribute("d").unwrap();
        assert!(path.starts_with('M'), "{path}");
        text.set("a".repeat(3000));
        tick().await;
        assert!(container.query_selector("svg").unwrap().is_none());
    }
}
