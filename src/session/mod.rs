//! The signed-in session, shared through context as [`SessionCtx`].
//!
//! The session keeps itself fresh: see `refresh.rs` for the schedule, the wake-ups and the
//! single flight across tabs, `tabs.rs` and `tab_messages.rs` for what tabs tell each other,
//! `lock.rs` for the lock, `sign_out.rs` for signing out. The decisions themselves are pure functions in
//! [`leptos_cognito_core::session_rules`].

mod account;
mod challenge;
mod devices;
mod federated;
mod lock;
mod mfa;
mod passkeys;
mod password;
mod refresh;
mod sign_out;
mod srp_ahead;
mod tab_messages;
mod tabs;

pub use challenge::{ChallengeAnswer, SiteFirstFactors};
pub use mfa::MfaSettings;
pub use refresh::SessionError;
pub(crate) use sign_out::{SignOutScope, UnfinishedSignOut};

use crate::clock;
use crate::storage;
use crate::transport::FetchTransport;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos_cognito_core::api::ChallengeSessionInfo;
use leptos_cognito_core::config::DeviceTracking;
use leptos_cognito_core::identifier::display_name;
use leptos_cognito_core::schedule::{Moment, RefreshSchedule, TokenTimes};
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::session_rules::{Generation, SessionMark, StoredSession};
use leptos_cognito_core::tab_sync::TabMessage;
use leptos_cognito_core::{
    storage_keys, AppConfig, CognitoClient, CognitoError, ErrorCode, SignInOutcome, Tokens,
};
use refresh::Flight;
use tabs::TabChannel;

/// The Cognito client the pages use.
pub type Client = CognitoClient<FetchTransport>;

/// A signed-in user's tokens and their refresh plan. Lives in memory; only the refresh token is
/// persisted.
#[derive(Debug, Clone)]
pub struct Session {
    /// Who is signed in, as shown: the id token's `email` claim, else its `phone_number`, else
    /// the username (the one typed to sign in where the token has none).
    pub email: String,
    /// The id, access and refresh tokens (printed as `[redacted]`).
    pub tokens: Tokens,
    /// When these tokens arrived, and when they will be refreshed and expire.
    pub schedule: RefreshSchedule,
    /// Which sign-in these tokens descend from, and the storage sequence number they were
    /// saved or announced under (newer is higher).
    pub mark: SessionMark,
    /// Whether the refresh token reached `localStorage` (false: the session ends with the tab).
    pub persisted: bool,
}

// One value per app, in a signal: boxing the signed-in variant would buy nothing.
#[allow(clippy::large_enum_variant)]
/// Where the session stands, with the signed-in user's tokens.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum SessionState {
    /// A stored refresh token is being exchanged for tokens (and retried through faults).
    Restoring,
    /// Nobody is signed in.
    SignedOut,
    /// Somebody is.
    SignedIn(Session),
}

/// Which of the three states the session is in, for views that only care about that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Phase {
    /// A stored session is being restored.
    Restoring,
    /// Nobody is signed in.
    SignedOut,
    /// Somebody is.
    SignedIn,
}

/// Owns the session: sign-in, restore after reload, silent refresh, cross-tab sync, sign-out.
/// Cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct SessionCtx {
    state: RwSignal<SessionState>,
    client: StoredValue<Client>,
    /// The session was ended by Cognito (refresh token expired, revoked or reused).
    ended: RwSignal<bool>,
    /// The last refresh (or restore) failed for a reason worth retrying; cleared by the next
    /// success.
    refresh_problem: RwSignal<Option<CognitoError>>,
    /// A sign-out that happened here but did not reach the server.
    unfinished_sign_out: RwSignal<Option<UnfinishedSignOut>>,
    /// Advances at every sign-in and sign-out, so that late results of older work are dropped.
    generation: StoredValue<Generation>,
    /// The session this tab last signed out of: tokens of it that other tabs announce late
    /// (from a refresh that raced the sign-out) are ignored.
    left_sid: StoredValue<Option<u64>>,
    /// Identifies this tab in the refresh lease.
    tab_id: StoredValue<String>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    flight: StoredValue<Option<Flight>, LocalStorage>,
    retries: StoredValue<u32>,
    channel: StoredValue<Option<TabChannel>, LocalStorage>,
    /// The sign-in flow from config.json.
    auth_flow: leptos_cognito_core::AuthFlow,
    /// The remembered device the sign-in under way named, if any.
    signing_in_device: StoredValue<Option<String>>,
    /// The browser whose remembering awaits the user's word.
    device_prompt: RwSignal<Option<String>>,
    /// Whether the pool remembers devices (config.json's `deviceTracking`).
    device_tracking: DeviceTracking,
}

/// The session of the enclosing [`AuthProvider`](crate::AuthProvider) (panics outside one).
pub fn use_session() -> SessionCtx {
    expect_context()
}

