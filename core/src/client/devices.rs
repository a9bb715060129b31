//! Remembered devices: registering the device a sign-in created, proving it on a later
//! sign-in (`DEVICE_SRP_AUTH`), and the signed-in user's list of devices.

use super::{refused_by_srp, CognitoClient, SignInOutcome};
use crate::api::{
    ChallengeName, ChallengeResponses, ChallengeSessionInfo, ConfirmDevice, DeviceRememberedStatus,
    DeviceSecretVerifierConfig, DeviceType, ForgetDevice, ListDevices, NewDeviceMetadata,
    UpdateDeviceStatus, LIST_DEVICES_MAX_LIMIT,
};
use crate::error::CognitoError;
use crate::http::HttpTransport;
use crate::secret::AccessToken;
use crate::srp::device::{DeviceVerifier, DeviceVerifierChallenge, RememberedDevice};
use crate::srp::{self, SrpClient};

/// A device Cognito now tracks, and whether the user is to choose if it is remembered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmedDevice {
    /// What this device keeps to prove itself later.
    pub device: RememberedDevice,
    /// True: ask the user, then [`update_device_status`](CognitoClient::update_device_status).
    pub user_confirmation_necessary: bool,
}

impl<T: HttpTransport> CognitoClient<T> {
    /// Registers the device a sign-in created: a new device password and salt from the secure
    /// random source, and their verifier sent with `ConfirmDevice`. The password stays here.
    pub async fn confirm_device(
        &self,
        access: &AccessToken,
        new_device: &NewDeviceMetadata,
        device_name: Option<String>,
    ) -> Result<ConfirmedDevice, CognitoError> {
        let (secret, verifier) =
            DeviceVerifier::generate(&new_device.device_group_key, &new_device.device_key)
                .map_err(|e| CognitoError::NoSecureRandom(e.to_string()))?;
        let response = self
            .call(&ConfirmDevice {
                access_token: access.clone(),
                device_key: new_device.device_key.clone(),
                device_secret_verifier_config: DeviceSecretVerifierConfig {
                    password_verifier: verifier.verifier_b64,
                    salt: verifier.salt_b64,
                },
                device_name,
            })
            .await?;
        Ok(ConfirmedDevice {
            device: RememberedDevice {
                key: new_device.device_key.clone(),
                group_key: new_device.device_group_key.clone(),
                secret,
            },
            user_confirmation_necessary: response.user_confirmation_necessary,
        })
    }

    /// Marks a device remembered or not.
    pub async fn update_device_status(
        &self,
        access: &AccessToken,
        device_key: &str,
        status: DeviceRememberedStatus,
    ) -> Result<(), CognitoError> {
        self.call(&UpdateDeviceStatus {
            access_token: access.clone(),
            device_key: device_key.to_owned(),
            device_remembered_status: status,
        })
        .await
        .map(drop)
    }

    /// All the signed-in user's devices, page after page.
    pub async fn list_devices(
        &self,
        access: &AccessToken,
    ) -> Result<Vec<DeviceType>, CognitoError> {
        let mut devices = Vec::new();
        let mut pagination_token = None;
        loop {
            let page = self
                .call(&ListDevices {
                    access_token: access.clone(),
                    limit: Some(LIST_DEVICES_MAX_LIMIT),
                    pagination_token: pagination_token.clone(),
                })
                .await?;
            devices.extend(page.devices);
            match page.pagination_token {
                None => return Ok(devices),
                // A token handed back unchanged would ask for the same page for ever.
                Some(token) if Some(&token) == pagination_token.as_ref() => {
                    return Err(CognitoError::UnexpectedResponse {
                        status: 200,
                        detail: "ListDevices returned the same pagination token again".into(),
                    })
                }
                next => pagination_token = next,
            }
        }
    }

    /// Stops tracking a device.
    pub async fn forget_device(
        &self,
        access: &AccessToken,
        device_key: &str,
    ) -> Result<(), CognitoError> {
        self.call(&ForgetDevice {
            access_token: access.clone(),
            device_key: device_key.to_owned(),
        })
        .await
        .map(drop)
    }

    /// Answers `DEVICE_SRP_AUTH` for a remembered device: its `A`, then its proof for
    /// `DEVICE_PASSWORD_VERIFIER` signed at `now_epoch_ms()`. Any other challenge or outcome
    /// is passed on as it is.
    pub async fn prove_device(
        &self,
        challenge: ChallengeSessionInfo,
        username: &str,
        device: &RememberedDevice,
        now_epoch_ms: impl Fn() -> u64,
    ) -> Result<SignInOutcome, CognitoError> {
        if challenge.name != ChallengeName::DeviceSrpAuth {
            return Ok(SignInOutcome::Challenge(challenge));
        }
        self.prove_device_with_srp_client(self.srp()?, challenge, username, device, now_epoch_ms)
            .await
    }

    /// [`prove_device`](Self::prove_device) with a given [`SrpClient`], so tests can choose
    /// its secret.
    pub async fn prove_device_with_srp_client(
        &self,
        srp: SrpClient,
        challenge: ChallengeSessionInfo,
        username: &str,
        device: &RememberedDevice,
        now_epoch_ms: impl Fn() -> u64,
    ) -> Result<SignInOutcome, CognitoError> {
        if challenge.name != ChallengeName::DeviceSrpAuth {
            return Ok(SignInOutcome::Challenge(challenge));
        }
        let username = challenge.username_or(username);
        let outcome = self
            .respond_to_challenge(
                ChallengeResponses::DeviceSrpAuth {
                    username: username.clone(),
                    device_key: device.key.clone(),
                    srp_a: srp.srp_a(),
                },
                challenge.session,
            )
            .await?;
        let verifier = match outcome {
            SignInOutcome::Challenge(next)
                if next.name == ChallengeName::DevicePasswordVerifier =>
            {
                next
            }
            other => return Ok(other),
        };
        let parameters = DeviceVerifierChallenge::from_parameters(&verifier.parameters)
            .map_err(refused_by_srp)?;
        let claim = srp
            .device_password_claim(device, &parameters, srp::timestamp(now_epoch_ms()))
            .map_err(refused_by_srp)?;
        self.respond_to_challenge(
            ChallengeResponses::DevicePasswordVerifier {
                username: verifier.username_or(&username),
                device_key: device.key.clone(),
                secret_block: claim.secret_block,
                signature: claim.signature,
                timestamp: claim.timestamp,
            },
            verifier.session,
        )
        .await
    }
}
