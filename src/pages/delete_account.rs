//! Deleting the account: the user types what they sign in with to confirm, Cognito deletes the
//! user, and every tab (and the embedder) is signed out, at the pool domain too where the
//! session began there; then the page says it is done.

use crate::components::{ErrorAlert, PageHeading};
use crate::federation::Federation;
use crate::i18n::use_i18n;
use crate::routes::AuthRoute;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;
use leptos_cognito_core::i18n::{AccountText, Text};
use leptos_cognito_core::identifier::confirms_deletion;
use leptos_router::components::A;

const CONFIRM_ID: &str = "delete-confirm";

/// The profile page's section that deletes the signed-in user's account; `deleted` is set once
/// it is gone, before the session ends.
#[component]
pub fn DeleteAccount(deleted: RwSignal<bool>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    // Who the user is as the session shows them: the email, else the phone, else the username.
    let own = Signal::derive(move || match session.state().get() {
        SessionState::SignedIn(s) => s.email,
        _ => String::new(),
    });
    let typed = RwSignal::new(String::new());
    let mismatch = RwSignal::new(false);
    // Taken now: the session's end unmounts this section.
    let hosted = StoredValue::new(use_context::<Federation>());
    let delete = Action::new_local(move |_: &()| {
        let hosted = hosted.get_value();
        async move {
            let leave = move || deleted.set(true);
            session.delete_account(leave).await.err().or_else(|| {
                if let Some(federation) = hosted {
                    federation.end_hosted_session();
                }
                None
            })
        }
    });
    let pending = delete.pending();
    let failure = i18n.words(move || {
        (!pending.get())
            .then(|| delete.value().get().flatten().map(Text::Problem))
            .flatten()
    });
    let field_error = i18n.words(move || {
        mismatch
            .get()
            .then_some(Text::Account(AccountText::DeleteEmailMismatch))
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let own = own.get_untracked();
        let matches = typed.with_untracked(|t| confirms_deletion(t, &own));
        mismatch.set(!matches);
        if matches {
            delete.dispatch(());
        } else {
            crate::components::focus(CONFIRM_ID);
        }
    };

    view! {
        <section class="danger" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{i18n.tr(Text::Account(AccountText::DeleteTitle))}</h2>
            <p>{i18n.tr(Text::Account(AccountText::DeleteWarning))}</p>
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for=CONFIRM_ID>{move || i18n.t(&Text::Account(AccountText::DeleteConfirmLabel(own.get())))}</label>
                    <input
                        id=CONFIRM_ID
                        name=CONFIRM_ID
                        type="text"
                        autocomplete="off"
                        bind:value=typed
                        aria-invalid=move || mismatch.get().then_some("true")
                        aria-describedby=move || mismatch.get().then_some("delete-confirm-error")
                    />
                    <p id="delete-confirm-error" class="field-error" hidden=move || !mismatch.get()>
                        {move || field_error.get()}
                    </p>
                </div>
                <ErrorAlert message=failure/>
                <button type="submit" class="danger" disabled=pending aria-busy=move || pending.get().then_some("true")>
                    {i18n.tr(Text::Account(AccountText::DeleteButton))}
                </button>
            </form>
        </section>
    }
}

/// What the profile page shows once the account is deleted.
#[component]
pub fn AccountDeleted() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading text=Text::Account(AccountText::DeletedTitle)/>
        <p role="status">{i18n.tr(Text::Account(AccountText::DeletedBody))}</p>
        <p class="switch">
            <A href=AuthRoute::SignUp.path()>{i18n.tr(Text::CreateAnAccount)}</A>
            " · "
            <A href=AuthRoute::SignIn.path()>{i18n.tr(Text::BackToSignIn)}</A>
        </p>
    }
}
