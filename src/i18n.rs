//! The user's language, shared through context as [`I18n`]: chosen by `?lang=ja|en`, then by an
//! earlier choice kept in `localStorage` (`leptos-cognito.lang`), then by the browser's
//! preferences. `<html lang>` follows it. The words themselves are in the core's catalogues.

use crate::storage;
use leptos::prelude::*;
use leptos_cognito_core::i18n::{Lang, Text};
use leptos_cognito_core::storage_keys::PREFIX;

/// The language the pages speak. Cheap to copy.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

/// The enclosing [`I18n::provide`], or English where there is none (a component mounted alone).
pub fn use_i18n() -> I18n {
    use_context().unwrap_or_else(|| I18n {
        lang: RwSignal::new(Lang::En),
    })
}

fn storage_key() -> String {
    format!("{PREFIX}lang")
}

/// Keeps an explicit choice for the next visit. Failing storage only means it is not kept.
fn remember(lang: Lang) {
    storage::write(&storage_key(), lang.tag());
}

fn remembered() -> Option<Lang> {
    storage::read(&storage_key()).and_then(|tag| Lang::from_tag(&tag))
}

fn browser_preference() -> Lang {
    let navigator = window().navigator();
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    let single = navigator.language();
    Lang::negotiate(listed.iter().map(String::as_str).chain(single.as_deref()))
}

impl I18n {
    /// Works out the language, provides it as context, and keeps `<html lang>` in step.
    pub fn provide() -> Self {
        let asked = window()
            .location()
            .search()
            .ok()
            .and_then(|query| Lang::from_query(&query));
        if let Some(lang) = asked {
            remember(lang);
        }
        let lang = asked.or_else(remembered).unwrap_or_else(browser_preference);
        let ctx = Self {
            lang: RwSignal::new(lang),
        };
        Effect::new(move || {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", ctx.lang.get().tag());
            }
        });
        provide_context(ctx);
        ctx
    }

    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Switches language and remembers the choice.
    pub fn choose(&self, lang: Lang) {
        remember(lang);
        self.lang.set(lang);
    }

    /// The words for `text` in the current language (tracked, so views follow a switch).
    pub fn t(&self, text: &Text) -> String {
        text.render(self.lang.get()).into_owned()
    }

    /// A view of `text` that follows the language.
    pub fn tr(&self, text: Text) -> impl Fn() -> String + Send + Sync + 'static {
        let i18n = *self;
        move || i18n.t(&text)
    }

    /// A message signal in words, for the alert and status components.
    pub fn words(
        &self,
        text: impl Fn() -> Option<Text> + Send + Sync + 'static,
    ) -> Signal<Option<String>> {
        let i18n = *self;
        Signal::derive(move || text().map(|text| i18n.t(&text)))
    }
}
