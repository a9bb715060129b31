//! Password steps that belong to the session: the new password Cognito demands of a user an
//! administrator created (`NEW_PASSWORD_REQUIRED`), and changing the password while signed in.

use super::SessionCtx;
use leptos_cognito_core::api::{ChallengeResponses, ChallengeSessionInfo};
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::CognitoError;

impl SessionCtx {
    /// Answers `NEW_PASSWORD_REQUIRED` with the user's own password and, on success, signs in.
    /// `Ok(Some(_))` means Cognito asks for yet another step.
    pub async fn complete_new_password(
        &self,
        email: &str,
        challenge: &ChallengeSessionInfo,
        new_password: Password,
    ) -> Result<Option<ChallengeSessionInfo>, CognitoError> {
        let responses = ChallengeResponses::NewPassword {
            username: challenge.username_or(email),
            new_password,
        };
        let outcome = self
            .client()
            .respond_to_challenge(responses, challenge.session.clone())
            .await?;
        self.signed_in(outcome, email)
    }

    /// Changes the signed-in user's password (`ChangePassword`). The error is what to tell them.
    pub async fn change_password(
        &self,
        previous: Password,
        proposed: Password,
    ) -> Result<(), Problem> {
        let access = self.access_token().await.map_err(|error| error.problem())?;
        self.client()
            .change_password(&access, previous, proposed)
            .await
            .map_err(|error| error.problem())
    }
}
