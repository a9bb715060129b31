//! A signed-in user's passkeys: adding one, listing them, deleting one.

use super::CognitoClient;
use crate::api::{
    CompleteWebAuthnRegistration, DeleteWebAuthnCredential, ListWebAuthnCredentials,
    StartWebAuthnRegistration, WebAuthnCredentialDescription,
};
use crate::error::CognitoError;
use crate::http::HttpTransport;
use crate::secret::AccessToken;

/// The most passkeys Cognito lists per page.
const PAGE_SIZE: u32 = 20;

impl<T: HttpTransport> CognitoClient<T> {
    /// The options for a new passkey (`StartWebAuthnRegistration`), to hand to the browser.
    pub async fn start_passkey_registration(
        &self,
        access: &AccessToken,
    ) -> Result<serde_json::Value, CognitoError> {
        self.call(&StartWebAuthnRegistration {
            access_token: access.clone(),
        })
        .await
        .map(|response| response.credential_creation_options)
    }

    /// Registers the browser's new passkey: `credential` is its RegistrationResponseJSON.
    pub async fn complete_passkey_registration(
        &self,
        access: &AccessToken,
        credential: serde_json::Value,
    ) -> Result<(), CognitoError> {
        self.call(&CompleteWebAuthnRegistration {
            access_token: access.clone(),
            credential,
        })
        .await
        .map(drop)
    }

    /// All the user's passkeys, following Cognito's pages to the end.
    pub async fn list_passkeys(
        &self,
        access: &AccessToken,
    ) -> Result<Vec<WebAuthnCredentialDescription>, CognitoError> {
        let mut passkeys = Vec::new();
        let mut next_token = None;
        loop {
            let page = self
                .call(&ListWebAuthnCredentials {
                    access_token: access.clone(),
                    next_token: next_token.clone(),
                    max_results: Some(PAGE_SIZE),
                })
                .await?;
            passkeys.extend(page.credentials);
            match page.next_token.filter(|token| !token.is_empty()) {
                // A page pointing to itself would never end.
                Some(token) if next_token.as_ref() == Some(&token) => {
                    return Err(CognitoError::UnexpectedResponse {
                        status: 200,
                        detail: "the passkey list repeats its page token".into(),
                    })
                }
                Some(token) => next_token = Some(token),
                None => return Ok(passkeys),
            }
        }
    }

    /// Deletes one of the user's passkeys, by its [`credential_id`](WebAuthnCredentialDescription::credential_id).
    pub async fn delete_passkey(
        &self,
        access: &AccessToken,
        credential_id: &str,
    ) -> Result<(), CognitoError> {
        self.call(&DeleteWebAuthnCredential {
            access_token: access.clone(),
            credential_id: credential_id.to_owned(),
        })
        .await
        .map(drop)
    }
}
