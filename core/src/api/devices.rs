//! The operations behind remembered devices: registering the device a sign-in created, marking
//! it remembered or not, listing a user's devices and forgetting one.

use super::{AttributeType, Empty, Operation};
use crate::secret::AccessToken;
use serde::{Deserialize, Serialize};

/// The device a sign-in created, in `AuthenticationResult.NewDeviceMetadata`: Cognito tracks it
/// once it is confirmed with [`ConfirmDevice`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct NewDeviceMetadata {
    pub device_key: String,
    pub device_group_key: String,
}

/// The device's SRP verifier and salt, each base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeviceSecretVerifierConfig {
    pub password_verifier: String,
    pub salt: String,
}

/// Registers a new device with its verifier, so it can later prove itself by SRP.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmDevice {
    pub access_token: AccessToken,
    pub device_key: String,
    pub device_secret_verifier_config: DeviceSecretVerifierConfig,
    /// How the device is listed to the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmDeviceResponse {
    /// True when the pool lets the user choose whether to remember the device (then the page
    /// asks, and says so with [`UpdateDeviceStatus`]); false when Cognito remembers it itself.
    #[serde(default)]
    pub user_confirmation_necessary: bool,
}

impl Operation for ConfirmDevice {
    const NAME: &'static str = "ConfirmDevice";
    type Response = ConfirmDeviceResponse;
}

/// Whether Cognito remembers a device (a remembered one may skip the second factor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceRememberedStatus {
    Remembered,
    NotRemembered,
}

impl DeviceRememberedStatus {
    /// Cognito's name for the status.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Remembered => "remembered",
            Self::NotRemembered => "not_remembered",
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateDeviceStatus {
    pub access_token: AccessToken,
    pub device_key: String,
    pub device_remembered_status: DeviceRememberedStatus,
}

impl Operation for UpdateDeviceStatus {
    const NAME: &'static str = "UpdateDeviceStatus";
    type Response = Empty;
}

/// Most devices one `ListDevices` page may ask for.
pub const LIST_DEVICES_MAX_LIMIT: u32 = 60;

/// One page of the signed-in user's devices.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListDevices {
    pub access_token: AccessToken,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pagination_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListDevicesResponse {
    #[serde(default)]
    pub devices: Vec<DeviceType>,
    /// Present when there are more pages.
    #[serde(default)]
    pub pagination_token: Option<String>,
}

impl Operation for ListDevices {
    const NAME: &'static str = "ListDevices";
    type Response = ListDevicesResponse;
}

/// A device as `ListDevices` describes it; dates are seconds since the Unix epoch.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeviceType {
    pub device_key: String,
    #[serde(default)]
    pub device_attributes: Vec<AttributeType>,
    #[serde(default)]
    pub device_create_date: Option<f64>,
    #[serde(default)]
    pub device_last_modified_date: Option<f64>,
    #[serde(default)]
    pub device_last_authenticated_date: Option<f64>,
}

impl DeviceType {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.device_attributes
            .iter()
            .find(|attribute| attribute.name == name)
            .map(|attribute| attribute.value.as_str())
    }

    /// The name given at `ConfirmDevice`.
    pub fn name(&self) -> Option<&str> {
        self.attribute("device_name")
    }

    /// Whether Cognito remembers the device; `None` when it doesn't say.
    pub fn remembered_status(&self) -> Option<DeviceRememberedStatus> {
        match self.attribute("dev:device_remembered_status")? {
            "remembered" => Some(DeviceRememberedStatus::Remembered),
            "not_remembered" => Some(DeviceRememberedStatus::NotRemembered),
            _ => None,
        }
    }
}

/// Stops tracking a device: its next sign-in is a new device again.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ForgetDevice {
    pub access_token: AccessToken,
    pub device_key: String,
}

impl Operation for ForgetDevice {
    const NAME: &'static str = "ForgetDevice";
    type Response = Empty;
}
