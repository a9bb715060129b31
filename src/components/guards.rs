//! Guards that keep signed-in and signed-out pages apart.

use super::StatusNote;
use crate::i18n::use_i18n;
use crate::page_address::use_page_address;
use crate::return_to::AfterSignIn;
use crate::routes::AuthRoute;
use crate::session::{use_session, Phase};
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_router::components::Redirect;
use leptos_router::NavigateOptions;

/// Renders its children only for a signed-in user. A signed-out visitor is sent to the sign-in
/// page, which brings them back here once they are signed in (`?return_to=` this page's path,
/// query and fragment); while a stored session is being restored, a status line says so.
///
/// Use it inside the `<Router>` and the [`AuthProvider`](crate::AuthProvider):
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_cognito::RequireAuth;
///
/// #[component]
/// fn Dashboard() -> impl IntoView {
///     view! {
///         <RequireAuth>
///             <p>"Only signed-in users see this."</p>
///         </RequireAuth>
///     }
/// }
/// ```
#[component]
pub fn RequireAuth(children: ChildrenFn) -> impl IntoView {
    let page = use_page_address();
    let signed_out = move || {
        let here = page.with_untracked(|page| page.local.clone());
        let return_to = String::from(js_sys::encode_uri_component(&here));
        let path = format!("{}?return_to={return_to}", AuthRoute::SignIn.path());
        // Replaced, so that Back does not lead to this page only to be sent away again.
        let options = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        view! { <Redirect path options/> }
    };
    signed_in_only(children, signed_out)
}

/// Renders its children only for a signed-in user; others go to the sign-in page, and from there
/// to the session page: for the library's own account pages, where that is the way back anyway.
#[component]
pub fn SignedInOnly(children: ChildrenFn) -> impl IntoView {
    signed_in_only(children, || view! { <Redirect path=AuthRoute::SignIn/> })
}

/// Children for a signed-in user, `signed_out` for anyone else, a status line while restoring.
fn signed_in_only<V: IntoView + 'static>(
    children: ChildrenFn,
    signed_out: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let phase = Memo::new(move |_| session.phase());
    move || match phase.get() {
        Phase::Restoring => view! { <Restoring/> }.into_any(),
        Phase::SignedOut => signed_out().into_any(),
        Phase::SignedIn => children().into_any(),
    }
}

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
