//! `config.json`, read at start so one build serves any user pool.
//!
//! Fields: `region`, `userPoolId`, `clientId`, optional `endpoint`, and optional branding
//! (`title`, `logoUrl`, `logoAlt`, `theme`). Unknown fields are ignored so a newer config still
//! serves an older build. Every error names the field at fault.

use crate::api::AuthFlow;
use crate::password_policy::PasswordPolicy;
use crate::redirect::normalize_origin;
use serde_json::{Map, Value};
use std::net::{Ipv4Addr, Ipv6Addr};

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
}

/// How the page looks for the site: its own name and logo, and overrides of the theme's custom
/// properties.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Branding {
    /// `title`: the site's name, shown above the card and in the tab title, as given.
    pub title: Option<String>,
    /// `logoUrl`: an `https://` URL or a path on the page's own site.
    pub logo_url: Option<String>,
    /// `logoAlt`: the logo's text alternative; empty (the logo is decoration) unless given.
    pub logo_alt: String,
    /// `theme`: custom properties to override, as (`--lc-…` name, CSS value).
    pub theme: Vec<(&'static str, String)>,
}

/// The keys `theme` may set: (config key, the custom property it overrides, the field named in
/// errors).
pub const THEME_PROPERTIES: [(&str, &str, &str); 12] = [
    ("bg", "--lc-bg", "theme.bg"),
    ("surface", "--lc-surface", "theme.surface"),
    ("text", "--lc-text", "theme.text"),
    ("muted", "--lc-muted", "theme.muted"),
    ("accent", "--lc-accent", "theme.accent"),
    ("accentText", "--lc-accent-text", "theme.accentText"),
    ("danger", "--lc-danger", "theme.danger"),
    ("success", "--lc-success", "theme.success"),
    ("border", "--lc-border", "theme.border"),
    ("radius", "--lc-radius", "theme.radius"),
    ("space", "--lc-space", "theme.space"),
    ("font", "--lc-font", "theme.font"),
];

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
            Some(url) => endpoint(url)?,
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
        let branding = branding(object)?;
        Ok(Self {
            region: region.to_owned(),
            user_pool_id: user_pool_id.to_owned(),
            client_id: client_id.to_owned(),
            endpoint,
            password_policy,
            auth_flow,
            embedding,
            branding,
        })
    }
}

/// `title`, `logoUrl`, `logoAlt` and `theme`.
fn branding(object: &Map<String, Value>) -> Result<Branding, ConfigError> {
    let title = optional(object, "title")?;
    if title
        .is_some_and(|t| t.is_empty() || t.chars().count() > 100 || t.chars().any(char::is_control))
    {
        return Err(invalid(
            "title",
            "expected the site's name, 1 to 100 characters on one line",
        ));
    }
    let logo_url = optional(object, "logoUrl")?;
    if logo_url.is_some_and(|url| !is_logo_url(url)) {
        return Err(invalid(
            "logoUrl",
            "expected an https:// URL or a path on this site such as /logo.svg",
        ));
    }
    let theme = match object.get("theme") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(entries)) => entries
            .iter()
            .map(|(key, value)| theme_entry(key, value))
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(invalid(
                "theme",
                "expected an object such as {\"accent\": \"#e4007f\"}",
            ))
        }
    };
    Ok(Branding {
        title: title.map(str::to_owned),
        logo_url: logo_url.map(str::to_owned),
        logo_alt: optional(object, "logoAlt")?.unwrap_or_default().to_owned(),
        theme,
    })
}

/// One `theme` entry as (custom property, value), if the key is known and the value is plainly
/// a CSS value.
fn theme_entry(key: &str, value: &Value) -> Result<(&'static str, String), ConfigError> {
    let (_, property, field) = THEME_PROPERTIES
        .into_iter()
        .find(|(name, ..)| *name == key)
        .ok_or_else(|| {
            invalid(
                "theme",
                "unknown key; expected bg, surface, text, muted, accent, accentText, danger, \
                 success, border, radius, space or font",
            )
        })?;
    match value.as_str().map(str::trim) {
        Some(css) if is_css_value(css) => Ok((property, css.to_owned())),
        Some(_) => Err(invalid(
            field,
            "expected a plain CSS value such as #e4007f, rgb(228 0 127), 4px or \"Noto Sans\", sans-serif",
        )),
        None => Err(ConfigError::NotAString { field }),
    }
}

