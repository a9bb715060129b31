//! `config.json`, read at start so one build serves any user pool.
//!
//! Fields: `region`, `userPoolId`, `clientId`, optional `endpoint`, and optional branding
//! (`title`, `logoUrl`, `logoAlt`, `theme`), and the pool's second factors (`mfaConfiguration`,
//! `enabledMfas`, `totpIssuer`), the attributes sign-up asks for (`signUpAttributes`), the sign-in
//! identifiers (`signIn`), and sign-in through the pool domain (`oauth`). Unknown fields are
//! ignored so a newer config still serves an older build. Every error names the field at fault.

mod branding;
mod devices;
mod endpoint;
mod error;
mod mfa;
mod oauth;
mod password_policy;
mod sign_in;
mod sign_up_attributes;

pub use branding::{Branding, THEME_PROPERTIES};
pub use devices::DeviceTracking;
pub use error::ConfigError;
pub use mfa::{MfaMode, MfaPolicy};
pub use oauth::{
    IdentityProvider, OAuthConfig, ProviderKind, DEFAULT_REDIRECT_PATH, DEFAULT_SCOPES,
};

use crate::api::AuthFlow;
use crate::attributes::SignUpAttribute;
use crate::identifier::SignInIdentifiers;
use crate::password_policy::PasswordPolicy;
use crate::redirect::normalize_origin;
use crate::sign_in_factor::{self, FirstFactor};
use error::{invalid, optional, required};
use serde_json::Value;

/// The validated configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppConfig {
    pub region: String,
    pub user_pool_id: String,
    pub client_id: String,
    /// The Cognito endpoint to `POST` to; defaults to the region's public endpoint.
    pub endpoint: String,
    /// `passwordPolicy`: the pool's rules for new passwords; Cognito's default when absent.
    pub password_policy: PasswordPolicy,
    /// `authFlow`: how sign-in proves the password; `USER_SRP_AUTH` (the default) or
    /// `USER_PASSWORD_AUTH` for app clients that don't allow SRP.
    pub auth_flow: AuthFlow,
    /// Who may get the user back after sign-in, and what they may be handed.
    pub embedding: Embedding,
    /// The site's name, logo and colours.
    pub branding: Branding,
    /// The second factors the pool takes.
    pub mfa: MfaPolicy,
    /// `firstAuthFactors`: with `USER_AUTH`, the pool's first factors (its
    /// `AllowedFirstAuthFactors`), in the order to offer them; the password alone when absent.
    pub first_factors: Vec<FirstFactor>,
    /// `deviceTracking`: whether the pool remembers devices.
    pub device_tracking: DeviceTracking,
    /// `signUpAttributes`: what sign-up asks for besides the email.
    pub sign_up_attributes: Vec<SignUpAttribute>,
    /// `oauth`: sign-in through the pool domain (social and company providers); none when absent.
    pub oauth: Option<OAuthConfig>,
    /// `signIn`: what users sign in with, and the pool's case rule.
    pub sign_in: SignInIdentifiers,
}

/// How the page may be embedded as a site's login page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embedding {
    /// `allowedRedirectOrigins`: origins (`https://app.example.com`) that `?return_to=` may
    /// lead to, that may frame the page, and that may receive the session by `postMessage`.
    pub allowed_origins: Vec<String>,
    /// `shareRefreshToken`: whether the session posted to an embedder includes the refresh
    /// token. Off unless the config says `true`: the embedder then holds a long-lived secret.
    pub share_refresh_token: bool,
}

impl AppConfig {
    /// Parses and validates the text of `config.json`.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| ConfigError::NotJson(e.to_string()))?;
        let object = value.as_object().ok_or(ConfigError::NotAnObject)?;

