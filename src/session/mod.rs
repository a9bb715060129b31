//! The signed-in session, shared through context as [`SessionCtx`].
//!
//! The session keeps itself fresh: see `refresh.rs` for the schedule, the wake-ups and the
//! single flight across tabs, `tabs.rs` for what tabs tell each other, `lock.rs` for the lock.

pub mod account;
mod lock;
mod refresh;
mod tabs;

pub use refresh::SessionError;

use crate::storage;
use crate::transport::FetchTransport;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos_cognito_core::api::ChallengeSessionInfo;
use leptos_cognito_core::claims::decode_claims;
use leptos_cognito_core::schedule::{RefreshSchedule, TokenTimes};
use leptos_cognito_core::secret::Password;
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
    pub email: String,
    pub tokens: Tokens,
    /// When these tokens arrived, when they will be refreshed, when they expire (local time).
    pub schedule: RefreshSchedule,
    /// Whether the refresh token reached `localStorage` (false: the session ends with the tab).
    pub persisted: bool,
}

// One value per app, in a signal: boxing the signed-in variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum SessionState {
    /// A stored refresh token is being exchanged for tokens.
    Restoring,
    SignedOut,
    SignedIn(Session),
}

/// Which of the three states the session is in, for views that only care about that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Restoring,
    SignedOut,
    SignedIn,
}

/// Owns the session: sign-in, restore after reload, silent refresh, cross-tab sync, sign-out.
/// Cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct SessionCtx {
    state: RwSignal<SessionState>,
    client: StoredValue<Client>,
    /// Why the last restore failed, shown on the sign-in page.
    restore_error: RwSignal<Option<CognitoError>>,
    /// The session was ended by Cognito (refresh token expired or revoked).
    ended: RwSignal<bool>,
    /// The last refresh failed for a reason worth retrying; cleared by the next success.
    refresh_problem: RwSignal<Option<CognitoError>>,
    /// Identifies this tab in the refresh lease.
    tab_id: StoredValue<String>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    flight: StoredValue<Option<Flight>, LocalStorage>,
    retries: StoredValue<u32>,
    channel: StoredValue<Option<TabChannel>, LocalStorage>,
    /// The pool id and the sign-in flow from config.json (SRP needs the pool's name).
    user_pool_id: StoredValue<String>,
    auth_flow: leptos_cognito_core::AuthFlow,
}

/// The session of the enclosing [`SessionCtx::provide`].
pub fn use_session() -> SessionCtx {
    expect_context()
}

