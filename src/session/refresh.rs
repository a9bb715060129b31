//! Keeping the session fresh: a timer for the planned refresh, wake-ups for when timers were
//! throttled or the machine slept, one refresh at a time (in this tab and across tabs), retries
//! with backoff through faults, and an `access_token()` that never hands out an expired token.

use super::{SessionCtx, SessionState};
use crate::clock;
use crate::storage;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::schedule::retry_delay_ms;
use leptos_cognito_core::secret::{AccessToken, RefreshToken};
use leptos_cognito_core::session_rules::{
    after_failure, completion, next_step, Completion, FailureVerdict, Held, RefreshStep,
    SessionMark, Ticket,
};
use leptos_cognito_core::CognitoError;

/// A refresh in progress; every caller awaiting a refresh shares it.
pub(super) type Flight = Shared<LocalBoxFuture<'static, Result<(), CognitoError>>>;

/// How long a tab that finds another tab's newer record waits for that tab's tokens to arrive
/// over the channel before it refreshes with the stored token itself.
const AWAIT_TABS_MS: u32 = 1_500;

/// How long a tab keeps the refresh lock after storing and announcing fresh tokens. Storage
/// writes and channel messages reach other tabs' processes asynchronously (11 ms after the lock
/// was handed over, in one measured double refresh); holding the lock this much longer lets
/// both arrive before the next tab decides.
const SETTLE_MS: u32 = 250;

/// Why no access token could be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SessionError {
    /// Nobody is signed in.
    #[error("Nobody is signed in.")]
    SignedOut,
    /// The token had expired and the refresh failed (the session may still recover).
    #[error("the session could not be refreshed: {0}")]
    Refresh(CognitoError),
}

impl SessionError {
    /// What to tell the user.
    pub fn problem(&self) -> Problem {
        match self {
            Self::SignedOut => Problem::SessionExpired,
            Self::Refresh(error) => error.problem(),
        }
    }
}

