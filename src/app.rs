use crate::config_loader::load_config;
use crate::pages::{ConfigErrorPage, ConfirmPage, SessionPage, SignInPage, SignUpPage};
use crate::session::{use_session, FlowCtx, Phase, SessionCtx};
use leptos::prelude::*;
use leptos_cognito_core::AppConfig;
use leptos_router::components::{Redirect, Route, Router, Routes, A};
use leptos_router::path;

/// The whole sign-in app: loads `config.json`, then serves the pages for that pool.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(load_config);
    view! {
        <main class="card">
            {move || match config.get() {
                None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
                Some(Ok(config)) => view! { <Pages config/> }.into_any(),
                Some(Err(error)) => view! { <ConfigErrorPage error/> }.into_any(),
            }}
        </main>
    }
}

/// The routed pages for one configured pool.
#[component]
fn Pages(config: AppConfig) -> impl IntoView {
    SessionCtx::provide(&config);
    FlowCtx::provide();
    view! {
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Home/>
                <Route path=path!("/sign-in") view=SignInPage/>
                <Route path=path!("/sign-up") view=SignUpPage/>
                <Route path=path!("/confirm") view=ConfirmPage/>
                <Route path=path!("/session") view=SessionPage/>
            </Routes>
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
        Phase::SignedIn => Some(view! { <Redirect path="/session"/> }),
        Phase::SignedOut => Some(view! { <Redirect path="/sign-in"/> }),
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p><A href="/sign-in">"Back to sign in"</A></p>
    }
}
