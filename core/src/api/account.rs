//! The signed-in user's own account: changing attributes, verifying an email or phone number
//! with a code, and deleting the account.

use super::{AttributeType, CodeDeliveryDetails, Empty, Operation};
use crate::secret::{AccessToken, OneTimeCode};
use serde::{Deserialize, Serialize};

/// Changes attributes; a blank value deletes one. An email or phone number that needs
/// verifying gets a code, listed in the answer; where the pool requires verification before
/// the update (`AttributesRequireVerificationBeforeUpdate`) the old value stays until then.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateUserAttributes {
    pub access_token: AccessToken,
    pub user_attributes: Vec<AttributeType>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateUserAttributesResponse {
    #[serde(default)]
    pub code_delivery_details_list: Vec<CodeDeliveryDetails>,
}

impl Operation for UpdateUserAttributes {
    const NAME: &'static str = "UpdateUserAttributes";
    type Response = UpdateUserAttributesResponse;
}

/// Proves an email address or phone number with the code sent to it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct VerifyUserAttribute {
    pub access_token: AccessToken,
    pub attribute_name: String,
    pub code: OneTimeCode,
}

impl Operation for VerifyUserAttribute {
    const NAME: &'static str = "VerifyUserAttribute";
    type Response = Empty;
}

/// Sends a (new) code for an email address or phone number.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetUserAttributeVerificationCode {
    pub access_token: AccessToken,
    pub attribute_name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetUserAttributeVerificationCodeResponse {
    #[serde(default)]
    pub code_delivery_details: Option<CodeDeliveryDetails>,
}

impl Operation for GetUserAttributeVerificationCode {
    const NAME: &'static str = "GetUserAttributeVerificationCode";
    type Response = GetUserAttributeVerificationCodeResponse;
}

/// Deletes the signed-in user's account.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteUser {
    pub access_token: AccessToken,
}

impl Operation for DeleteUser {
    const NAME: &'static str = "DeleteUser";
    type Response = Empty;
}
