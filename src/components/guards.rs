//! Guards that keep signed-in and signed-out pages apart.

use super::StatusNote;
use crate::embed::AfterSignIn;
use crate::i18n::use_i18n;
use crate::session::{use_session, Phase};
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_router::components::Redirect;

/// Renders its children only when nobody is signed in; a signed-in user goes on (back to an
/// allowed `?return_to=`, else to the session page).
#[component]
pub fn SignedOutOnly(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let phase = Memo::new(move |_| session.phase());
    move || match phase.get() {
        Phase::Restoring => view! { <Restoring/> }.into_any(),
        Phase::SignedIn => view! { <AfterSignIn/> }.into_any(),
        Phase::SignedOut => children().into_any(),
    }
}

/// Renders its children only for a signed-in user; others go to the sign-in page.
#[component]
pub fn SignedInOnly(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let phase = Memo::new(move |_| session.phase());
    move || match phase.get() {
        Phase::Restoring => view! { <Restoring/> }.into_any(),
        Phase::SignedOut => view! { <Redirect path="/sign-in"/> }.into_any(),
        Phase::SignedIn => children().into_any(),
    }
}

/// While a stored session is being restored; through a fault, says why it is taking long and
/// that it keeps trying (the stored session is kept, and nobody is told it ended).
#[component]
fn Restoring() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let retrying = i18n.words(move || {
        session
            .refresh_problem()
            .get()
            .map(|e| Text::RestoreRetrying(e.problem()))
    });
    view! {
        <p class="loading" role="status">{i18n.tr(Text::RestoringSession)}</p>
        <StatusNote message=retrying/>
    }
}
