//! The sign-in page that index.html paints before the app has loaded (web/prepaint.js): the
//! app's sign-in form takes it over, and any other page replaces it.
//!
//! Taking over keeps what the user did meanwhile: what was typed or filled in by a password
//! manager, which field had the focus and where its caret was, and a submit, made again once.

use crate::i18n::use_i18n;
use leptos::html::Form;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Lang;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlFormElement, HtmlInputElement};

thread_local! {
    /// Set when the sign-in form took over the focus of a pre-painted field, until the page's
    /// heading, which would otherwise take the focus, has seen it.
    static FOCUS_TAKEN_OVER: Cell<bool> = const { Cell::new(false) };
}

/// The pre-painted page (hidden where index.html's script found it does not apply).
fn screen() -> Option<Element> {
    document()
        .query_selector("[data-prepaint-screen]")
        .ok()
        .flatten()
}

/// Removes the pre-painted page, which a page other than the sign-in form replaces.
pub fn discard() {
    if let Some(screen) = screen() {
        screen.remove();
    }
}

/// Whether the page now shown took over the focus from the pre-painted one; answered once, for
/// the page's heading.
pub fn focus_taken_over() -> bool {
    FOCUS_TAKEN_OVER.replace(false)
}

/// The focused pre-painted element: its counterpart in the app (a selector) and, in an input,
/// the selection.
struct Focus {
    counterpart: String,
    selection: Option<(u32, u32)>,
}

/// What the pre-painted page held when it was taken out.
struct Taken {
    email: String,
    password: String,
    focus: Option<Focus>,
    submitted: bool,
    lang: Option<Lang>,
}

/// Takes the pre-painted page out of the document, with what it held; `None` where there is none
/// or it was never shown.
fn take() -> Option<Taken> {
    let screen = screen().filter(|screen| !screen.has_attribute("hidden"))?;
    let form = screen.query_selector("form[data-prepaint]").ok()??;
    let value = |name: &str| {
        input(&form, name)
            .map(|input| input.value())
            .unwrap_or_default()
    };
    let focus = document()
        .active_element()
        .filter(|element| screen.contains(Some(element)))
        .and_then(|element| {
            let selection = element.dyn_ref::<HtmlInputElement>().and_then(|input| {
                Some((input.selection_start().ok()??, input.selection_end().ok()??))
            });
            Some(Focus {
                counterpart: element.get_attribute("data-counterpart")?,
                selection,
            })
        });
    let lang = document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag));
    let taken = Taken {
        email: value("email"),
        password: value("password"),
        focus,
        submitted: form.has_attribute("data-queued"),
        lang,
    };
    screen.remove();
    Some(taken)
}

/// Takes over the pre-painted sign-in form, if the page shows one: its email, and its password
/// where the app's form asks for one, go into the app's fields. Once the returned form is in the
/// page, the focus and caret return to the same field (else to the form's first field) and a
/// submit made meanwhile is made again. A form without a password (`USER_AUTH` asks for the
/// email first) keeps the email but not the submit: its first screen is not the one submitted.
pub fn take_over(email: RwSignal<String>, password: Option<RwSignal<String>>) -> NodeRef<Form> {
    let node = NodeRef::<Form>::new();
    let Some(taken) = take() else {
        return node;
    };
    // The pre-paint's language switcher may have been used after the app chose its language.
    let i18n = use_i18n();
    if let Some(lang) = taken.lang.filter(|lang| *lang != untrack(|| i18n.lang())) {
        i18n.choose(lang);
    }
    if !taken.email.is_empty() {
        email.set(taken.email);
    }
    let resubmit = password.is_some_and(|password| {
        password.set(taken.password);
        taken.submitted
    });
    let focus = taken.focus;
    FOCUS_TAKEN_OVER.set(focus.is_some());
    node.on_load(move |form| {
        // The caret needs the values in place, which the fields' bindings write only later;
        // writing the same value again then leaves the caret where it is.
        for (name, value) in [("email", Some(email)), ("password", password)] {
            if let (Some(input), Some(value)) = (input(&form, name), value) {
                input.set_value(&value.get_untracked());
            }
        }
        if let Some(focus) = focus {
            restore(&form, &focus);
        }
        if resubmit {
            // Fails only for a form no longer in the page, which has nothing left to submit.
            let _ = form.request_submit();
        }
    });
    node
}

/// The form's input named `name`.
fn input(form: &Element, name: &str) -> Option<HtmlInputElement> {
    form.query_selector(&format!("input[name={name}]"))
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
}

/// Focuses the app's counterpart of the pre-painted focused element, with the same selection.
fn restore(form: &HtmlFormElement, focus: &Focus) {
    let counterpart = document().query_selector(&focus.counterpart).ok().flatten();
    let same = counterpart.is_some();
    let Some(target) = counterpart
        .or_else(|| form.query_selector("input").ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    // Focus fails only for an element no longer in the page.
    let _ = target.focus();
    if let (true, Some((start, end)), Some(input)) =
        (same, focus.selection, target.dyn_ref::<HtmlInputElement>())
    {
        // An email input's caret can be placed only while it is a text input.
        let kind = input.type_();
        if kind == "email" {
            input.set_type("text");
        }
        let _ = input.set_selection_range(start, end);
        if kind == "email" {
            input.set_type("email");
        }
    }
}
