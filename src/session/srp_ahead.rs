//! SRP's secret `a` and `A = g^a` made while the user types, so that the click sends
//! `InitiateAuth` at once; and, once per page, the table that speeds up the math left for the
//! server's answer. Both run when the browser is idle after painting, never in the first render.

use super::SessionCtx;
use crate::idle::when_idle;
use leptos_cognito_core::srp::{self, SrpClient};
use leptos_cognito_core::AuthFlow;

impl SessionCtx {
    /// Makes the next sign-in's SRP attempt ahead, unless the flow sends the password itself or
    /// one is waiting. If the click comes first, the sign-in makes its own then.
    pub fn prepare_sign_in(&self) {
        if self.auth_flow == AuthFlow::UserPassword || self.client().srp_prepared() {
            return;
        }
        let client = self.client();
        when_idle(move || {
            if !client.srp_prepared() {
                // Without secure randomness the sign-in itself reports it.
                if let Ok(attempt) = SrpClient::generate() {
                    client.prepare_srp(attempt);
                }
            }
            when_idle(srp::precompute);
        });
    }
}
