//! Keeping the session fresh: a timer for the planned refresh, wake-ups for when timers were
//! throttled or the machine slept, one refresh at a time (in this tab and across tabs), retries
//! with backoff through faults, and an `access_token()` that never hands out an expired token.

use super::{lock, now_ms, SessionCtx, SessionState};
use crate::storage;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_cognito_core::schedule::{ends_session, retry_delay_ms};
use leptos_cognito_core::secret::{AccessToken, RefreshToken};
use leptos_cognito_core::{storage_keys, CognitoError};

/// A refresh in progress; every caller awaiting a refresh shares it.
pub(super) type Flight = Shared<LocalBoxFuture<'static, Result<(), CognitoError>>>;

/// Why no access token could be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("Nobody is signed in.")]
    SignedOut,
    /// The token had expired and the refresh failed (the session may still recover).
    #[error("{0}")]
    Refresh(CognitoError),
}

impl SessionCtx {
    /// A valid access token for calling APIs as the user. If the current one has expired (by the
    /// local clock, with a margin for the request's flight), this waits for the refresh.
    pub async fn access_token(&self) -> Result<AccessToken, SessionError> {
        // Twice at most: after a successful refresh the token is fresh.
        for _ in 0..2 {
            let current = self.state.with_untracked(|state| match state {
                SessionState::SignedIn(session) => {
                    Some((session.tokens.access.clone(), session.schedule))
                }
                _ => None,
            });
            let (access, schedule) = current.ok_or(SessionError::SignedOut)?;
            let now = now_ms();
            if !schedule.is_expired(now) {
                if schedule.is_due(now) {
                    self.refresh_in_background();
                }
                return Ok(access);
            }
            self.refresh().await.map_err(SessionError::Refresh)?;
        }
        Err(SessionError::SignedOut)
    }

    /// Starts (or joins) a refresh without waiting for it; failures are handled inside.
    pub(super) fn refresh_in_background(&self) {
        let flight = self.refresh();
        spawn_local(async move {
            let _ = flight.await;
        });
    }

    /// The refresh in flight, or a new one.
    fn refresh(&self) -> Flight {
        if let Some(flight) = self.flight.get_value() {
            return flight;
        }
        let ctx = *self;
        let flight = async move {
            let result = ctx.refresh_once().await;
            ctx.flight.set_value(None);
            result
        }
        .boxed_local()
        .shared();
        self.flight.set_value(Some(flight.clone()));
        flight
    }

    /// One refresh under the cross-tab lock, then whatever its outcome calls for.
    async fn refresh_once(self) -> Result<(), CognitoError> {
        let client_id = self.client().client_id().to_owned();
        let tab_id = self.tab_id.get_value();
        let ctx = self;
        let outcome = lock::with_lock(
            &storage_keys::tab_channel(&client_id),
            &storage_keys::refresh_lease(&client_id),
            &tab_id,
            async move {
                // Another tab may have refreshed while we waited, and told us: nothing to do.
                if let Some(token) = ctx.token_to_refresh() {
                    let tokens = ctx.client().refresh(token).await?;
                    // Still holding the lock: the other tabs hear of these tokens before any of
                    // them can take the lock and find its own tokens due.
                    ctx.establish(tokens, None);
                }
                Ok(())
            },
        )
        .await
        .unwrap_or_else(|| Err(CognitoError::Network("the browser's lock failed".into())));
        if let Err(error) = &outcome {
            self.refresh_failed(error);
        }
        outcome
    }

    /// The refresh token to use if a refresh is (still) needed. The stored one comes first: if
    /// the pool rotates refresh tokens, another tab may have stored a newer one.
    fn token_to_refresh(&self) -> Option<RefreshToken> {
        let in_memory = self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) if session.schedule.is_due(now_ms()) => {
                Some(Some(session.tokens.refresh.clone()))
            }
            SessionState::SignedIn(_) | SessionState::SignedOut => None,
            SessionState::Restoring => Some(None),
        })?;
        storage::load_refresh_token(self.client().client_id()).or(in_memory)
    }

    fn refresh_failed(&self, error: &CognitoError) {
        let restoring = matches!(self.state.get_untracked(), SessionState::Restoring);
        if ends_session(error) {
            // The refresh token is expired or revoked: nothing will bring this session back.
            self.forget(true);
            self.ended.set(true);
        } else if restoring {
            // Keep the stored token: the next reload (or the server coming back) can use it.
            self.restore_error.set(Some(error.clone()));
            self.state.set(SessionState::SignedOut);
        } else {
            // Still signed in: retry with backoff; the access token may well still be valid.
            self.refresh_problem.set(Some(error.clone()));
            let attempt = self.retries.get_value();
            self.retries.set_value(attempt.saturating_add(1));
            self.set_timer(retry_delay_ms(attempt, js_sys::Math::random()));
        }
    }

    /// Plans the next refresh of the current tokens.
    pub(super) fn schedule_refresh(&self) {
        let delay = self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => Some(session.schedule.refresh_in_ms(now_ms())),
            _ => None,
        });
        match delay {
            Some(delay) => self.set_timer(delay),
            None => self.timer.set_value(None),
        }
    }

    fn set_timer(&self, delay_ms: u64) {
        let ctx = *self;
        let delay = u32::try_from(delay_ms).unwrap_or(u32::MAX);
        // Replacing the stored timeout drops (cancels) the previous one.
        self.timer.set_value(Some(Timeout::new(delay, move || {
            ctx.refresh_in_background()
        })));
    }

    /// Background tabs throttle timers and laptops sleep: when the page becomes visible, comes
    /// back online or gets focus, refresh at once if a refresh is due.
    pub(super) fn listen_for_wake_ups(&self) {
        let ctx = *self;
        for event in ["visibilitychange", "online", "focus"] {
            let handle = window_event_listener_untyped(event, move |_| ctx.wake_up());
            on_cleanup(move || handle.remove());
        }
    }

    fn wake_up(&self) {
        if document().hidden() {
            return;
        }
        let due = self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => session.schedule.is_due(now_ms()),
            _ => false,
        });
        if due {
            self.refresh_in_background();
        }
    }
}