impl SessionCtx {
    /// Creates the session for a pool, provides it as context, restores a stored session, and
    /// starts listening to the other tabs. Everything it starts stops with the calling owner.
    pub(crate) fn provide(config: &AppConfig) -> Self {
        let client = Client::new(
            &config.endpoint,
            &config.user_pool_id,
            &config.client_id,
            FetchTransport,
        );
        let stored = storage::load_session(client.client_id());
        let restoring = stored.is_some();
        let channel_name = storage_keys::tab_channel(client.client_id());
        let ctx = Self {
            state: RwSignal::new(if restoring {
                SessionState::Restoring
            } else {
                SessionState::SignedOut
            }),
            client: StoredValue::new(client),
            ended: RwSignal::new(false),
            refresh_problem: RwSignal::new(None),
            unfinished_sign_out: RwSignal::new(None),
            generation: StoredValue::new(Generation::default()),
            left_sid: StoredValue::new(None),
            tab_id: StoredValue::new(format!("{:x}", (js_sys::Math::random() * 1e16) as u64)),
            timer: StoredValue::new_local(None),
            flight: StoredValue::new_local(None),
            retries: StoredValue::new(0),
            channel: StoredValue::new_local(None),
            auth_flow: config.auth_flow,
            signing_in_device: StoredValue::new(None),
            device_prompt: RwSignal::new(None),
            device_tracking: config.device_tracking,
        };
        provide_context(ctx);
        ctx.channel
            .set_value(TabChannel::open(&channel_name, move |message| {
                ctx.on_tab_message(message)
            }));
        ctx.listen_for_wake_ups();
        on_cleanup(move || {
            // Work still in flight finds its ticket void and touches nothing.
            ctx.generation.update_value(Generation::advance);
            ctx.timer.set_value(None);
            ctx.channel.set_value(None);
        });
        if restoring {
            ctx.refresh_in_background();
        }
        ctx
    }

    /// False once the provider that owns this session has been unmounted.
    fn alive(&self) -> bool {
        !self.state.is_disposed()
    }

    /// A Cognito client for this pool's app client, for calls of your own (`GetUser` with
    /// [`access_token`](Self::access_token)).
    pub fn client(&self) -> Client {
        self.client.get_value()
    }

    /// How sign-in proves who the user is, as `config.json`'s `authFlow` says.
    pub fn auth_flow(&self) -> leptos_cognito_core::AuthFlow {
        self.auth_flow
    }

    /// The session's state (a signal: views that read it follow it).
    pub fn state(&self) -> ReadSignal<SessionState> {
        self.state.read_only()
    }

    /// Which of the three states the session is in (tracked).
    pub fn phase(&self) -> Phase {
        self.state.with(|state| match state {
            SessionState::Restoring => Phase::Restoring,
            SessionState::SignedOut => Phase::SignedOut,
            SessionState::SignedIn(_) => Phase::SignedIn,
        })
    }

    /// True after Cognito ended the session (the refresh token expired or was revoked).
    pub fn ended(&self) -> ReadSignal<bool> {
        self.ended.read_only()
    }

    /// The fault that is making the refresh (or the restore) retry, while it lasts.
    pub fn refresh_problem(&self) -> ReadSignal<Option<CognitoError>> {
        self.refresh_problem.read_only()
    }

