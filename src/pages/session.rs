use super::session_health::SessionHealth;
use crate::components::SignedInOnly;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;

/// Who is signed in and until when, with sign-out.
#[component]
pub fn SessionPage() -> impl IntoView {
    view! {
        <SignedInOnly>
            <SessionDetails/>
        </SignedInOnly>
    }
}

/// A Unix time in seconds as the user's local date and time.
fn local_time(unix_seconds: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        unix_seconds as f64 * 1000.0,
    ));
    String::from(date.to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
}

#[component]
fn SessionDetails() -> impl IntoView {
    let session = use_session();
    let signed_in = move || match session.state().get() {
        SessionState::SignedIn(s) => Some(s),
        _ => None,
    };
    let sign_out = Action::new_local(move |_: &()| async move { session.sign_out().await });
    let pending = sign_out.pending();

    view! {
        <h1>"You're signed in"</h1>
        <dl class="facts">
            <dt>"Signed in as"</dt>
            <dd data-testid="session-email">{move || signed_in().map(|s| s.email)}</dd>
            <dt>"Session expires"</dt>
            <dd>
                {move || signed_in().map(|s| {
                    let exp = s.tokens.id_claims.exp;
                    view! { <time datetime=exp.to_string()>{local_time(exp)}</time> }
                })}
            </dd>
        </dl>
        <SessionHealth/>
        <button
            type="button"
            class="primary"
            on:click=move |_| {
                if !pending.get_untracked() {
                    sign_out.dispatch(());
                }
            }
            disabled=pending
            aria-busy=move || pending.get().then_some("true")
        >
            "Sign out"
        </button>
    }
}
