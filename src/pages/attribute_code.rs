//! Entering the code sent to an email address or phone number (a new one that waits for it, or
//! one not yet verified), with sending the code again.

use super::code_step::checked_code;
use crate::components::{ActionButton, ErrorAlert, Form, StatusNote, SubmitButton, TextField};
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::attributes::Verifiable;
use leptos_cognito_core::i18n::{AccountText, Text};

/// The element ids of an attribute's code section: one set per attribute, as both sections
/// can be on the page at once.
pub(super) struct CodeIds {
    /// The section's heading, which names it.
    pub heading: &'static str,
    /// The code's field.
    pub field: &'static str,
}

pub(super) fn code_ids(attribute: Verifiable) -> CodeIds {
    match attribute {
        Verifiable::Email => CodeIds {
            heading: "email-code-heading",
            field: "email-code",
        },
        Verifiable::PhoneNumber => CodeIds {
            heading: "phone-number-code-heading",
            field: "phone-number-code",
        },
    }
}

/// The code's field with "Verify" and "Send the code again" for `attribute`. `sent_to`: where
/// the first code went (masked), said until a new one is sent. `on_verified` runs once the
/// value is proven.
#[component]
pub fn AttributeCodeForm(
    attribute: Verifiable,
    #[prop(into)] sent_to: Signal<Option<String>>,
    on_verified: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let form = Form::default();
    let id = code_ids(attribute).field;
    let code_field = form.field(id, move || checked_code(&code.get()));
    let verify = Action::new_local(move |code: &String| {
        let code = code.clone();
        async move {
            let verified = session.verify_attribute(attribute, code).await;
            if verified.is_ok() {
                on_verified.run(());
            }
            verified.err()
        }
    });
    let resend = Action::new_local(move |_: &()| async move {
        session
            .send_attribute_code(attribute)
            .await
            .map(|delivery| delivery.and_then(|d| d.destination))
    });
    let busy = Signal::derive(move || verify.pending().get() || resend.pending().get());
    let status = i18n.words(move || match resend.value().get() {
        Some(Ok(_)) if !resend.pending().get() => Some(Text::Account(AccountText::CodeSentAgain)),
        _ => sent_to
            .get()
            .map(|to| Text::Account(AccountText::CodeSentTo(to))),
    });
    let failure = i18n.words(move || {
        if busy.get() {
            return None;
        }
        let resent = resend.value().get().and_then(Result::err);
        let verified = verify.value().get().flatten();
        verified.or(resent).map(Text::Problem)
    });
    let on_submit = form.on_submit(busy, move || {
        if let Some(code) = code_field.value() {
            resend.value().set(None);
            verify.dispatch(code);
        }
    });

    view! {
        <StatusNote message=status/>
        <form on:submit=on_submit novalidate>
            <TextField id=id label=Text::Account(AccountText::VerificationCode) autocomplete="one-time-code" inputmode="numeric" value=code error=code_field.error()/>
            <ErrorAlert message=failure/>
            <div class="actions">
                <SubmitButton label=Text::Account(AccountText::Verify) pending=verify.pending()/>
                <ActionButton
                    label=Text::Account(AccountText::SendCodeAgain)
                    pending=resend.pending()
                    disabled=busy
                    on_click=move || {
                        if !busy.get_untracked() {
                            verify.value().set(None);
                            resend.dispatch(());
                        }
                    }
                />
            </div>
        </form>
    }
}
