//! SRP's secret `a` and `A = g^a` made while the user types, so that the click sends
//! `InitiateAuth` at once; and, once per page, the table that speeds up the math left for the
//! server's answer. Both run when the browser is idle after painting, never in the first render.

use super::SessionCtx;
use leptos_cognito_core::srp::{self, SrpClient};
use leptos_cognito_core::AuthFlow;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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

/// Runs `f` once the browser is idle (`requestIdleCallback`); where there is no such thing
/// (Safari), in a task after the next frame has been painted.
fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(f);
    let callback: &js_sys::Function = callback.unchecked_ref();
    if window.request_idle_callback(callback).is_ok() {
        return;
    }
    let callback = callback.clone();
    let after_paint = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            _ = window.set_timeout_with_callback(&callback);
        }
    });
    _ = window.request_animation_frame(after_paint.unchecked_ref());
}
