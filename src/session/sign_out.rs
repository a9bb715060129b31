//! Signing out, of this device (`RevokeToken`) or of every device (`GlobalSignOut`). Signing out
//! here always succeeds; what did not reach the server is reported as it is, with a retry while
//! one can still work.

use super::{SessionCtx, SessionError, SessionState};
use crate::storage;
use leptos::prelude::*;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::RefreshToken;
use leptos_cognito_core::session_rules::ends_session;
use leptos_cognito_core::CognitoError;

/// What a sign-out was meant to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignOutScope {
    ThisDevice,
    Everywhere,
}

/// How the last sign-out went, for the page the user lands on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnfinishedSignOut {
    /// Everything it was meant to end has ended (after a retry, or at once for every device).
    Finished(SignOutScope),
    /// Signed out here, but the server did not hear of it: this device's token was not revoked
    /// (`ThisDevice`), or the other devices were not signed out (`Everywhere`).
    Pending {
        scope: SignOutScope,
        problem: Problem,
        /// The refresh token a retry uses, while the server still takes it (memory only).
        retry_with: Option<RefreshToken>,
    },
}

impl UnfinishedSignOut {
    /// Whether "Try again" can still do anything.
    pub fn can_retry(&self) -> bool {
        matches!(
            self,
            Self::Pending {
                retry_with: Some(_),
                ..
            }
        )
    }
}

impl SessionCtx {
    /// How the last sign-out went, until the next sign-in.
    pub(crate) fn sign_out_report(&self) -> ReadSignal<Option<UnfinishedSignOut>> {
        self.unfinished_sign_out.read_only()
    }

    /// The refresh token this tab's session rests on (stored, while restoring).
    fn refresh_token_in_use(&self) -> Option<RefreshToken> {
        self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => Some(session.tokens.refresh.clone()),
            SessionState::Restoring => {
                storage::load_session(self.client().client_id()).map(|stored| stored.token)
            }
            SessionState::SignedOut => None,
        })
    }

    /// Signs out this device, in every tab at once, then revokes its refresh token (and the
    /// access tokens issued from it). If the server can't be told, the page says so.
    pub async fn sign_out(&self) {
        let refresh = self.refresh_token_in_use();
        self.forget();
        self.unfinished_sign_out.set(None);
        if let Some(refresh) = refresh {
            if let Err(error) = self.client().revoke_token(&refresh).await {
                self.settle(SignOutScope::ThisDevice, Err(error), refresh, false);
            }
        }
    }

    /// Signs out every device (`GlobalSignOut` revokes all of the user's refresh tokens), and
    /// this one in any case. Returns whether every device was signed out; if not, the report
    /// says why and whether a retry can still reach the others.
    pub async fn sign_out_everywhere(&self) -> bool {
        let Some(refresh) = self.refresh_token_in_use() else {
            return false;
        };
        let client = self.client();
        let result = match self.access_token().await {
            Ok(access) => client.global_sign_out(&access).await,
            Err(SessionError::Refresh(error)) => Err(error),
            Err(SessionError::SignedOut) => return false,
        };
        if !self.alive() {
            return false;
        }
        self.forget();
        if result.is_ok() {
            self.unfinished_sign_out
                .set(Some(UnfinishedSignOut::Finished(SignOutScope::Everywhere)));
            return true;
        }
        // The other devices are out of reach for now; this one is revoked where it can be.
        let revoked = client.revoke_token(&refresh).await;
        self.settle(SignOutScope::Everywhere, result, refresh, revoked.is_ok());
        false
    }

    /// Tries again what the last sign-out could not do at the server.
    pub(crate) async fn retry_sign_out(&self) {
        let Some(UnfinishedSignOut::Pending {
            scope,
            retry_with: Some(refresh),
            ..
        }) = self.unfinished_sign_out.get_untracked()
        else {
            return;
        };
        let client = self.client();
        let result = match scope {
            SignOutScope::ThisDevice => client.revoke_token(&refresh).await,
            // GlobalSignOut needs an access token: the kept refresh token gets one (and its
            // own rotated successor is revoked with the rest).
            SignOutScope::Everywhere => match client.refresh(refresh.clone(), None).await {
                Ok(tokens) => client.global_sign_out(&tokens.access).await,
                Err(error) => Err(error),
            },
        };
        self.settle(scope, result, refresh, false);
    }

    /// Reports how a sign-out's server call went. `revoked_here`: this device's token is known
    /// to be revoked, so no retry can reach the server with it.
    fn settle(
        &self,
        scope: SignOutScope,
        result: Result<(), CognitoError>,
        refresh: RefreshToken,
        revoked_here: bool,
    ) {
        let report = match result {
            Ok(()) => Some(UnfinishedSignOut::Finished(scope)),
            // This device's token is no longer valid anyway: signing it out is done.
            Err(error) if scope == SignOutScope::ThisDevice && ends_session(&error) => None,
            Err(error) => Some(UnfinishedSignOut::Pending {
                scope,
                problem: error.problem(),
                retry_with: (!revoked_here && !ends_session(&error)).then_some(refresh),
            }),
        };
        self.unfinished_sign_out.set(report);
    }
}
