//! Entering the session with tokens from the pool domain's `/oauth2/token`: the same session as
//! every other sign-in (stored refresh token, silent refresh, tabs, embedding).

use super::SessionCtx;
use leptos::prelude::*;
use leptos_cognito_core::{SignInOutcome, Tokens};

impl SessionCtx {
    /// Starts a session with the tokens a sign-in through a provider earned.
    pub(crate) fn enter_federated(&self, tokens: Tokens) {
        self.signing_in_device.set_value(None);
        let email = tokens.id_claims.email.clone().unwrap_or_default();
        // Tokens are a finished sign-in: there is no challenge to hand on.
        let _ = self.signed_in(SignInOutcome::SignedIn(tokens), &email);
    }
}
