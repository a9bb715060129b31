//! A host app that uses leptos-cognito as a library: it reads `config.json` like the sign-in
//! app does, mounts the library's pages ([`AuthRoutes`]) beside its own route inside an
//! [`AuthProvider`], and keeps `/` for signed-in users with [`RequireAuth`]: a signed-out
//! visitor to `/` is sent to `/sign-in?return_to=%2F` and comes back after signing in.
//!
//! Build it from this folder with `trunk build --release --offline`; serve `dist/` with a
//! `config.json` beside `index.html` on a host that answers unknown paths with `index.html`.

use leptos::prelude::*;
use leptos_cognito::core::i18n::Text;
use leptos_cognito::{
    load_config, use_i18n, use_session, AuthProvider, AuthRoutes, ConfigErrorPage, ErrorAlert,
    I18n, LanguageSwitcher, NotFoundPage, PageHeading, RequireAuth, SessionState,
};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(Host);
}

#[component]
fn Host() -> impl IntoView {
    I18n::provide();
    let i18n = use_i18n();
    let config = LocalResource::new(load_config);
    view! {
        <LanguageSwitcher/>
        <main class="card">
            {move || match config.get() {
                None => view! { <p class="loading" role="status">{i18n.tr(Text::Loading)}</p> }.into_any(),
                Some(Ok(config)) => view! {
                    <Router>
                        <AuthProvider config>
                            <Routes fallback=NotFoundPage>
                                <Route path=path!("/") view=Protected/>
                                <AuthRoutes/>
                            </Routes>
                        </AuthProvider>
                    </Router>
                }.into_any(),
                Some(Err(error)) => view! { <ConfigErrorPage error/> }.into_any(),
            }}
        </main>
    }
}

/// The protected route: the greeting, for signed-in users only.
#[component]
fn Protected() -> impl IntoView {
    let session = use_session();
    let email = Memo::new(move |_| match &*session.state().read() {
        SessionState::SignedIn(s) => Some(s.email.clone()),
        _ => None,
    });
    view! {
        <RequireAuth>
            {move || email.get().map(|email| view! { <Greeting email/> })}
        </RequireAuth>
    }
}

/// Greets the user and shows their Cognito user id, fetched with their access token.
#[component]
fn Greeting(email: String) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let user_id = LocalResource::new(move || async move {
        let token = session
            .access_token()
            .await
            .map_err(|error| error.problem())?;
        let user = session.client().get_user(&token).await;
        user.map(|user| user.username)
            .map_err(|error| error.problem())
    });
    let failure = i18n.words(move || user_id.get().and_then(Result::err).map(Text::Problem));
    let sign_out = Action::new_local(move |_: &()| async move { session.sign_out().await });
    view! {
        <PageHeading text=Text::Greeting(email)/>
        <dl class="facts">
            <dt>{i18n.tr(Text::UserId)}</dt>
            <dd>{move || user_id.get().and_then(Result::ok)}</dd>
        </dl>
        <ErrorAlert message=failure/>
        <button type="button" class="secondary" on:click=move |_| { sign_out.dispatch(()); }>
            {i18n.tr(Text::SignOut)}
        </button>
    }
}