    /// Signs in with email and password by the configured flow (SRP unless config.json says
    /// otherwise). `Ok(Some(_))` means Cognito asks for another step.
    pub async fn sign_in(
        &self,
        email: &str,
        password: Password,
    ) -> Result<Option<ChallengeSessionInfo>, CognitoError> {
        if self.auth_flow != leptos_cognito_core::AuthFlow::UserPassword {
            // The SRP math holds the thread for a while: let the page show its pending state
            // (and handle queued input) first.
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
        self.signing_in_device.set_value(None);
        let outcome = self.sign_in_as_device(email, password).await;
        if outcome.is_err() {
            // Likely another try: its `A` is made while the user corrects the form.
            self.prepare_sign_in();
        }
        self.signed_in(outcome?, email)
    }

    /// Whether the pool remembers devices.
    pub fn device_tracking(&self) -> DeviceTracking {
        self.device_tracking
    }

    /// Where a sign-in step ended: tokens start a new session, a challenge goes to the page.
    fn signed_in(
        &self,
        outcome: SignInOutcome,
        email: &str,
    ) -> Result<Option<ChallengeSessionInfo>, CognitoError> {
        match outcome {
            SignInOutcome::SignedIn(tokens) => {
                // A new session: whatever the previous one still had in flight is void.
                self.generation.update_value(Generation::advance);
                self.unfinished_sign_out.set(None);
                let named_device = self.signing_in_device.get_value();
                self.signing_in_device.set_value(None);
                match tokens.new_device.clone() {
                    Some(new_device) => {
                        self.set_session_device(None);
                        self.confirm_new_device(tokens.access.clone(), new_device, email);
                    }
                    None => self.set_session_device(named_device.as_deref()),
                }
                self.establish(tokens, Some(email), true);
                Ok(None)
            }
            SignInOutcome::Challenge(challenge) => Ok(Some(challenge)),
        }
    }

    /// Takes fresh tokens from Cognito: stores the refresh token under the next sequence
    /// number, tells the other tabs, and schedules the next refresh. `new_sign_in`: the tokens
    /// begin a session rather than refresh the current one.
    fn establish(&self, tokens: Tokens, typed_email: Option<&str>, new_sign_in: bool) {
        let client_id = self.client().client_id().to_owned();
        let stored = storage::load_session(&client_id);
        let held = self.held_mark();
        let continued = held.map(|m| m.sid).or(stored.as_ref().map(|s| s.sid));
        let sid = match continued {
            Some(sid) if !new_sign_in => sid,
            // Names a sign-in, nothing more: no secret, so Math.random() will do.
            _ => (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64,
        };
        let known = held.map(|m| m.seq).max(stored.map(|s| s.seq));
        let record = StoredSession::next(known, sid, tokens.refresh.clone());
        // A failed save only means the session won't survive a reload; the page says so.
        let persisted = storage::save_session(&client_id, &record);
        self.post(&TabMessage::Tokens {
            access: tokens.access.clone(),
            id: tokens.id.clone(),
            refresh: tokens.refresh.clone(),
            expires_in: tokens.expires_in,
            age_ms: 0,
            seq: record.seq,
            sid,
        });
        let mark = SessionMark {
            sid,
            seq: record.seq,
        };
        self.enter(tokens, clock::now(), mark, persisted, typed_email);
    }

    /// The session this tab holds, if signed in.
    fn held_mark(&self) -> Option<SessionMark> {
        self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => Some(session.mark),
            _ => None,
        })
    }

    /// Becomes signed in with these tokens and plans their refresh.
    fn enter(
        &self,
        tokens: Tokens,
        received: Moment,
        mark: SessionMark,
        persisted: bool,
        typed_email: Option<&str>,
    ) {
        let schedule = RefreshSchedule::new(TokenTimes {
            expires_in: tokens.expires_in,
            issued_at: tokens.id_claims.iat,
            expires_at: tokens.id_claims.exp,
            received,
        });
        let claims = &tokens.id_claims;
        let username = claims
            .username
            .as_deref()
            .or(typed_email)
            .unwrap_or_default();
        let email = display_name(
            claims.email.as_deref(),
            claims.phone_number.as_deref(),
            username,
        )
        .to_owned();
        self.ended.set(false);
        self.refresh_problem.set(None);
        self.retries.set_value(0);
        self.state.set(SessionState::SignedIn(Session {
            email,
            tokens,
            schedule,
            mark,
            persisted,
        }));
        self.schedule_refresh();
    }

    /// Drops the session in this tab only: stops refreshing, voids work in flight, and
    /// remembers which session it left.
    fn leave(&self) {
        let left = self
            .held_mark()
            .map(|m| m.sid)
            .or_else(|| storage::load_session(self.client().client_id()).map(|stored| stored.sid));
        self.generation.update_value(Generation::advance);
        self.timer.set_value(None);
        if left.is_some() {
            self.left_sid.set_value(left);
        }
        self.refresh_problem.set(None);
        self.state.set(SessionState::SignedOut);
    }

    /// Signs out in every tab at once: removes the stored session, tells the other tabs, and
    /// leaves. A refresh finishing in another tab checks storage in the same task as it stores
    /// and announces its result, so it either finds the session gone and keeps nothing, or is
    /// undone by this; tokens it announced late are of a session every tab has left.
    fn forget(&self) {
        self.leave();
        storage::clear_session(self.client().client_id());
        self.set_session_device(None);
        self.post(&TabMessage::SignedOut);
    }

    /// Runs `work` holding the lock that serialises refreshes across this app client's tabs.
    /// `None` only if the browser's lock failed.
    async fn with_refresh_lock<T: 'static>(
        &self,
        work: impl std::future::Future<Output = T> + 'static,
    ) -> Option<T> {
        let client_id = self.client().client_id().to_owned();
        let lock_name = storage_keys::tab_channel(&client_id);
        let lease_key = storage_keys::refresh_lease(&client_id);
        lock::with_lock(&lock_name, &lease_key, &self.tab_id.get_value(), work).await
    }
}

/// True when a sign-in failed only because the account awaits its confirmation code.
pub(crate) fn is_unconfirmed(error: &CognitoError) -> bool {
    error.code() == Some(ErrorCode::UserNotConfirmed)
}
