//! The pages that are not needed to sign in or to see the session. With the `split` feature (the
//! site's build; scripts/wasm-split splits its wasm) each is a wasm chunk of its own, fetched when
//! the page is first shown, when a link to it is pointed at or focused, or once the browser is
//! idle. Without the feature they are in the one wasm and show at once.

use crate::components::PageHeading;
use crate::federation::Federation;
use crate::i18n::use_i18n;
use crate::idle::when_idle;
use crate::pages::{
    ChangePasswordPage, ConfirmPage, DevicesPage, FederatedButtons, FirstFactorPage,
    ForgotPasswordPage, MfaChoicePage, MfaCodePage, NewPasswordPage, OAuthCallbackPage,
    PasskeyPage, ProfilePage, ResetPasswordPage, SecurityPage, SignUpPage, TotpSetupPage,
};
use crate::routes::AuthRoute;
use futures::FutureExt;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_cognito_core::i18n::Text;
use wasm_bindgen::JsCast;

/// A page's code did not arrive (the network, usually); loading it again starts afresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageLoadFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PageLoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

/// Renders a page; returned from inside the page's chunk, so the page's code stays there.
type Render = fn() -> AnyView;

/// `route => Page, loader, preloader;` for each page fetched on demand: the loader returns the
/// page's [`Render`] once its chunk is in, the preloader only fetches the chunk.
macro_rules! on_demand_pages {
    ($($route:ident => $page:ident, $load:ident, $preload:ident;)*) => {
        $(
            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split(
                $load,
                wasm_split_path = ::leptos::wasm_split,
                preload($preload),
                fallible
            )]
            fn $load() -> Result<Render, PageLoadFailed> {
                Ok(|| view! { <$page/> }.into_any())
            }

            #[cfg(not(feature = "split"))]
            async fn $load() -> Result<Render, PageLoadFailed> {
                Ok(|| view! { <$page/> }.into_any())
            }
        )*

        /// A page fetched on demand.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum OnDemand {
            $($route,)*
        }

        impl OnDemand {
            /// Every one, in the order they are fetched when the browser is idle.
            const ALL: &[Self] = &[$(Self::$route),*];

            fn route(self) -> AuthRoute {
                match self {
                    $(Self::$route => AuthRoute::$route,)*
                }
            }

            /// The page's [`Render`] once its code is in.
            async fn load(self) -> Result<Render, PageLoadFailed> {
                match self {
                    $(Self::$route => $load().await,)*
                }
            }

            /// Fetches the page's code without showing it. A failure is left for showing the
            /// page to report (and retry).
            async fn preload(self) {
                #[cfg(feature = "split")]
                match self {
                    $(Self::$route => drop($preload().await),)*
                }
            }
        }
    };
}

on_demand_pages! {
    SignUp => SignUpPage, sign_up_page, preload_sign_up_page;
    ForgotPassword => ForgotPasswordPage, forgot_password_page, preload_forgot_password_page;
    Confirm => ConfirmPage, confirm_page, preload_confirm_page;
    ResetPassword => ResetPasswordPage, reset_password_page, preload_reset_password_page;
    MfaCode => MfaCodePage, mfa_code_page, preload_mfa_code_page;
    MfaChoice => MfaChoicePage, mfa_choice_page, preload_mfa_choice_page;
    TotpSetup => TotpSetupPage, totp_setup_page, preload_totp_setup_page;
    NewPassword => NewPasswordPage, new_password_page, preload_new_password_page;
    FirstFactor => FirstFactorPage, first_factor_page, preload_first_factor_page;
    Passkey => PasskeyPage, passkey_page, preload_passkey_page;
    ChangePassword => ChangePasswordPage, change_password_page, preload_change_password_page;
    Security => SecurityPage, security_page, preload_security_page;
    Devices => DevicesPage, devices_page, preload_devices_page;
    Profile => ProfilePage, profile_page, preload_profile_page;
    OAuthCallback => OAuthCallbackPage, oauth_callback_page, preload_oauth_callback_page;
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(federated_buttons, wasm_split_path = ::leptos::wasm_split, fallible)]
fn federated_buttons() -> Result<Render, PageLoadFailed> {
    Ok(|| view! { <FederatedButtons/> }.into_any())
}

#[cfg(not(feature = "split"))]
async fn federated_buttons() -> Result<Render, PageLoadFailed> {
    Ok(|| view! { <FederatedButtons/> }.into_any())
}

/// The provider buttons under the sign-in form, when config.json has `oauth`: fetched with the
/// page, shown once in. A site without `oauth` never fetches them; if they don't arrive, the
/// rest of the form still works.
#[component]
pub(crate) fn FederatedSignIn() -> impl IntoView {
    let loaded = RwSignal::new(None::<Render>);
    if use_context::<Federation>().is_some() {
        let mut pending = Box::pin(federated_buttons());
        match (&mut pending).now_or_never() {
            Some(result) => loaded.set(result.ok()),
            None => spawn_local(async move {
                loaded.try_set(pending.await.ok());
            }),
        }
    }
    move || loaded.get().map(|render| untrack(render))
}

impl OnDemand {
    /// The page at this path (of a link), if it is fetched on demand.
    fn at_path(path: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|page| path.ends_with(page.route().path()))
    }
}

/// Fetches every on-demand page's code, one after the other.
fn prefetch_all() {
    spawn_local(async {
        for page in OnDemand::ALL {
            page.preload().await;
        }
    });
}

/// In the split build, fetches a page's code before it is asked for: when a link to it is
/// pointed at or focused, and every page's once the browser is idle after the first paint.
pub(crate) fn prefetch_in_background() {
    if !cfg!(feature = "split") {
        return;
    }
    let pointed = window_event_listener(leptos::ev::pointerover, |event| prefetch_link(&event));
    let focused = window_event_listener(leptos::ev::focusin, |event| prefetch_link(&event));
    on_cleanup(move || {
        pointed.remove();
        focused.remove();
    });
    when_idle(prefetch_all);
}

/// Prefetches the page of the link the event happened in, if any.
fn prefetch_link(event: &web_sys::Event) {
    let href = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten())
        .and_then(|link| link.get_attribute("href"));
    if let Some(href) = href {
        let path = href.split(['?', '#']).next().unwrap_or_default();
        if let Some(page) = OnDemand::at_path(path) {
            spawn_local(page.preload());
        }
    }
}

/// Shows the page, fetching its code first if it isn't in yet: meanwhile a loading note, and if
/// it does not arrive a message with a button to try again. Only this page is affected: the rest
/// of the app, and what was typed elsewhere, stay as they are.
#[component]
pub(crate) fn OnDemandPage(page: OnDemand) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(None::<Result<Render, PageLoadFailed>>);
    let attempt = move || {
        let mut pending = Box::pin(page.load());
        // A chunk already in (or no chunk at all) shows in the same frame, without a loading note.
        match (&mut pending).now_or_never() {
            Some(result) => state.set(Some(result)),
            None => spawn_local(async move {
                state.try_set(Some(pending.await));
            }),
        }
    };
    attempt();
    move || match state.get() {
        None => view! { <p class="loading" role="status">{i18n.tr(Text::Loading)}</p> }.into_any(),
        Some(Ok(render)) => untrack(render),
        Some(Err(PageLoadFailed)) => view! {
            <PageHeading text=Text::PageUnavailable />
            <div class="alert" role="alert">{i18n.tr(Text::PageLoadFailed)}</div>
            <button
                type="button"
                on:click=move |_| {
                    state.set(None);
                    attempt();
                }
            >
                {i18n.tr(Text::RetryPageLoad)}
            </button>
        }
        .into_any(),
    }
}
