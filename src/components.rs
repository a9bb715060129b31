//! Small building blocks shared by the pages: labelled fields, the submit button, messages,
//! and the guards that keep signed-in and signed-out pages apart.

use crate::session::{use_session, Phase};
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// A labelled input. Its error, when present, is linked with `aria-describedby` and marks the
/// input `aria-invalid`.
#[component]
pub fn TextField(
    /// Element id, also the base of the error's id.
    id: &'static str,
    label: &'static str,
    /// The input type: `email`, `password`, `text`.
    #[prop(default = "text")]
    kind: &'static str,
    /// The `autocomplete` hint that lets password managers fill the field.
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                bind:value=value
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || error.get().map(|_| described_by.clone())
            />
            <p id=error_id class="field-error" hidden=move || error.get().is_none()>
                {move || error.get()}
            </p>
        </div>
    }
}

/// The form's submit button. While `pending` it is disabled and busy; its name stays the same
/// so assistive technology (and tests) keep finding it.
#[component]
pub fn SubmitButton(label: &'static str, #[prop(into)] pending: Signal<bool>) -> impl IntoView {
    view! {
        <button type="submit" class="primary" disabled=pending aria-busy=move || pending.get().then_some("true")>
            {label}
        </button>
    }
}

/// The form's live region for errors: always in the page, so screen readers announce changes.
#[component]
pub fn ErrorAlert(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="alert" role="alert" aria-live="assertive" hidden=move || message.get().is_none()>
            {move || message.get()}
        </div>
    }
}

/// A polite status line for good news ("code sent", "account confirmed").
#[component]
pub fn StatusNote(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="note" role="status" aria-live="polite" hidden=move || message.get().is_none()>
            {move || message.get()}
        </p>
    }
}

/// Renders its children only when nobody is signed in; a signed-in user goes to the session page.
#[component]
pub fn SignedOutOnly(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let phase = Memo::new(move |_| session.phase());
    move || match phase.get() {
        Phase::Restoring => restoring().into_any(),
        Phase::SignedIn => view! { <Redirect path="/session"/> }.into_any(),
        Phase::SignedOut => children().into_any(),
    }
}

/// Renders its children only for a signed-in user; others go to the sign-in page.
#[component]
pub fn SignedInOnly(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let phase = Memo::new(move |_| session.phase());
    move || match phase.get() {
        Phase::Restoring => restoring().into_any(),
        Phase::SignedOut => view! { <Redirect path="/sign-in"/> }.into_any(),
        Phase::SignedIn => children().into_any(),
    }
}

fn restoring() -> impl IntoView {
    view! { <p class="loading" role="status">"Restoring your session…"</p> }
}

/// Moves keyboard focus to an element, e.g. the first invalid field after a submit.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Focus can only fail for detached elements; nothing to report to the user.
        let _ = element.focus();
    }
}