        let region = required(object, "region")?;
        if !is_region(region) {
            return Err(invalid(
                "region",
                "expected an AWS region such as ap-northeast-1",
            ));
        }
        let user_pool_id = required(object, "userPoolId")?;
        match user_pool_id.split_once('_') {
            Some((pool_region, suffix))
                if pool_region == region && !suffix.is_empty() && is_word(suffix) => {}
            Some((pool_region, _)) if pool_region != region => {
                return Err(invalid("userPoolId", "it belongs to a different region"))
            }
            _ => {
                return Err(invalid(
                    "userPoolId",
                    "expected <region>_<id>, such as ap-northeast-1_AbC123",
                ))
            }
        }
        let client_id = required(object, "clientId")?;
        if client_id.is_empty() || !is_word(client_id) {
            return Err(invalid(
                "clientId",
                "expected the app client id (letters and digits)",
            ));
        }
        let endpoint = match optional(object, "endpoint")? {
            None => format!("https://cognito-idp.{region}.amazonaws.com/"),
            Some(url) => endpoint::read(url)?,
        };
        let password_policy = password_policy::read(object.get("passwordPolicy"))?;
        let auth_flow = match optional(object, "authFlow")? {
            None => AuthFlow::default(),
            Some(name) => AuthFlow::from_name(name).ok_or_else(|| {
                invalid(
                    "authFlow",
                    "expected USER_SRP_AUTH, USER_PASSWORD_AUTH or USER_AUTH",
                )
            })?,
        };
        let embedding = Embedding {
            allowed_origins: allowed_origins(object.get("allowedRedirectOrigins"))?,
            share_refresh_token: match object.get("shareRefreshToken") {
                None | Some(Value::Null) => false,
                Some(Value::Bool(share)) => *share,
                Some(_) => return Err(invalid("shareRefreshToken", "expected true or false")),
            },
        };
        let branding = branding::read(object)?;
        let mfa = mfa::read(object)?;
        let first_factors = first_factors(object.get("firstAuthFactors"))?;
        let device_tracking = devices::read(object)?;
        let sign_up_attributes = sign_up_attributes::read(object.get("signUpAttributes"))?;
        let oauth = oauth::read(object)?;
        let sign_in = sign_in::read(object)?;
        sign_up_attributes::check_against(&sign_up_attributes, &sign_in)?;
        Ok(Self {
            region: region.to_owned(),
            user_pool_id: user_pool_id.to_owned(),
            client_id: client_id.to_owned(),
            endpoint,
            password_policy,
            auth_flow,
            embedding,
            branding,
            mfa,
            first_factors,
            device_tracking,
            sign_up_attributes,
            oauth,
            sign_in,
        })
    }
}

/// `allowedRedirectOrigins`: a list of `scheme://host[:port]` origins, normalized.
fn allowed_origins(value: Option<&Value>) -> Result<Vec<String>, ConfigError> {
    const FIELD: &str = "allowedRedirectOrigins";
    let items = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(invalid(FIELD, "expected a list of origins")),
    };
    items
        .iter()
        .map(|item| {
            item.as_str()
                .and_then(normalize_origin)
                .ok_or_else(|| invalid(FIELD, "expected origins such as https://app.example.com"))
        })
        .collect()
}

/// `firstAuthFactors`: a non-empty list of `PASSWORD`, `EMAIL_OTP`, `SMS_OTP`, `WEB_AUTHN`.
fn first_factors(value: Option<&Value>) -> Result<Vec<FirstFactor>, ConfigError> {
    const FIELD: &str = "firstAuthFactors";
    let items = match value {
        None | Some(Value::Null) => return Ok(vec![FirstFactor::Password]),
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(_) => {
            return Err(invalid(
                FIELD,
                "expected a list such as [\"WEB_AUTHN\", \"PASSWORD\"]",
            ))
        }
    };
    let names = items
        .iter()
        .map(|item| {
            item.as_str()
                .filter(|name| FirstFactor::from_name(name).is_some())
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| invalid(FIELD, "expected PASSWORD, EMAIL_OTP, SMS_OTP or WEB_AUTHN"))?;
    Ok(sign_in_factor::first_factors(&names))
}

fn is_word(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `ap-northeast-1`, `us-gov-west-1`: lowercase words joined by dashes, ending in a number.
fn is_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        && parts[parts.len() - 1].chars().all(|c| c.is_ascii_digit())
        && !parts[parts.len() - 1].is_empty()
}

#[cfg(test)]
mod tests;