/// A value that can only be a value: colours, lengths, numbers, font names, and a few maths and
/// colour functions. Nothing that loads anything (`url(`, `image-set(`), escapes, or ends the
/// declaration (`;`, `}`, `!important`).
fn is_css_value(value: &str) -> bool {
    const FUNCTIONS: [&str; 14] = [
        "rgb",
        "rgba",
        "hsl",
        "hsla",
        "hwb",
        "lab",
        "lch",
        "oklab",
        "oklch",
        "color-mix",
        "calc",
        "min",
        "max",
        "clamp",
    ];
    let allowed = |c: char| c.is_ascii_alphanumeric() || " #.,%+-*/()'\"_".contains(c);
    if value.is_empty() || value.len() > 200 || !value.chars().all(allowed) {
        return false;
    }
    let mut depth = 0usize;
    for (at, c) in value.char_indices() {
        match c {
            '(' => {
                let name_start = value[..at]
                    .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .map_or(0, |i| i + 1);
                let name = &value[name_start..at];
                if !name.is_empty() && !FUNCTIONS.contains(&name.to_ascii_lowercase().as_str()) {
                    return false;
                }
                depth += 1;
            }
            ')' if depth == 0 => return false,
            ')' => depth -= 1,
            _ => {}
        }
    }
    !value.contains("/*")
        && depth == 0
        && value.matches('"').count() % 2 == 0
        && value.matches('\'').count() % 2 == 0
}

/// `https://host/...` or a path on the page's own site (`/logo.svg`, `img/logo.png`).
fn is_logo_url(url: &str) -> bool {
    let plain = !url.is_empty()
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\\\"'<>".contains(c));
    if let Some(rest) = url.strip_prefix("https://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        plain && !host.is_empty() && !host.contains('@')
    } else {
        // No scheme (nothing before a colon) and not protocol-relative (`//host`).
        plain && !url.starts_with("//") && !url.contains(':')
    }
}

/// `endpoint`: an `https://` URL, or `http://` to this machine only (a local Cognito): the
/// request bodies carry passwords and tokens.
fn endpoint(url: &str) -> Result<String, ConfigError> {
    let not_a_url = || invalid("endpoint", "expected an https:// URL");
    let (scheme, rest) = url.split_once("://").ok_or_else(not_a_url)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // User info (`http://localhost@evil.example`) would hide the real host.
    let plain = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
        && !authority.contains('@');
    let (host, port) = split_host_port(authority);
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    if !plain || !is_host(host) || !port_ok {
        return Err(not_a_url());
    }
    match scheme {
        "https" => Ok(url.to_owned()),
        "http" if is_loopback(host) => Ok(url.to_owned()),
        "http" => Err(invalid(
            "endpoint",
            "expected an https:// URL; http:// is only for this machine (localhost, 127.0.0.1, [::1])",
        )),
        _ => Err(not_a_url()),
    }
}

/// `host` and `port` of `host:port`, `[v6]:port` or a bare host.
fn split_host_port(authority: &str) -> (&str, Option<&str>) {
    let host_end = if authority.starts_with('[') {
        authority.find(']').map_or(authority.len(), |i| i + 1)
    } else {
        authority.find(':').unwrap_or(authority.len())
    };
    let (host, rest) = authority.split_at(host_end);
    match rest.strip_prefix(':') {
        Some(port) => (host, Some(port)),
        None if rest.is_empty() => (host, None),
        // Something between `]` and the port: not a host this accepts.
        None => ("", None),
    }
}

/// A DNS name or IP address (IPv6 in brackets).
fn is_host(host: &str) -> bool {
    match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => v6.parse::<Ipv6Addr>().is_ok(),
        None => {
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        }
    }
}

