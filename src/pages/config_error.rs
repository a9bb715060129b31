use leptos::prelude::*;
use leptos_cognito_core::ConfigError;

/// Shown instead of the app when `config.json` is missing or wrong: which field, and how to fix it.
#[component]
pub fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    view! {
        <h1>"This sign-in page isn't set up yet"</h1>
        <div class="alert" role="alert">{error.to_string()}</div>
        <p>
            "The site owner needs to put a valid " <code>"config.json"</code>
            " beside index.html with the fields " <code>"region"</code> ", " <code>"userPoolId"</code>
            " and " <code>"clientId"</code> " (and optionally " <code>"endpoint"</code> ")."
        </p>
    }
}
