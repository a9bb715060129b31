//! What the session does with what other tabs tell it, and what it tells them (through the
//! channel in `tabs.rs`).

use super::SessionCtx;
use crate::clock;
use crate::storage;
use leptos::prelude::*;
use leptos_cognito_core::claims::decode_claims;
use leptos_cognito_core::session_rules::{may_adopt, SessionMark};
use leptos_cognito_core::tab_sync::TabMessage;
use leptos_cognito_core::Tokens;

impl SessionCtx {
    /// Takes tokens another tab got, where they are newer than this tab's and of a session it
    /// hasn't left; leaves when another tab signed out.
    pub(super) fn on_tab_message(&self, message: TabMessage) {
        if !self.alive() {
            return;
        }
        match message {
            TabMessage::Tokens {
                access,
                id,
                refresh,
                expires_in,
                age_ms,
                seq,
                sid,
            } => {
                let Ok(id_claims) = decode_claims(id.expose_secret()) else {
                    return;
                };
                let mark = SessionMark { sid, seq };
                if !may_adopt(mark, self.held_mark(), self.left_sid.get_value()) {
                    return;
                }
                let stored = storage::load_session(self.client().client_id());
                let in_storage = stored.is_some_and(|stored| stored.token == refresh);
                let tokens = Tokens {
                    access,
                    id,
                    refresh,
                    expires_in,
                    id_claims,
                    // Only the tab that signed in registers the device.
                    new_device: None,
                };
                self.enter(tokens, clock::now().minus(age_ms), mark, in_storage, None);
            }
            TabMessage::SignedOut => self.leave(),
        }
    }

    /// Tells the other tabs, where the browser has a channel between them.
    pub(super) fn post(&self, message: &TabMessage) {
        self.channel.with_value(|channel| {
            if let Some(channel) = channel {
                channel.post(message);
            }
        });
    }
}
