//! Remembered devices: the sign-in that proves this browser (`DEVICE_SRP_AUTH`) instead of a
//! second factor, registering the browser a sign-in created, the user's word on trusting it,
//! and the list of the user's devices.

use super::SessionCtx;
use crate::storage;
use leptos::prelude::*;
use leptos_cognito_core::api::{
    ChallengeName, DeviceRememberedStatus, DeviceType, NewDeviceMetadata,
};
use leptos_cognito_core::device_name::device_name;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::{AccessToken, Password};
use leptos_cognito_core::srp::device::RememberedDevice;
use leptos_cognito_core::storage_keys;
use leptos_cognito_core::{CognitoError, ErrorCode, SignInOutcome};

/// Cognito's answer to a device key it no longer knows (forgotten elsewhere).
fn device_unknown(error: &CognitoError) -> bool {
    matches!(error, CognitoError::Service(e) if e.code == ErrorCode::ResourceNotFound
        && e.message.to_ascii_lowercase().contains("device"))
}

impl SessionCtx {
    fn device_key_for(&self, username: &str) -> String {
        storage_keys::device(self.client().client_id(), username)
    }

    /// What this browser keeps to prove itself for `username`, if it is a remembered device.
    pub(super) fn stored_device(&self, username: &str) -> Option<RememberedDevice> {
        let text = storage::read(&self.device_key_for(username))?;
        serde_json::from_str(&text).ok()
    }

    fn drop_stored_device(&self, username: &str) {
        storage::remove(&self.device_key_for(username));
    }

    /// Forgets this browser's device records of a deleted user: those kept under any of
    /// `names` (what the user may have typed to sign in) and the one of the session's device,
    /// whatever it was typed as.
    pub(super) fn drop_devices_of(&self, names: &[&str]) {
        let client = self.client();
        let client_id = client.client_id();
        let session_device = self.session_device();
        let named: Vec<String> = names
            .iter()
            .map(|name| storage_keys::device(client_id, name))
            .collect();
        for key in storage::keys_starting_with(&storage_keys::devices_prefix(client_id)) {
            let of_session = session_device.as_deref().is_some_and(|session_key| {
                storage::read(&key)
                    .and_then(|text| serde_json::from_str::<RememberedDevice>(&text).ok())
                    .is_some_and(|device| device.key == session_key)
            });
            if of_session || named.contains(&key) {
                storage::remove(&key);
            }
        }
    }

    /// The device the current session's tokens belong to, which every refresh names.
    pub(super) fn session_device(&self) -> Option<String> {
        storage::read(&storage_keys::session_device(self.client().client_id()))
    }

    pub(super) fn set_session_device(&self, device_key: Option<&str>) {
        let key = storage_keys::session_device(self.client().client_id());
        match device_key {
            // If storage refuses, refreshes go without the key and Cognito says so: the
            // session then ends as for any refused refresh.
            Some(device_key) => _ = storage::write(&key, device_key),
            None => storage::remove(&key),
        }
    }

    /// Signs in with the password from this browser as the remembered device it may be: the
    /// device proves itself when Cognito asks (which spares the second factor), and a device
    /// Cognito no longer knows is dropped and the sign-in made again without it.
    pub(super) async fn sign_in_as_device(
        &self,
        email: &str,
        password: Password,
    ) -> Result<SignInOutcome, CognitoError> {
        let client = self.client();
        let wall_ms = || js_sys::Date::now() as u64;
        let device = self.stored_device(email);
        let device_key = device.as_ref().map(|device| device.key.clone());
        let outcome = client
            .sign_in_on_device(
                self.auth_flow,
                email,
                password.clone(),
                device_key.clone(),
                wall_ms,
            )
            .await;
        let outcome = match (outcome, &device) {
            (Err(error), Some(_)) if device_unknown(&error) => {
                self.drop_stored_device(email);
                self.signing_in_device.set_value(None);
                return client
                    .sign_in(self.auth_flow, email, password, wall_ms)
                    .await;
            }
            (outcome, _) => outcome?,
        };
        self.signing_in_device.set_value(device_key);
        match (outcome, device) {
            (SignInOutcome::Challenge(challenge), Some(device))
                if challenge.name == ChallengeName::DeviceSrpAuth =>
            {
                let username = challenge.username_or(email);
                client
                    .prove_device(challenge, &username, &device, wall_ms)
                    .await
            }
            (outcome, _) => Ok(outcome),
        }
    }