impl SessionCtx {
    /// A valid access token for calling APIs as the user. If the current one has expired (by the
    /// local clocks, with a margin for the request's flight), this waits for the refresh.
    pub async fn access_token(&self) -> Result<AccessToken, SessionError> {
        // Twice at most: after a successful refresh the token is fresh.
        for _ in 0..2 {
            let current = self.state.try_with_untracked(|state| match state {
                SessionState::SignedIn(session) => {
                    Some((session.tokens.access.clone(), session.schedule))
                }
                _ => None,
            });
            let (access, schedule) = current.flatten().ok_or(SessionError::SignedOut)?;
            let now = clock::now();
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
        let ticket = self.generation.get_value().ticket();
        let flight = async move {
            let result = ctx.refresh_once(ticket).await;
            ctx.flight.set_value(None);
            result
        }
        .boxed_local()
        .shared();
        self.flight.set_value(Some(flight.clone()));
        flight
    }

    /// Whether work that began with `ticket` may still act: the provider is mounted and
    /// nobody signed in or out since.
    fn is_current(&self, ticket: Ticket) -> bool {
        self.generation
            .try_with_value(|generation| generation.is_current(ticket))
            .unwrap_or(false)
    }

    /// One refresh under the cross-tab lock, then whatever its outcome calls for.
    async fn refresh_once(self, ticket: Ticket) -> Result<(), CognitoError> {
        if !self.is_current(ticket) {
            return Ok(());
        }
        let ctx = self;
        let outcome = self
            .with_refresh_lock(async move { ctx.refresh_locked(ticket).await })
            .await
            .unwrap_or_else(|| Err(CognitoError::Network("the browser's lock failed".into())));
        if let Err(error) = &outcome {
            if self.is_current(ticket) {
                self.retry_later(error);
            }
        }
        outcome
    }

    /// The part of a refresh that holds the lock: decide from what storage holds now (another
    /// tab may have refreshed or signed out while this one waited), refresh if needed, and keep
    /// the result. Nothing here may wait on another tab's message to decide.
    async fn refresh_locked(self, ticket: Ticket) -> Result<(), CognitoError> {
        if !self.is_current(ticket) {
            return Ok(());
        }
        let client_id = self.client().client_id().to_owned();
        let stored = storage::load_session(&client_id);
        let step = self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => next_step(
                stored.as_ref(),
                Some(Held {
                    refresh: &session.tokens.refresh,
                    seq: session.mark.seq,
                    due: session.schedule.is_due(clock::now()),
                    persisted: session.persisted,
                }),
            ),
            SessionState::Restoring => next_step(stored.as_ref(), None),
            SessionState::SignedOut => RefreshStep::Nothing,
        });
        let sid_at_start = stored.as_ref().map(|s| s.sid);
        match step {
            RefreshStep::Nothing => Ok(()),
            RefreshStep::SignedOutElsewhere => {
                self.leave();
                Ok(())
            }
            RefreshStep::AwaitTabs(token) => {
                let announced = stored.map(|s| SessionMark {
                    sid: s.sid,
                    seq: s.seq,
                });
                if self.tokens_arrive(announced, ticket).await {
                    return Ok(());
                }
                self.refresh_with(token, sid_at_start, ticket).await
            }
            RefreshStep::Refresh(token) => self.refresh_with(token, sid_at_start, ticket).await,
        }
    }

    /// Waits briefly for another tab's announcement of the tokens stored as `announced`.
    async fn tokens_arrive(&self, announced: Option<SessionMark>, ticket: Ticket) -> bool {
        for _ in 0..AWAIT_TABS_MS / 50 {
            if !self.is_current(ticket) {
                return true;
            }
            let arrived = self.held_mark().is_some_and(|held| {
                announced.is_some_and(|a| held.sid == a.sid && held.seq >= a.seq)
            });
            if arrived {
                return true;
            }
            TimeoutFuture::new(50).await;
        }
        false
    }

    /// Exchanges `token` for fresh tokens. Cognito's "no" is judged against storage: a newer
    /// token stored by another tab is adopted (once) rather than ending the session.
    async fn refresh_with(
        self,
        token: RefreshToken,
        sid_at_start: Option<u64>,
        ticket: Ticket,
    ) -> Result<(), CognitoError> {
        let client = self.client();
        let mut sent = token;
        let mut adopted = false;
        loop {
            let result = client.refresh(sent.clone(), self.session_device()).await;
            let current = self.is_current(ticket);
            let stored = current
                .then(|| storage::load_session(client.client_id()))
                .flatten();
            let error = match result {
                Ok(tokens) => {
                    match completion(current, sid_at_start, stored.as_ref()) {
                        Completion::Apply => {
                            self.establish(tokens, None, false);
                            TimeoutFuture::new(SETTLE_MS).await;
                        }
                        Completion::SignedOutElsewhere => self.leave(),
                        // Signed out (or unmounted) meanwhile: keep nothing, tell nobody; a
                        // token rotated on the way is revoked so that it cannot outlive the
                        // sign-out.
                        Completion::Discard if tokens.refresh != sent => {
                            // Not awaited: the lock is not to be held for it.
                            spawn_local(async move {
                                let _ = client.revoke_token(&tokens.refresh).await;
                            });
                        }
                        Completion::Discard => {}
                    }
                    return Ok(());
                }
                Err(_) if !current => return Ok(()),
                Err(error) => error,
            };
            match after_failure(&error, &sent, stored.as_ref()) {
                FailureVerdict::Retry => return Err(error),
                FailureVerdict::Adopt if !adopted => {
                    adopted = true;
                    if let Some(newer) = stored {
                        sent = newer.token;
                    }
                }
                FailureVerdict::Adopt | FailureVerdict::End => {
                    // Nothing newer is stored: the session is over, in every tab.
                    self.forget();
                    self.ended.set(true);
                    return Ok(());
                }
            }
        }
    }

    /// A fault: keep the session (signed in, or still restoring), say why, try again later.
    fn retry_later(&self, error: &CognitoError) {
        self.refresh_problem.set(Some(error.clone()));
        let attempt = self.retries.get_value();
        self.retries.set_value(attempt.saturating_add(1));
        self.set_timer(retry_delay_ms(attempt, js_sys::Math::random()));
    }

    /// Plans the next refresh of the current tokens.
    pub(super) fn schedule_refresh(&self) {
        let delay = self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => Some(session.schedule.refresh_in_ms(clock::now())),
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
        self.timer
            .set_value(Some(Timeout::new(delay, move || ctx.on_timer())));
    }

    /// A timer can fire early (or a retry can be due): refresh if due, else plan again.
    fn on_timer(&self) {
        if !self.alive() {
            return;
        }
        match self.due() {
            Some(true) => self.refresh_in_background(),
            Some(false) => self.schedule_refresh(),
            None => {}
        }
    }

    /// Whether a refresh is due: always while restoring or retrying, by the schedule while
    /// signed in; `None` when signed out.
    fn due(&self) -> Option<bool> {
        let retrying = self.refresh_problem.with_untracked(Option::is_some);
        self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => {
                Some(retrying || session.schedule.is_due(clock::now()))
            }
            SessionState::Restoring => Some(true),
            SessionState::SignedOut => None,
        })
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
        if self.alive() && !document().hidden() && self.due() == Some(true) {
            self.refresh_in_background();
        }
    }
}
