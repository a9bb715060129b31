//! The language switcher shown on every page: one button per language, named in that language,
//! the current one pressed.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_cognito_core::i18n::{Lang, Text};

/// One button per language the pages speak, named in that language; the current one is pressed,
/// and a choice is remembered for the next visit. Put it anywhere inside an [`I18n::provide`].
///
/// [`I18n::provide`]: crate::I18n::provide
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let buttons = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <li>
                    <button
                        type="button"
                        lang=lang.tag()
                        aria-pressed=move || if i18n.lang() == lang { "true" } else { "false" }
                        on:click=move |_| i18n.choose(lang)
                    >
                        {lang.native_name()}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="languages" aria-label=i18n.tr(Text::LanguageLabel)>
            <ul>{buttons}</ul>
        </nav>
    }
}
