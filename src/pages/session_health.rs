use crate::components::{ErrorAlert, StatusNote};
use crate::session::{use_session, SessionState};
use leptos::prelude::*;

/// A time in milliseconds since the Unix epoch as the user's local time of day.
fn local_time_ms(epoch_ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_ms as f64));
    String::from(date.to_locale_time_string("en-GB"))
}

/// How fresh the session is: when it was last refreshed and will be next, whether a refresh is
/// being retried, whether it survives a reload, and a button that asks the server.
#[component]
pub fn SessionHealth() -> impl IntoView {
    let session = use_session();
    let schedule = move || match &*session.state().read() {
        SessionState::SignedIn(s) => Some((s.schedule, s.persisted)),
        _ => None,
    };
    let check = Action::new_local(move |_: &()| async move {
        let access = session.access_token().await.map_err(|e| e.to_string())?;
        session
            .client()
            .get_user(&access)
            .await
            .map(|_| js_sys::Date::now() as u64)
            .map_err(|e| e.to_string())
    });
    let pending = check.pending();
    let verified = Signal::derive(move || match check.value().get() {
        Some(Ok(at)) if !pending.get() => Some(format!(
            "Session verified by the server at {}.",
            local_time_ms(at)
        )),
        _ => None,
    });
    let failed = Signal::derive(move || match check.value().get() {
        Some(Err(message)) if !pending.get() => Some(message),
        _ => None,
    });
    let retrying = Signal::derive(move || {
        session
            .refresh_problem()
            .get()
            .map(|e| format!("Couldn't refresh the session ({e}) — retrying. You stay signed in."))
    });

    view! {
        <dl class="facts">
            <dt>"Last refreshed"</dt>
            <dd data-testid="last-refreshed">
                {move || schedule().map(|(s, _)| local_time_ms(s.received_at_ms))}
            </dd>
            <dt>"Next refresh"</dt>
            <dd data-testid="next-refresh">
                {move || schedule().map(|(s, _)| local_time_ms(s.refresh_at_ms))}
            </dd>
        </dl>
        <StatusNote message=retrying/>
        <p class="note" hidden=move || schedule().is_none_or(|(_, persisted)| persisted)>
            "This session won't survive a reload: the browser isn't letting this page store anything."
        </p>
        <StatusNote message=verified/>
        <ErrorAlert message=failed/>
        <button
            type="button"
            class="secondary"
            on:click=move |_| {
                if !pending.get_untracked() {
                    check.dispatch(());
                }
            }
            disabled=pending
        >
            "Check session"
        </button>
    }
}
