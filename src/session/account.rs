//! The signed-in user's own account: reading and changing attributes, verifying an email or
//! phone number with a code, and deleting the account, which signs out every tab and the
//! embedder as a sign-out does.

use super::{SessionCtx, SessionState};
use crate::storage;
use leptos::prelude::{Update, WithUntracked};
use leptos_cognito_core::api::{AttributeType, CodeDeliveryDetails};
use leptos_cognito_core::attributes::Verifiable;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::storage_keys;

impl SessionCtx {
    /// The user's attributes, as Cognito keeps them now.
    pub async fn user_attributes(&self) -> Result<Vec<AttributeType>, Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        let user = self
            .client()
            .get_user(&access)
            .await
            .map_err(|e| e.problem())?;
        Ok(user.user_attributes)
    }

    /// Saves changed attributes; where a code went (a new email), the deliveries.
    pub async fn update_attributes(
        &self,
        attributes: Vec<AttributeType>,
    ) -> Result<Vec<CodeDeliveryDetails>, Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        self.client()
            .update_user_attributes(&access, attributes)
            .await
            .map_err(|e| e.problem())
    }

    /// Proves the attribute (the waiting new value, or an unverified current one) with its
    /// code. The tokens are then refreshed, so the session shows the value as it now is.
    pub async fn verify_attribute(
        &self,
        attribute: Verifiable,
        code: String,
    ) -> Result<(), Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        self.client()
            .verify_user_attribute(&access, attribute, &code)
            .await
            .map_err(|e| e.problem())?;
        // The id token still names the old address (or says unverified): refresh now.
        self.state.update(|state| {
            if let SessionState::SignedIn(session) = state {
                session.schedule = session.schedule.due_now();
            }
        });
        self.refresh_in_background();
        Ok(())
    }

    /// Sends a new code for the attribute (to the waiting new value if there is one).
    pub async fn send_attribute_code(
        &self,
        attribute: Verifiable,
    ) -> Result<Option<CodeDeliveryDetails>, Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        self.client()
            .send_attribute_code(&access, attribute)
            .await
            .map_err(|e| e.problem())
    }

    /// Deletes the account, then forgets everything this browser kept for it and signs out
    /// here, in the other tabs and at the embedder. `leave` runs first (showing that it is
    /// done), so the signed-in page is gone before the session is.
    pub async fn delete_account(&self, leave: impl FnOnce()) -> Result<(), Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        self.client()
            .delete_user(&access)
            .await
            .map_err(|e| e.problem())?;
        // Device records are kept under the identifier typed to sign in: any of these.
        let names = self.state.with_untracked(|state| match state {
            SessionState::SignedIn(session) => {
                let claims = &session.tokens.id_claims;
                [
                    Some(session.email.clone()),
                    claims.email.clone(),
                    claims.phone_number.clone(),
                    claims.username.clone(),
                ]
                .into_iter()
                .flatten()
                .collect()
            }
            _ => Vec::new(),
        });
        self.drop_devices_of(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let client_id = self.client().client_id().to_owned();
        for key in [
            storage_keys::last_sign_in_factor(&client_id),
            storage_keys::passkey_offer_dismissed(&client_id),
            storage_keys::verify_email_offer_dismissed(&client_id),
        ] {
            storage::remove(&key);
        }
        leave();
        // The page changes in a later task; signing out before it would send the signed-in
        // page (still shown) to the sign-in page.
        gloo_timers::future::TimeoutFuture::new(0).await;
        self.forget();
        Ok(())
    }
}
