use crate::branding::Brand;
use crate::components::LanguageSwitcher;
use crate::config_loader::load_config;
use crate::i18n::{use_i18n, I18n};
use crate::pages::{ConfigErrorPage, NotFoundPage};
use crate::provider::AuthProvider;
use crate::routes::{AuthRoute, AuthRoutes};
use crate::session::{use_session, Phase};
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::AppConfig;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

/// The whole sign-in app: the language switcher, then `config.json` is loaded and the pages for
/// that pool are served.
#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    let i18n = use_i18n();
    let config = LocalResource::new(load_config);
    view! {
        <LanguageSwitcher/>
        {move || config.get().and_then(Result::ok).map(|config| view! { <Brand branding=config.branding/> })}
        <main class="card">
            {move || match config.get() {
                None => view! { <p class="loading" role="status">{i18n.tr(Text::Loading)}</p> }.into_any(),
                Some(Ok(config)) => view! { <Pages config/> }.into_any(),
                Some(Err(error)) => view! { <ConfigErrorPage error/> }.into_any(),
            }}
        </main>
    }
}

/// The routed pages for one configured pool.
#[component]
fn Pages(config: AppConfig) -> impl IntoView {
    view! {
        <Router>
            <AuthProvider config>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=Home/>
                    <AuthRoutes/>
                </Routes>
            </AuthProvider>
        </Router>
    }
}

/// `/` goes wherever the session says.
#[component]
fn Home() -> impl IntoView {
    let session = use_session();
    let phase = Memo::new(move |_| session.phase());
    move || match phase.get() {
        Phase::Restoring => None,
        Phase::SignedIn => Some(view! { <Redirect path=AuthRoute::Session/> }),
        Phase::SignedOut => Some(view! { <Redirect path=AuthRoute::SignIn/> }),
    }
}
