//! The signed-in session, shared through context as [`SessionCtx`], and the hand-over state
//! between the sign-up, confirm and sign-in pages ([`FlowCtx`]).

use crate::storage;
use crate::transport::FetchTransport;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_cognito_core::api::{ChallengeSessionInfo, CodeDeliveryDetails};
use leptos_cognito_core::secret::{AccessToken, Password};
use leptos_cognito_core::{
    AppConfig, CognitoClient, CognitoError, ErrorCode, SignInOutcome, Tokens,
};

/// The Cognito client the pages use.
pub type Client = CognitoClient<FetchTransport>;

/// A signed-in user's tokens. Lives in memory; only the refresh token is persisted.
#[derive(Debug, Clone)]
pub struct Session {
    pub email: String,
    pub tokens: Tokens,
}

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

/// Owns the session: sign-in, restore after reload, sign-out. Cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct SessionCtx {
    state: RwSignal<SessionState>,
    client: StoredValue<Client>,
    /// Why the last restore failed, shown on the sign-in page.
    restore_error: RwSignal<Option<CognitoError>>,
}

/// The session of the enclosing [`SessionCtx::provide`].
pub fn use_session() -> SessionCtx {
    expect_context()
}

impl SessionCtx {
    /// Creates the session for a pool, provides it as context, and restores a stored session.
    pub fn provide(config: &AppConfig) -> Self {
        let client = Client::new(&config.endpoint, &config.client_id, FetchTransport);
        let stored = storage::load_refresh_token(client.client_id());
        let ctx = Self {
            state: RwSignal::new(if stored.is_some() {
                SessionState::Restoring
            } else {
                SessionState::SignedOut
            }),
            client: StoredValue::new(client),
            restore_error: RwSignal::new(None),
        };
        provide_context(ctx);
        if let Some(refresh_token) = stored {
            spawn_local(async move {
                match ctx.client().refresh(refresh_token).await {
                    Ok(tokens) => ctx.establish(tokens, None),
                    Err(error) => {
                        // Only Cognito's own "no" makes the stored token worthless; after a
                        // network failure the next reload can still use it.
                        if error.code().is_some() {
                            storage::clear_refresh_token(ctx.client().client_id());
                        }
                        ctx.restore_error.set(Some(error));
                        ctx.state.set(SessionState::SignedOut);
                    }
                }
            });
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

    /// Signs in with email and password. `Ok(Some(_))` means Cognito asks for another step.
    pub async fn sign_in(
        &self,
        email: &str,
        password: Password,
    ) -> Result<Option<ChallengeSessionInfo>, CognitoError> {
        match self.client().sign_in_with_password(email, password).await? {
            SignInOutcome::SignedIn(tokens) => {
                self.establish(tokens, Some(email));
                Ok(None)
            }
            SignInOutcome::Challenge(challenge) => Ok(Some(challenge)),
        }
    }

    fn establish(&self, tokens: Tokens, typed_email: Option<&str>) {
        // A failed save only means the session won't survive a reload.
        storage::save_refresh_token(self.client().client_id(), &tokens.refresh);
        let email = tokens
            .id_claims
            .email
            .clone()
            .or_else(|| typed_email.map(str::to_owned))
            .unwrap_or_default();
        self.restore_error.set(None);
        self.state
            .set(SessionState::SignedIn(Session { email, tokens }));
    }

    /// The current access token, for calling APIs as the user. `None` when signed out.
    pub fn access_token(&self) -> Option<AccessToken> {
        self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => Some(session.tokens.access.clone()),
            _ => None,
        })
    }

    /// Signs out this device: revokes its refresh token (RevokeToken) and forgets the session.
    /// The local sign-out happens even when the server cannot be reached.
    pub async fn sign_out(&self) {
        let refresh = self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => Some(session.tokens.refresh.clone()),
            _ => None,
        });
        if let Some(refresh) = refresh {
            // Unreachable server: the user still wants out, and the token stays unusable here.
            let _ = self.client().revoke_token(&refresh).await;
        }
        self.forget();
    }

    /// Signs out on every device (GlobalSignOut revokes all of the user's refresh tokens).
    pub async fn sign_out_everywhere(&self) -> Result<(), CognitoError> {
        if let Some(access) = self.access_token() {
            self.client().global_sign_out(&access).await?;
        }
        self.forget();
        Ok(())
    }

    fn forget(&self) {
        storage::clear_refresh_token(self.client().client_id());
        self.state.set(SessionState::SignedOut);
    }
}

/// What one page hands to the next while signing up: the email awaiting its code, where the
/// code went, and a note for the sign-in page.
#[derive(Clone, Copy)]
pub struct FlowCtx {
    pub email: RwSignal<Option<String>>,
    pub delivery: RwSignal<Option<CodeDeliveryDetails>>,
    pub notice: RwSignal<Option<&'static str>>,
}

impl FlowCtx {
    pub fn provide() -> Self {
        let ctx = Self {
            email: RwSignal::new(None),
            delivery: RwSignal::new(None),
            notice: RwSignal::new(None),
        };
        provide_context(ctx);
        ctx
    }

    pub fn use_flow() -> Self {
        expect_context()
    }

    pub fn awaiting_code(&self, email: String, delivery: Option<CodeDeliveryDetails>) {
        self.email.set(Some(email));
        self.delivery.set(delivery);
    }
}

/// True when a sign-in failed only because the account awaits its confirmation code.
pub fn is_unconfirmed(error: &CognitoError) -> bool {
    error.code() == Some(ErrorCode::UserNotConfirmed)
}
