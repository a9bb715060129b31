use crate::components::PageHeading;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_router::components::A;

/// Any path the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading text=Text::PageNotFound/>
        <p><A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A></p>
    }
}