/// `localhost`, `127.0.0.0/8` or `[::1]`: a server that only this machine reaches.
fn is_loopback(host: &str) -> bool {
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return v6.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback());
    }
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
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
    fn endpoint_must_be_https_unless_it_is_this_machine() {
        for good in [
            "https://cognito-idp.ap-northeast-1.amazonaws.com/",
            "https://proxy.example.com:8443/cognito",
            "http://127.0.0.1:9229/",
            "http://127.8.9.10/",
            "http://localhost:9229",
            "http://LOCALHOST/",
            "http://[::1]:9229/",
            "http://[0:0:0:0:0:0:0:1]/",
        ] {
            assert_eq!(
                with_fields(&format!(r#""endpoint":"{good}""#))
                    .unwrap()
                    .endpoint,
                good
            );
        }
        for bad in [
            "http://cognito-idp.ap-northeast-1.amazonaws.com/",
            "http://192.168.1.10:9229/",
            "http://128.0.0.1/",
            "http://127.0.0.1.evil.example/",
            "http://localhost.evil.example/",
            "http://localhost@evil.example/",
            "http://127.0.0.1:9229@evil.example/",
            "http://[::2]/",
            "http://[::1]evil/",
            "http://localhost:http/",
            "http://localhost:123456/",
            "http://",
            "https://",
            "https:///path",
            "https://user@cognito.example/",
            "https://a b.example/",
            "https://cognito<x>.example/",
            "https://[::1/",
            "https://[cognito]/",
            "ftp://localhost/",
            "cognito-idp.ap-northeast-1.amazonaws.com",
            "HTTPS://cognito.example/",
        ] {
            let error = with_fields(&format!(r#""endpoint":"{bad}""#)).unwrap_err();
            assert_eq!(error.field(), Some("endpoint"), "{bad}: {error}");
            assert!(error.to_string().contains("https://"), "{bad}: {error}");
        }
        let error = with_fields(r#""endpoint":"http://10.0.0.2/""#).unwrap_err();
        assert_eq!(
            error.to_string(),
            "config.json field \"endpoint\" is invalid: expected an https:// URL; http:// is only \
             for this machine (localhost, 127.0.0.1, [::1])"
        );
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

    /// The same table drives tests/csp/csp.test.mjs: the CSP's `frame-ancestors` lets in exactly
    /// the origins this config lets in, spelled the same.
    #[test]
    fn allowed_origins_agree_with_the_csp_script() {
        let cases: Vec<Value> =
            serde_json::from_str(include_str!("../../tests/csp/origin-cases.json")).unwrap();
        assert!(cases.len() > 30);
        for case in cases {
            let entry = &case["entry"];
            let parsed = with_fields(&format!(r#""allowedRedirectOrigins":[{entry}]"#));
            match case["becomes"].as_str() {
                Some(origin) => assert_eq!(
                    parsed.unwrap().embedding.allowed_origins,
                    [origin],
                    "{entry}"
                ),
                None => assert_eq!(
                    parsed.unwrap_err().field(),
                    Some("allowedRedirectOrigins"),
                    "{entry}"
                ),
            }
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

    /// GOOD with `extra` (`"field": value, ...`) added.
    fn with_fields(extra: &str) -> Result<AppConfig, ConfigError> {
        AppConfig::parse(&GOOD.replace('}', &format!(",{extra}}}")))
    }

    #[test]
    fn branding_defaults_to_none_and_reads_title_logo_and_theme() {
        assert_eq!(
            AppConfig::parse(GOOD).unwrap().branding,
            Branding::default()
        );
        let branding = with_fields(
            r##""title":" Acme Store ","logoUrl":"https://cdn.example.com/logo.svg?v=2",
               "logoAlt":"Acme","theme":{"accent":"#e4007f","radius":"2px","accentText":"white",
               "font":"\"Noto Sans JP\", sans-serif","border":"rgb(0 0 0 / 20%)",
               "space":"calc(1rem + 2px)"}"##,
        )
        .unwrap()
        .branding;
        assert_eq!(branding.title.as_deref(), Some("Acme Store"));
        assert_eq!(
            branding.logo_url.as_deref(),
            Some("https://cdn.example.com/logo.svg?v=2")
        );
        assert_eq!(branding.logo_alt, "Acme");
        let mut theme = branding.theme;
        theme.sort();
        assert_eq!(
            theme,
            [
                ("--lc-accent", "#e4007f".to_owned()),
                ("--lc-accent-text", "white".to_owned()),
                ("--lc-border", "rgb(0 0 0 / 20%)".to_owned()),
                ("--lc-font", "\"Noto Sans JP\", sans-serif".to_owned()),
                ("--lc-radius", "2px".to_owned()),
                ("--lc-space", "calc(1rem + 2px)".to_owned()),
            ]
        );
        for path in ["/logo.svg", "img/logo.png", "./logo.svg"] {
            let logo = format!(r#""logoUrl":"{path}""#);
            assert_eq!(
                with_fields(&logo).unwrap().branding.logo_url.as_deref(),
                Some(path)
            );
        }
    }

    #[test]
    fn every_theme_key_maps_to_its_custom_property() {
        for (key, property, field) in THEME_PROPERTIES {
            assert_eq!(property, format!("--lc-{}", kebab(key)));
            assert_eq!(field, format!("theme.{key}"));
            let theme = with_fields(&format!(r#""theme":{{"{key}":"1px"}}"#))
                .unwrap()
                .branding
                .theme;
            assert_eq!(theme, [(property, "1px".to_owned())]);
        }
    }

    fn kebab(key: &str) -> String {
        key.chars()
            .flat_map(|c| {
                let lower = c.to_ascii_lowercase();
                (c.is_ascii_uppercase().then_some('-').into_iter()).chain([lower])
            })
            .collect()
    }

    #[test]
    fn bad_branding_fields_are_named() {
        for (extra, field) in [
            (r#""title":"""#, "title"),
            (r#""title":"  ""#, "title"),
            (r#""title":7"#, "title"),
            (r#""title":"a\nb""#, "title"),
            (&format!(r#""title":"{}""#, "x".repeat(101)), "title"),
            (r#""logoUrl":"http://cdn.example.com/logo.svg""#, "logoUrl"),
            (r#""logoUrl":"//evil.example/logo.svg""#, "logoUrl"),
            (r#""logoUrl":"javascript:alert(1)""#, "logoUrl"),
            (r#""logoUrl":"data:image/svg+xml,<svg/>""#, "logoUrl"),
            (r#""logoUrl":"https://""#, "logoUrl"),
            (r#""logoUrl":"https://user@evil.example/""#, "logoUrl"),
            (r#""logoUrl":"/logo.svg\" onerror=\"x""#, "logoUrl"),
            (r#""logoUrl":"/a b.svg""#, "logoUrl"),
            (r#""logoUrl":"""#, "logoUrl"),
            (r#""logoAlt":false"#, "logoAlt"),
            (r#""theme":"dark""#, "theme"),
            (r#""theme":{"colour":"red"}"#, "theme"),
            (r#""theme":{"--lc-accent":"red"}"#, "theme"),
            (r#""theme":{"accent":7}"#, "theme.accent"),
            (r#""theme":{"accent":""}"#, "theme.accent"),
            (
                r#""theme":{"accent":"red; background: url(https://evil.example/)"}"#,
                "theme.accent",
            ),
            (
                r#""theme":{"bg":"url(https://evil.example/x.png)"}"#,
                "theme.bg",
            ),
            (r#""theme":{"bg":"image-set(\"x.png\" 1x)"}"#, "theme.bg"),
            (r#""theme":{"bg":"u\\72l(x.png)"}"#, "theme.bg"),
            (r#""theme":{"text":"red !important"}"#, "theme.text"),
            (r#""theme":{"text":"red}body{color:red"}"#, "theme.text"),
            (r#""theme":{"radius":"calc(1px"}"#, "theme.radius"),
            (r#""theme":{"radius":"1px)"}"#, "theme.radius"),
            (r#""theme":{"font":"\"Noto Sans"}"#, "theme.font"),
            (r#""theme":{"space":"1rem /* x */"}"#, "theme.space"),
            (r#""theme":{"muted":"<b>"}"#, "theme.muted"),
            (r#""theme":{"muted":"var(--x)"}"#, "theme.muted"),
        ] {
            let error = with_fields(extra).unwrap_err();
            assert_eq!(error.field(), Some(field), "{extra}: {error}");
            assert!(error.to_string().contains(field), "{error}");
        }
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