/// The browser's clock, in milliseconds since the Unix epoch.
fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl SessionCtx {
    /// Creates the session for a pool, provides it as context, restores a stored session, and
    /// starts listening to the other tabs. Everything it starts stops with the calling owner.
    pub fn provide(config: &AppConfig) -> Self {
        let client = Client::new(&config.endpoint, &config.client_id, FetchTransport);
        let restoring = storage::load_refresh_token(client.client_id()).is_some();
        let channel_name = storage_keys::tab_channel(client.client_id());
        let ctx = Self {
            state: RwSignal::new(if restoring {
                SessionState::Restoring
            } else {
                SessionState::SignedOut
            }),
            client: StoredValue::new(client),
            restore_error: RwSignal::new(None),
            ended: RwSignal::new(false),
            refresh_problem: RwSignal::new(None),
            tab_id: StoredValue::new(format!("{:x}", (js_sys::Math::random() * 1e16) as u64)),
            timer: StoredValue::new_local(None),
            flight: StoredValue::new_local(None),
            retries: StoredValue::new(0),
            channel: StoredValue::new_local(None),
            user_pool_id: StoredValue::new(config.user_pool_id.clone()),
            auth_flow: config.auth_flow,
        };
        provide_context(ctx);
        ctx.channel
            .set_value(TabChannel::open(&channel_name, move |message| {
                ctx.on_tab_message(message)
            }));
        ctx.listen_for_wake_ups();
        on_cleanup(move || {
            ctx.timer.set_value(None);
            ctx.channel.set_value(None);
        });
        if restoring {
            ctx.refresh_in_background();
        }
        ctx
    }

    pub fn client(&self) -> Client {
        self.client.get_value()
    }

    pub fn state(&self) -> ReadSignal<SessionState> {
        self.state.read_only()
    }

    pub fn phase(&self) -> Phase {
        self.state.with(|state| match state {
            SessionState::Restoring => Phase::Restoring,
            SessionState::SignedOut => Phase::SignedOut,
            SessionState::SignedIn(_) => Phase::SignedIn,
        })
    }

    pub fn restore_error(&self) -> ReadSignal<Option<CognitoError>> {
        self.restore_error.read_only()
    }

    /// True after Cognito ended the session (the refresh token expired or was revoked).
    pub fn ended(&self) -> ReadSignal<bool> {
        self.ended.read_only()
    }

    /// The fault that is making the refresh retry, while it lasts.
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
        if self.auth_flow == leptos_cognito_core::AuthFlow::UserSrp {
            // The SRP math holds the thread for a while: let the page show its pending state
            // (and handle queued input) first.
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
        let (client, pool) = (self.client(), self.user_pool_id.get_value());
        let outcome = client.sign_in(self.auth_flow, &pool, email, password, now_ms);
        match outcome.await? {
            SignInOutcome::SignedIn(tokens) => {
                self.establish(tokens, Some(email));
                Ok(None)
            }
            SignInOutcome::Challenge(challenge) => Ok(Some(challenge)),
        }
    }

    /// Takes fresh tokens from Cognito: keeps the refresh token, tells the other tabs, and
    /// schedules the next refresh.
    fn establish(&self, tokens: Tokens, typed_email: Option<&str>) {
        let received_at_ms = now_ms();
        // A failed save only means the session won't survive a reload; the page says so.
        let persisted = storage::save_refresh_token(self.client().client_id(), &tokens.refresh);
        self.post(&TabMessage::Tokens {
            access: tokens.access.clone(),
            id: tokens.id.clone(),
            refresh: tokens.refresh.clone(),
            expires_in: tokens.expires_in,
            received_at_ms,
        });
        self.enter(tokens, received_at_ms, persisted, typed_email);
    }

    /// Becomes signed in with these tokens and plans their refresh.
    fn enter(
        &self,
        tokens: Tokens,
        received_at_ms: u64,
        persisted: bool,
        typed_email: Option<&str>,
    ) {
        let schedule = RefreshSchedule::new(TokenTimes {
            expires_in: tokens.expires_in,
            issued_at: tokens.id_claims.iat,
            expires_at: tokens.id_claims.exp,
            received_at_ms,
        });
        let email = tokens
            .id_claims
            .email
            .clone()
            .or_else(|| typed_email.map(str::to_owned))
            .unwrap_or_default();
        self.restore_error.set(None);
        self.ended.set(false);
        self.refresh_problem.set(None);
        self.retries.set_value(0);
        self.state.set(SessionState::SignedIn(Session {
            email,
            tokens,
            schedule,
            persisted,
        }));
        self.schedule_refresh();
    }

    fn on_tab_message(&self, message: TabMessage) {
        match message {
            TabMessage::Tokens {
                access,
                id,
                refresh,
                expires_in,
                received_at_ms,
            } => {
                let Ok(id_claims) = decode_claims(id.expose_secret()) else {
                    return;
                };
                let newer = self.state.with_untracked(|state| match state {
                    SessionState::SignedIn(current) => {
                        received_at_ms > current.schedule.received_at_ms
                    }
                    _ => true,
                });
                if newer {
                    let persisted = storage::load_refresh_token(self.client().client_id())
                        .is_some_and(|stored| stored == refresh);
                    let tokens = Tokens {
                        access,
                        id,
                        refresh,
                        expires_in,
                        id_claims,
                    };
                    self.enter(tokens, received_at_ms, persisted, None);
                }
            }
            TabMessage::SignedOut => self.forget(false),
        }
    }

    fn post(&self, message: &TabMessage) {
        self.channel.with_value(|channel| {
            if let Some(channel) = channel {
                channel.post(message);
            }
        });
    }

    /// Signs out this device: revokes its refresh token (RevokeToken) and forgets the session,
    /// in every tab. The local sign-out happens even when the server cannot be reached.
    pub async fn sign_out(&self) {
        let refresh = self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => Some(session.tokens.refresh.clone()),
            _ => None,
        });
        if let Some(refresh) = refresh {
            // Unreachable server: the user still wants out, and the token is forgotten here.
            let _ = self.client().revoke_token(&refresh).await;
        }
        self.forget(true);
    }

    /// Signs out on every device (GlobalSignOut revokes all of the user's refresh tokens).
    pub async fn sign_out_everywhere(&self) -> Result<(), CognitoError> {
        let access = self.access_token().await;
        if let Ok(access) = access {
            self.client().global_sign_out(&access).await?;
        }
        self.forget(true);
        Ok(())
    }

    /// Drops the session in this tab (and, if `tell_tabs`, in the others).
    fn forget(&self, tell_tabs: bool) {
        self.timer.set_value(None);
        storage::clear_refresh_token(self.client().client_id());
        if tell_tabs {
            self.post(&TabMessage::SignedOut);
        }
        self.refresh_problem.set(None);
        self.state.set(SessionState::SignedOut);
    }
}

/// True when a sign-in failed only because the account awaits its confirmation code.
pub fn is_unconfirmed(error: &CognitoError) -> bool {
    error.code() == Some(ErrorCode::UserNotConfirmed)
}
