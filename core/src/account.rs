//! Looking after an account's password: resetting a forgotten one with an emailed code
//! (`ForgotPassword`, `ConfirmForgotPassword`) and changing it while signed in (`ChangePassword`).

use crate::api::{CodeDeliveryDetails, Empty, Operation};
use crate::client::CognitoClient;
use crate::error::CognitoError;
use crate::http::HttpTransport;
use crate::secret::{AccessToken, Password};
use serde::{Deserialize, Serialize};

/// Asks Cognito to send a password-reset code to the account's verified address.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ForgotPassword {
    pub client_id: String,
    pub username: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ForgotPasswordResponse {
    #[serde(default)]
    pub code_delivery_details: Option<CodeDeliveryDetails>,
}

impl Operation for ForgotPassword {
    const NAME: &'static str = "ForgotPassword";
    type Response = ForgotPasswordResponse;
}

/// Sets a new password with the code from [`ForgotPassword`].
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmForgotPassword {
    pub client_id: String,
    pub username: String,
    pub confirmation_code: String,
    pub password: Password,
}

impl Operation for ConfirmForgotPassword {
    const NAME: &'static str = "ConfirmForgotPassword";
    type Response = Empty;
}

/// Changes the password of the signed-in user, who proves it with the current one.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ChangePassword {
    pub access_token: AccessToken,
    pub previous_password: Password,
    pub proposed_password: Password,
}

impl Operation for ChangePassword {
    const NAME: &'static str = "ChangePassword";
    type Response = Empty;
}

impl<T: HttpTransport> CognitoClient<T> {
    /// Sends a reset code; the answer says where it went (e.g. `a***@e***`).
    pub async fn forgot_password(
        &self,
        email: &str,
    ) -> Result<Option<CodeDeliveryDetails>, CognitoError> {
        self.call(&ForgotPassword {
            client_id: self.client_id().to_owned(),
            username: email.to_owned(),
        })
        .await
        .map(|response| response.code_delivery_details)
    }

    pub async fn confirm_forgot_password(
        &self,
        email: &str,
        code: &str,
        new_password: Password,
    ) -> Result<(), CognitoError> {
        self.call(&ConfirmForgotPassword {
            client_id: self.client_id().to_owned(),
            username: email.to_owned(),
            confirmation_code: code.to_owned(),
            password: new_password,
        })
        .await
        .map(drop)
    }

    pub async fn change_password(
        &self,
        access: &AccessToken,
        previous: Password,
        proposed: Password,
    ) -> Result<(), CognitoError> {
        self.call(&ChangePassword {
            access_token: access.clone(),
            previous_password: previous,
            proposed_password: proposed,
        })
        .await
        .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::http::{HttpRequest, HttpResponse, TransportError};
    use pollster::block_on;
    use serde_json::{json, Value};
    use std::cell::RefCell;

    /// Answers every request with one reply and keeps what was sent.
    struct OneReply {
        status: u16,
        body: &'static str,
        sent: RefCell<Vec<HttpRequest>>,
    }

    impl OneReply {
        fn new(status: u16, body: &'static str) -> Self {
            Self {
                status,
                body,
                sent: RefCell::default(),
            }
        }

        fn only_request(&self) -> (String, Value) {
            let sent = self.sent.borrow();
            assert_eq!(sent.len(), 1);
            let target = sent[0]
                .headers
                .iter()
                .find(|(name, _)| *name == "X-Amz-Target")
                .map(|(_, value)| value.clone())
                .unwrap_or_default();
            (target, serde_json::from_str(&sent[0].body).unwrap())
        }
    }

    impl HttpTransport for &OneReply {
        async fn post(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
            self.sent.borrow_mut().push(request);
            Ok(HttpResponse {
                status: self.status,
                body: self.body.to_owned(),
            })
        }
    }

    fn client(transport: &OneReply) -> CognitoClient<&OneReply> {
        CognitoClient::new("http://127.0.0.1:9229/", "client-1", transport)
    }

    #[test]
    fn forgot_password_sends_the_username_and_reads_where_the_code_went() {
        let transport = OneReply::new(
            200,
            r#"{"CodeDeliveryDetails":{"Destination":"a***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#,
        );
        let delivery = block_on(client(&transport).forgot_password("a@example.com")).unwrap();
        assert_eq!(delivery.unwrap().destination.as_deref(), Some("a***@e***"));
        let (target, body) = transport.only_request();
        assert_eq!(target, "AWSCognitoIdentityProviderService.ForgotPassword");
        assert_eq!(
            body,
            json!({"ClientId": "client-1", "Username": "a@example.com"})
        );
    }

    #[test]
    fn confirm_forgot_password_carries_code_and_new_password() {
        let transport = OneReply::new(200, "{}");
        block_on(client(&transport).confirm_forgot_password(
            "a@example.com",
            "123456",
            Password::new("N3w-password"),
        ))
        .unwrap();
        let (target, body) = transport.only_request();
        assert_eq!(
            target,
            "AWSCognitoIdentityProviderService.ConfirmForgotPassword"
        );
        assert_eq!(
            body,
            json!({"ClientId": "client-1", "Username": "a@example.com", "ConfirmationCode": "123456", "Password": "N3w-password"})
        );
    }

    #[test]
    fn change_password_proves_the_user_with_the_access_token_and_old_password() {
        let transport = OneReply::new(200, "{}");
        block_on(client(&transport).change_password(
            &AccessToken::new("acc"),
            Password::new("Old-pass-1"),
            Password::new("N3w-password"),
        ))
        .unwrap();
        let (target, body) = transport.only_request();
        assert_eq!(target, "AWSCognitoIdentityProviderService.ChangePassword");
        assert_eq!(
            body,
            json!({"AccessToken": "acc", "PreviousPassword": "Old-pass-1", "ProposedPassword": "N3w-password"})
        );
    }

    #[test]
    fn refusals_come_back_typed() {
        let transport = OneReply::new(
            400,
            r#"{"__type":"ExpiredCodeException","message":"Invalid code provided, please request a code again."}"#,
        );
        let error = block_on(client(&transport).confirm_forgot_password(
            "a@example.com",
            "1",
            Password::new("x"),
        ))
        .unwrap_err();
        assert_eq!(error.code(), Some(ErrorCode::ExpiredCode));
    }

    #[test]
    fn requests_never_show_the_passwords_when_debug_printed() {
        let request = ChangePassword {
            access_token: AccessToken::new("acc-secret"),
            previous_password: Password::new("old-secret"),
            proposed_password: Password::new("new-secret"),
        };
        let shown = format!("{request:?}");
        for secret in ["acc-secret", "old-secret", "new-secret"] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }
}
