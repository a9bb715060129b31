//! Where the pages live: [`AuthRoute`] names every path once, and [`AuthRoutes`] mounts them all
//! in a `<Routes>`, the app's and a host's alike, so a new page is added here and nowhere else.

use crate::on_demand::{OnDemand, OnDemandPage};
use crate::pages::{SessionPage, SignInPage};
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{MatchNestedRoutes, StaticSegment};

/// One of the library's pages, by the path it is mounted at.
///
/// ```
/// use leptos_cognito::AuthRoute;
///
/// assert_eq!(AuthRoute::SignIn.path(), "/sign-in");
/// assert_eq!(AuthRoute::ChangePassword.to_string(), "/change-password");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthRoute {
    /// Email and password sign-in ([`SignInPage`]).
    SignIn,
    /// Creating an account ([`SignUpPage`](crate::SignUpPage)).
    SignUp,
    /// Confirming a new account with the emailed code ([`ConfirmPage`](crate::ConfirmPage)).
    Confirm,
    /// Asking for a password reset code ([`ForgotPasswordPage`](crate::ForgotPasswordPage)).
    ForgotPassword,
    /// Setting a new password with that code ([`ResetPasswordPage`](crate::ResetPasswordPage)).
    ResetPassword,
    /// The password an administrator-created user must choose ([`NewPasswordPage`](crate::NewPasswordPage)).
    NewPassword,
    /// Who is signed in, with sign-out ([`SessionPage`]).
    Session,
    /// Changing the signed-in user's password ([`ChangePasswordPage`](crate::ChangePasswordPage)).
    ChangePassword,
    /// A second factor's code during sign-in ([`MfaCodePage`](crate::MfaCodePage)).
    MfaCode,
    /// Choosing a second factor to use or to set up during sign-in ([`MfaChoicePage`](crate::MfaChoicePage)).
    MfaChoice,
    /// Linking an authenticator app during sign-in ([`TotpSetupPage`](crate::TotpSetupPage)).
    TotpSetup,
    /// The signed-in user's second factors ([`SecurityPage`](crate::SecurityPage)).
    Security,
    /// Choosing how to sign in, with `USER_AUTH` ([`FirstFactorPage`](crate::FirstFactorPage)).
    FirstFactor,
    /// Signing in with a passkey ([`PasskeyPage`](crate::PasskeyPage)).
    Passkey,
    /// The signed-in user's remembered devices ([`DevicesPage`](crate::DevicesPage)).
    Devices,
    /// The signed-in user's attributes, email change and verification, and account deletion ([`ProfilePage`](crate::ProfilePage)).
    Profile,
    /// Where the pool domain sends the user back after a provider
    /// ([`OAuthCallbackPage`](crate::OAuthCallbackPage)); config.json's `oauth.redirectPath`.
    OAuthCallback,
}

impl AuthRoute {
    /// The absolute path, for links and navigation.
    pub const fn path(self) -> &'static str {
        match self {
            Self::SignIn => "/sign-in",
            Self::SignUp => "/sign-up",
            Self::Confirm => "/confirm",
            Self::ForgotPassword => "/forgot-password",
            Self::ResetPassword => "/reset-password",
            Self::NewPassword => "/new-password",
            Self::Session => "/session",
            Self::ChangePassword => "/change-password",
            Self::MfaCode => "/verify-sign-in",
            Self::MfaChoice => "/choose-verification",
            Self::TotpSetup => "/set-up-authenticator",
            Self::Security => "/security",
            Self::FirstFactor => "/choose-sign-in",
            Self::Passkey => "/passkey",
            Self::Devices => "/devices",
            Self::Profile => "/profile",
            Self::OAuthCallback => "/oauth2/callback",
        }
    }

    /// The path as the router matches it: one segment, without the slash.
    fn segment(self) -> StaticSegment<&'static str> {
        StaticSegment(self.path().trim_start_matches('/'))
    }
}

impl std::fmt::Display for AuthRoute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.path())
    }
}

/// Every page of the library at its [`AuthRoute`] path, for a `<Routes>` of the host's own, next
/// to the host's routes. It needs an [`AuthProvider`](crate::AuthProvider) around the routes.
///
/// The sign-in and session pages are part of the main wasm; with the `split` feature (and a build
/// that splits the wasm, as the site's does) every other page's code is fetched when needed.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_cognito::{AuthRoutes, NotFoundPage};
/// use leptos_router::components::{Route, Routes};
/// use leptos_router::path;
///
/// #[component]
/// fn HostRoutes() -> impl IntoView {
///     view! {
///         <Routes fallback=NotFoundPage>
///             <Route path=path!("/") view=|| "Home"/>
///             <AuthRoutes/>
///         </Routes>
///     }
/// }
/// ```
#[component(transparent)]
pub fn AuthRoutes() -> impl MatchNestedRoutes + Clone + Send + 'static {
    view! {
        <Route path=AuthRoute::SignIn.segment() view=SignInPage/>
        <Route path=AuthRoute::SignUp.segment() view=|| view! { <OnDemandPage page=OnDemand::SignUp/> }/>
        <Route path=AuthRoute::Confirm.segment() view=|| view! { <OnDemandPage page=OnDemand::Confirm/> }/>
        <Route path=AuthRoute::ForgotPassword.segment() view=|| view! { <OnDemandPage page=OnDemand::ForgotPassword/> }/>
        <Route path=AuthRoute::ResetPassword.segment() view=|| view! { <OnDemandPage page=OnDemand::ResetPassword/> }/>
        <Route path=AuthRoute::NewPassword.segment() view=|| view! { <OnDemandPage page=OnDemand::NewPassword/> }/>
        <Route path=AuthRoute::Session.segment() view=SessionPage/>
        <Route path=AuthRoute::ChangePassword.segment() view=|| view! { <OnDemandPage page=OnDemand::ChangePassword/> }/>
        <Route path=AuthRoute::MfaCode.segment() view=|| view! { <OnDemandPage page=OnDemand::MfaCode/> }/>
        <Route path=AuthRoute::MfaChoice.segment() view=|| view! { <OnDemandPage page=OnDemand::MfaChoice/> }/>
        <Route path=AuthRoute::TotpSetup.segment() view=|| view! { <OnDemandPage page=OnDemand::TotpSetup/> }/>
        <Route path=AuthRoute::Security.segment() view=|| view! { <OnDemandPage page=OnDemand::Security/> }/>
        <Route path=AuthRoute::FirstFactor.segment() view=|| view! { <OnDemandPage page=OnDemand::FirstFactor/> }/>
        <Route path=AuthRoute::Passkey.segment() view=|| view! { <OnDemandPage page=OnDemand::Passkey/> }/>
        <Route path=AuthRoute::Devices.segment() view=|| view! { <OnDemandPage page=OnDemand::Devices/> }/>
        <Route path=AuthRoute::Profile.segment() view=|| view! { <OnDemandPage page=OnDemand::Profile/> }/>
        // Two segments: a static segment matches one.
        <Route path=(StaticSegment("oauth2"), StaticSegment("callback")) view=|| view! { <OnDemandPage page=OnDemand::OAuthCallback/> }/>
    }
    .into_inner()
}
