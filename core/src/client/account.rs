//! The user's own account: sign-up with attributes, attribute changes and their
//! verification codes, and deleting the account.

use super::CognitoClient;
use crate::api::{
    AttributeType, CodeDeliveryDetails, DeleteUser, GetUserAttributeVerificationCode, SignUp,
    SignUpResponse, UpdateUserAttributes, VerifyUserAttribute,
};
use crate::attributes::Verifiable;
use crate::error::CognitoError;
use crate::http::HttpTransport;
use crate::secret::{AccessToken, OneTimeCode, Password};

impl<T: HttpTransport> CognitoClient<T> {
    /// Registers a user under `username` (the email or phone number itself where the pool uses
    /// it as the username) with `attributes` (`email`, `phone_number` and the site's
    /// `signUpAttributes`); without a password where the pool lets users sign in without one.
    pub async fn sign_up(
        &self,
        username: &str,
        password: Option<Password>,
        attributes: Vec<AttributeType>,
    ) -> Result<SignUpResponse, CognitoError> {
        self.call(&SignUp {
            client_id: self.client_id.clone(),
            username: username.to_owned(),
            password,
            user_attributes: attributes,
        })
        .await
    }

    /// Changes the user's attributes; where codes were sent (a new email or phone number), the
    /// deliveries.
    pub async fn update_user_attributes(
        &self,
        access: &AccessToken,
        attributes: Vec<AttributeType>,
    ) -> Result<Vec<CodeDeliveryDetails>, CognitoError> {
        self.call(&UpdateUserAttributes {
            access_token: access.clone(),
            user_attributes: attributes,
        })
        .await
        .map(|response| response.code_delivery_details_list)
    }

    pub async fn verify_user_attribute(
        &self,
        access: &AccessToken,
        attribute: Verifiable,
        code: &str,
    ) -> Result<(), CognitoError> {
        self.call(&VerifyUserAttribute {
            access_token: access.clone(),
            attribute_name: attribute.cognito_name().to_owned(),
            code: OneTimeCode::new(code),
        })
        .await
        .map(drop)
    }

    /// Sends a new code to the attribute's waiting or current value.
    pub async fn send_attribute_code(
        &self,
        access: &AccessToken,
        attribute: Verifiable,
    ) -> Result<Option<CodeDeliveryDetails>, CognitoError> {
        self.call(&GetUserAttributeVerificationCode {
            access_token: access.clone(),
            attribute_name: attribute.cognito_name().to_owned(),
        })
        .await
        .map(|response| response.code_delivery_details)
    }

    pub async fn delete_user(&self, access: &AccessToken) -> Result<(), CognitoError> {
        self.call(&DeleteUser {
            access_token: access.clone(),
        })
        .await
        .map(drop)
    }
}
