//! A signed-in user's passkeys: listing, adding (the browser makes the key) and deleting.

use super::SessionCtx;
use crate::passkey;
use crate::storage;
use leptos_cognito_core::api::WebAuthnCredentialDescription;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::storage_keys;

impl SessionCtx {
    /// The user's passkeys, as Cognito lists them.
    pub async fn passkeys(&self) -> Result<Vec<WebAuthnCredentialDescription>, Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        let listed = self.client().list_passkeys(&access).await;
        listed.map_err(|e| e.problem())
    }

    /// Adds a passkey: Cognito's options, the browser's new credential, Cognito's check of it.
    pub async fn add_passkey(&self) -> Result<(), Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        let client = self.client();
        let options = client.start_passkey_registration(&access).await;
        let options = options.map_err(|e| e.problem())?;
        let credential = passkey::register(&options).await.map_err(|e| e.problem())?;
        let completed = client.complete_passkey_registration(&access, credential);
        completed.await.map_err(|e| e.problem())
    }

    /// Deletes the passkey with this id.
    pub async fn delete_passkey(&self, credential_id: String) -> Result<(), Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        let deleted = self.client().delete_passkey(&access, &credential_id).await;
        deleted.map_err(|e| e.problem())
    }

    /// Whether the user said "not now" to a passkey on this device.
    pub fn passkey_offer_dismissed(&self) -> bool {
        storage::read(&self.passkey_offer_key()).is_some()
    }

    /// Remembers on this device that the user declined the offer.
    pub fn dismiss_passkey_offer(&self) {
        // If storage refuses, the offer returns next time: nothing worse.
        storage::write(&self.passkey_offer_key(), "1");
    }

    fn passkey_offer_key(&self) -> String {
        storage_keys::passkey_offer_dismissed(self.client().client_id())
    }
}
