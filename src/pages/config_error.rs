use crate::components::PageHeading;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::ConfigError;

/// Shown instead of the app when `config.json` is missing or wrong: which field, and how to fix
/// it. The fault itself is named in the words of `config.json` (for the site owner).
#[component]
pub fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading text=Text::ConfigErrorTitle/>
        <div class="alert" role="alert">{error.to_string()}</div>
        <p>{i18n.tr(Text::ConfigErrorHelp)}</p>
    }
}
