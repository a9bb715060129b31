//! The page's `<h1>`: it names the page in the tab title too (followed by the site's name when
//! `config.json` gives one), and takes keyboard focus when the page appears, so a screen reader
//! announces where a link or a form led.

use crate::branding::SiteTitle;
use crate::i18n::use_i18n;
use crate::prepaint;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;

/// The page's `<h1>` with `text` in the user's language, also the tab title (followed by the site's
/// `title` from `config.json`); it takes focus when it appears.
#[component]
pub fn PageHeading(
    /// What the page is.
    text: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<H1>::new();
    let words = Memo::new(move |_| i18n.t(&text));
    let site = use_context::<SiteTitle>().unwrap_or_default().0;
    // The tab title and the focus live outside the view: effects keep them in step.
    Effect::new(move || {
        let title = match &site {
            Some(site) => format!("{} – {site}", words.get()),
            None => words.get(),
        };
        document().set_title(&title);
    });
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            // This page replaces the pre-painted one, and keeps the focus it took over from it.
            prepaint::discard();
            if !prepaint::focus_taken_over() {
                let _ = heading.focus();
            }
        }
    });
    view! { <h1 tabindex="-1" node_ref=heading>{words}</h1> }
}