    /// Registers the browser a sign-in created (in the background: the user is signed in
    /// already). Where the pool asks the user's word, the session page then asks it.
    pub(super) fn confirm_new_device(
        &self,
        access: AccessToken,
        new_device: NewDeviceMetadata,
        email: &str,
    ) {
        let (ctx, email) = (*self, email.to_owned());
        let name = window()
            .navigator()
            .user_agent()
            .ok()
            .map(|ua| device_name(&ua));
        leptos::task::spawn_local(async move {
            let Ok(confirmed) = ctx
                .client()
                .confirm_device(&access, &new_device, name)
                .await
            else {
                // Unconfirmed, the browser is a new device again next time: nothing lost.
                return;
            };
            let record = serde_json::to_string(&confirmed.device).unwrap_or_default();
            if storage::write(&ctx.device_key_for(&email), &record) {
                ctx.set_session_device(Some(&confirmed.device.key));
            }
            if confirmed.user_confirmation_necessary {
                ctx.device_prompt.set(Some(confirmed.device.key));
            }
        });
    }

    /// The device whose remembering awaits the user's word, if any.
    pub fn device_prompt(&self) -> ReadSignal<Option<String>> {
        self.device_prompt.read_only()
    }

    /// The user's word on the browser the prompt asked about.
    pub async fn trust_this_browser(&self, trust: bool) -> Result<(), Problem> {
        let Some(device_key) = self.device_prompt.get_untracked() else {
            return Ok(());
        };
        let status = if trust {
            DeviceRememberedStatus::Remembered
        } else {
            DeviceRememberedStatus::NotRemembered
        };
        self.set_device_status(&device_key, status).await?;
        self.device_prompt.set(None);
        Ok(())
    }

    async fn set_device_status(
        &self,
        device_key: &str,
        status: DeviceRememberedStatus,
    ) -> Result<(), Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        let client = self.client();
        let updated = client.update_device_status(&access, device_key, status);
        updated.await.map_err(|e| e.problem())
    }

    /// The signed-in user's devices.
    pub async fn devices(&self) -> Result<Vec<DeviceType>, Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        self.client()
            .list_devices(&access)
            .await
            .map_err(|e| e.problem())
    }

    fn signed_in_email(&self) -> Option<String> {
        match self.state.get_untracked() {
            super::SessionState::SignedIn(session) => Some(session.email),
            _ => None,
        }
    }

    /// This browser's device key for the signed-in user, if it is one of their devices.
    pub fn this_device(&self) -> Option<String> {
        self.session_device()
    }

    /// Forgets a device. Forgetting this browser also drops what it kept to prove itself.
    pub async fn forget_device(&self, device_key: String) -> Result<(), Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        let forgotten = self.client().forget_device(&access, &device_key).await;
        forgotten.map_err(|e| e.problem())?;
        if self.this_device().as_deref() == Some(device_key.as_str()) {
            if let Some(email) = self.signed_in_email() {
                self.drop_stored_device(&email);
            }
            self.set_session_device(None);
        }
        Ok(())
    }

    /// Keeps the session's tokens but stops remembering this browser.
    pub async fn stop_remembering_this_browser(&self) -> Result<(), Problem> {
        let Some(device_key) = self.this_device() else {
            return Ok(());
        };
        self.set_device_status(&device_key, DeviceRememberedStatus::NotRemembered)
            .await
    }
}
