//! `config.json`, read at start so one build serves any user pool.
//!
//! Fields: `region`, `userPoolId`, `clientId`, optional `endpoint`. Unknown fields are ignored so
//! a newer config still serves an older build. Every error names the field at fault.

use crate::api::AuthFlow;
use crate::password_policy::PasswordPolicy;
use crate::redirect::normalize_origin;
use serde_json::{Map, Value};

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

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("config.json could not be loaded: {0}")]
    Unavailable(String),
    #[error("config.json is not valid JSON: {0}")]
    NotJson(String),
    #[error("config.json must be a JSON object with the fields region, userPoolId and clientId")]
    NotAnObject,
    #[error("config.json is missing the field \"{0}\"")]
    Missing(&'static str),
    #[error("config.json field \"{field}\" must be a string")]
    NotAString { field: &'static str },
    #[error("config.json field \"{field}\" is invalid: {reason}")]
    Invalid {
        field: &'static str,
        reason: &'static str,
    },
}

impl ConfigError {
    /// The field at fault, if the error concerns one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Missing(field) | Self::NotAString { field } | Self::Invalid { field, .. } => {
                Some(field)
            }
            _ => None,
        }
    }
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
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                url.to_owned()
            }
            Some(_) => return Err(invalid("endpoint", "expected an http:// or https:// URL")),
        };
        let password_policy = PasswordPolicy::from_config(object.get("passwordPolicy"))?;
        let auth_flow = match optional(object, "authFlow")? {
            None => AuthFlow::default(),
            Some(name) => AuthFlow::from_name(name).ok_or_else(|| {
                invalid("authFlow", "expected USER_SRP_AUTH or USER_PASSWORD_AUTH")
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
        Ok(Self {
            region: region.to_owned(),
            user_pool_id: user_pool_id.to_owned(),
            client_id: client_id.to_owned(),
            endpoint,
            password_policy,
            auth_flow,
            embedding,
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

fn invalid(field: &'static str, reason: &'static str) -> ConfigError {
    ConfigError::Invalid { field, reason }
}

fn optional<'a>(
    object: &'a Map<String, Value>,
    field: &'static str,
) -> Result<Option<&'a str>, ConfigError> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim())),
        Some(_) => Err(ConfigError::NotAString { field }),
    }
}

fn required<'a>(
    object: &'a Map<String, Value>,
    field: &'static str,
) -> Result<&'a str, ConfigError> {
    optional(object, field)?.ok_or(ConfigError::Missing(field))
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
mod tests {
    use super::*;

    const GOOD: &str = r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_AbC123","clientId":"abc123def"}"#;

    #[test]
    fn minimal_config_gets_the_regional_endpoint() {
        let config = AppConfig::parse(GOOD).unwrap();
        assert_eq!(
            config.endpoint,
            "https://cognito-idp.ap-northeast-1.amazonaws.com/"
        );
        assert_eq!(config.client_id, "abc123def");
    }

    #[test]
    fn explicit_endpoint_and_unknown_fields_are_accepted() {
        let config = AppConfig::parse(
            r#"{"region":"us-east-1","userPoolId":"us-east-1_x1","clientId":"c1",
                "endpoint":"http://127.0.0.1:9229/","theme":{"accent":"red"},"authFlow":"USER_SRP_AUTH"}"#,
        )
        .unwrap();
        assert_eq!(config.endpoint, "http://127.0.0.1:9229/");
    }

    #[test]
    fn each_broken_field_is_named() {
        let cases = [
            (
                r#"{"userPoolId":"ap-northeast-1_A","clientId":"c"}"#,
                "region",
            ),
            (
                r#"{"region":"ap-northeast-1","clientId":"c"}"#,
                "userPoolId",
            ),
            (
                r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A"}"#,
                "clientId",
            ),
            (
                r#"{"region":7,"userPoolId":"ap-northeast-1_A","clientId":"c"}"#,
                "region",
            ),
            (
                r#"{"region":"Tokyo","userPoolId":"ap-northeast-1_A","clientId":"c"}"#,
                "region",
            ),
            (
                r#"{"region":"ap-northeast-1","userPoolId":"us-east-1_A","clientId":"c"}"#,
                "userPoolId",
            ),
            (
                r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_","clientId":"c"}"#,
                "userPoolId",
            ),
            (
                r#"{"region":"ap-northeast-1","userPoolId":"pool","clientId":"c"}"#,
                "userPoolId",
            ),
            (
                r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A","clientId":""}"#,
                "clientId",
            ),
            (
                r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A","clientId":"a b"}"#,
                "clientId",
            ),
            (
                r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A","clientId":"c","endpoint":"ftp://x"}"#,
                "endpoint",
            ),
            (
                r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A","clientId":"c","endpoint":5}"#,
                "endpoint",
            ),
        ];
        for (text, field) in cases {
            let error = AppConfig::parse(text).unwrap_err();
            assert_eq!(error.field(), Some(field), "{text}: {error}");
            assert!(error.to_string().contains(field), "{error}");
        }
    }

    #[test]
    fn password_policy_is_read_or_defaults() {
        assert_eq!(
            AppConfig::parse(GOOD).unwrap().password_policy,
            PasswordPolicy::default()
        );
        let config = AppConfig::parse(
            r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A","clientId":"c",
                "passwordPolicy":{"minimumLength":10,"requireLowercase":true}}"#,
        )
        .unwrap();
        assert_eq!(config.password_policy.minimum_length, 10);
        assert!(!config.password_policy.require_symbols);
        let error = AppConfig::parse(
            r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A","clientId":"c",
                "passwordPolicy":{"minimumLength":3}}"#,
        )
        .unwrap_err();
        assert_eq!(error.field(), Some("passwordPolicy.minimumLength"));
    }

    #[test]
    fn embedding_defaults_to_nobody_and_reads_its_fields() {
        let config = AppConfig::parse(GOOD).unwrap();
        assert_eq!(config.embedding, Embedding::default());
        let config = AppConfig::parse(
            r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A","clientId":"c",
                "allowedRedirectOrigins":["https://App.example.com/","http://localhost:3000"],
                "shareRefreshToken":true}"#,
        )
        .unwrap();
        assert_eq!(
            config.embedding.allowed_origins,
            ["https://app.example.com", "http://localhost:3000"]
        );
        assert!(config.embedding.share_refresh_token);
    }

    #[test]
    fn bad_embedding_fields_are_named() {
        for (extra, field) in [
            (
                r#""allowedRedirectOrigins":"https://a.com""#,
                "allowedRedirectOrigins",
            ),
            (
                r#""allowedRedirectOrigins":["*"]"#,
                "allowedRedirectOrigins",
            ),
            (
                r#""allowedRedirectOrigins":["https://a.com/path"]"#,
                "allowedRedirectOrigins",
            ),
            (
                r#""allowedRedirectOrigins":["javascript:alert(1)"]"#,
                "allowedRedirectOrigins",
            ),
            (r#""allowedRedirectOrigins":[7]"#, "allowedRedirectOrigins"),
            (r#""shareRefreshToken":"yes""#, "shareRefreshToken"),
        ] {
            let text = format!(
                r#"{{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A","clientId":"c",{extra}}}"#
            );
            assert_eq!(
                AppConfig::parse(&text).unwrap_err().field(),
                Some(field),
                "{extra}"
            );
        }
    }

    #[test]
    fn non_objects_and_broken_json_are_explained() {
        assert!(matches!(
            AppConfig::parse("[1]"),
            Err(ConfigError::NotAnObject)
        ));
        assert!(matches!(
            AppConfig::parse("<html>"),
            Err(ConfigError::NotJson(_))
        ));
        assert!(matches!(AppConfig::parse(""), Err(ConfigError::NotJson(_))));
    }

    #[test]
    fn auth_flow_defaults_to_srp_and_accepts_password_auth() {
        assert_eq!(AppConfig::parse(GOOD).unwrap().auth_flow, AuthFlow::UserSrp);
        let with =
            |flow: &str| AppConfig::parse(&GOOD.replace('}', &format!(r#","authFlow":{flow}}}"#)));
        assert_eq!(
            with(r#""USER_SRP_AUTH""#).unwrap().auth_flow,
            AuthFlow::UserSrp
        );
        assert_eq!(
            with(r#"" USER_PASSWORD_AUTH ""#).unwrap().auth_flow,
            AuthFlow::UserPassword
        );
        assert_eq!(with("null").unwrap().auth_flow, AuthFlow::UserSrp);
        for bad in [
            r#""REFRESH_TOKEN_AUTH""#,
            r#""user_srp_auth""#,
            r#""""#,
            "7",
            "true",
        ] {
            let error = with(bad).unwrap_err();
            assert_eq!(error.field(), Some("authFlow"), "{bad}: {error}");
            assert!(error.to_string().contains("authFlow"), "{error}");
        }
    }
}
