//! `oauth`: sign-in through the pool domain's OAuth 2.0 endpoints (Google, Apple, Facebook,
//! Amazon, SAML and OIDC providers), which Cognito's JSON API cannot do.
//!
//! ```json
//! "oauth": {
//!   "domain": "https://example.auth.ap-northeast-1.amazoncognito.com",
//!   "redirectPath": "/oauth2/callback",
//!   "signOutPath": "/",
//!   "scopes": ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
//!   "providers": ["Google", "SignInWithApple", {"name": "AcmeSaml", "label": "Acme"}],
//!   "emailDomainSignIn": true
//! }
//! ```

use super::endpoint;
use super::error::{invalid, optional, ConfigError};
use serde_json::{Map, Value};

/// Scopes asked for when the config names none: the id token with the address, and the
/// access token's right to the user's own API calls (the account pages use them).
pub const DEFAULT_SCOPES: [&str; 4] = [
    "openid",
    "email",
    "profile",
    "aws.cognito.signin.user.admin",
];
/// Where the pool domain sends the user back when the config does not say.
pub const DEFAULT_REDIRECT_PATH: &str = "/oauth2/callback";

/// The validated `oauth` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthConfig {
    /// `domain`: the pool domain's origin, without a trailing slash.
    pub domain: String,
    /// `redirectPath`: the callback route on this site (one of the app client's CallbackURLs).
    pub redirect_path: String,
    /// `signOutPath`: where the pool domain's `/logout` sends the user back (one of the app
    /// client's LogoutURLs).
    pub sign_out_path: String,
    pub scopes: Vec<String>,
    /// `providers`: the buttons to show, in the order the providers' guidelines ask for.
    pub providers: Vec<IdentityProvider>,
    /// `emailDomainSignIn`: offer "Sign in with your work account", which sends the email's
    /// domain as `idp_identifier` so the pool picks the company's provider.
    pub email_domain_sign_in: bool,
}

/// A provider the pool federates with, by the pool's name for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityProvider {
    pub name: String,
    /// The label a SAML or OIDC provider's button shows (its name when absent).
    pub label: Option<String>,
}

/// The social providers Cognito knows by fixed names, and the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderKind {
    // Apple's guidelines ask that its button be no less prominent than others: it goes first.
    Apple,
    Google,
    Facebook,
    Amazon,
    /// A SAML or OIDC provider the pool names itself.
    Custom,
}

impl IdentityProvider {
    pub fn kind(&self) -> ProviderKind {
        match self.name.as_str() {
            "SignInWithApple" => ProviderKind::Apple,
            "Google" => ProviderKind::Google,
            "Facebook" => ProviderKind::Facebook,
            "LoginWithAmazon" => ProviderKind::Amazon,
            _ => ProviderKind::Custom,
        }
    }

    /// What the button calls a custom provider.
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

pub(super) fn read(object: &Map<String, Value>) -> Result<Option<OAuthConfig>, ConfigError> {
    let section = match object.get("oauth") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(section)) => section,
        Some(_) => {
            return Err(invalid(
                "oauth",
                "expected an object with domain and providers",
            ))
        }
    };
    let domain = optional(section, "domain")
        .map_err(|_| not_a_domain())?
        .ok_or_else(not_a_domain)?;
    let domain = endpoint::read_field("oauth.domain", domain)?;
    let domain = domain.trim_end_matches('/').to_owned();
    if domain
        .split_once("://")
        .is_some_and(|(_, rest)| rest.contains(['/', '?', '#']))
    {
        return Err(not_a_domain());
    }
    let redirect_path = path(section, "redirectPath", "oauth.redirectPath")?
        .unwrap_or_else(|| DEFAULT_REDIRECT_PATH.to_owned());
    let sign_out_path =
        path(section, "signOutPath", "oauth.signOutPath")?.unwrap_or_else(|| "/".to_owned());
    let email_domain_sign_in = match section.get("emailDomainSignIn") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(on)) => *on,
        Some(_) => return Err(invalid("oauth.emailDomainSignIn", "expected true or false")),
    };
    let providers = providers(section.get("providers"))?;
    if providers.is_empty() && !email_domain_sign_in {
        return Err(invalid(
            "oauth.providers",
            "expected at least one provider, such as [\"Google\"]",
        ));
    }
    Ok(Some(OAuthConfig {
        domain,
        redirect_path,
        sign_out_path,
        scopes: scopes(section.get("scopes"))?,
        providers,
        email_domain_sign_in,
    }))
}

fn not_a_domain() -> ConfigError {
    invalid(
        "oauth.domain",
        "expected the pool domain, such as https://example.auth.ap-northeast-1.amazoncognito.com",
    )
}

/// A path on this site: `/` and then no scheme, host, query or fragment.
fn path(
    section: &Map<String, Value>,
    key: &'static str,
    field: &'static str,
) -> Result<Option<String>, ConfigError> {
    let bad = || {
        invalid(
            field,
            "expected a path on this site, such as /oauth2/callback",
        )
    };
    let Some(path) = optional(section, key).map_err(|_| bad())? else {
        return Ok(None);
    };
    let plain = path.starts_with('/')
        && !path.starts_with("//")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-._~".contains(c));
    if plain {
        Ok(Some(path.to_owned()))
    } else {
        Err(bad())
    }
}

/// `scopes`: OAuth scope names (Cognito's ScopeType: printable ASCII without `"` and `\`).
fn scopes(value: Option<&Value>) -> Result<Vec<String>, ConfigError> {
    const FIELD: &str = "oauth.scopes";
    let items = match value {
        None | Some(Value::Null) => return Ok(DEFAULT_SCOPES.map(str::to_owned).to_vec()),
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(_) => {
            return Err(invalid(
                FIELD,
                "expected a list such as [\"openid\", \"email\"]",
            ))
        }
    };
    let scopes = items
        .iter()
        .map(|item| {
            item.as_str()
                .filter(|scope| {
                    (1..=256).contains(&scope.len())
                        && scope
                            .bytes()
                            .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
                })
                .map(str::to_owned)
                .ok_or_else(|| invalid(FIELD, "expected scope names such as openid or email"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    // The page reads the id token (who signed in, until when, the nonce): only `openid` gets one.
    if !scopes.iter().any(|scope| scope == "openid") {
        return Err(invalid(FIELD, "must include openid"));
    }
    Ok(scopes)
}

/// `providers`: names (`"Google"`) or `{"name", "label"}` objects.
fn providers(value: Option<&Value>) -> Result<Vec<IdentityProvider>, ConfigError> {
    const FIELD: &str = "oauth.providers";
    const EXPECTED: &str =
        "expected provider names (Google, SignInWithApple, Facebook, LoginWithAmazon or the pool's SAML/OIDC name) or {\"name\", \"label\"}";
    let items = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(invalid(FIELD, EXPECTED)),
    };
    let mut read: Vec<IdentityProvider> = Vec::new();
    for item in items {
        let (name, label) = match item {
            Value::String(name) => (name.as_str(), None),
            Value::Object(entry) => {
                let name = entry.get("name").and_then(Value::as_str);
                let label = match entry.get("label") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(label)) if is_label(label) => Some(label.trim().to_owned()),
                    Some(_) => {
                        return Err(invalid(FIELD, "expected a label of 1 to 64 characters"))
                    }
                };
                (name.ok_or_else(|| invalid(FIELD, EXPECTED))?, label)
            }
            _ => return Err(invalid(FIELD, EXPECTED)),
        };
        if !is_provider_name(name) {
            return Err(invalid(FIELD, EXPECTED));
        }
        if read.iter().any(|known| known.name == name) {
            return Err(invalid(FIELD, "a provider is listed twice"));
        }
        read.push(IdentityProvider {
            name: name.to_owned(),
            label,
        });
    }
    // In the brands' order, the pool's own providers last in the config's order. (A sort would
    // bring a sorting routine into the sign-in page's wasm for a list of a few names.)
    let order = [
        ProviderKind::Apple,
        ProviderKind::Google,
        ProviderKind::Facebook,
        ProviderKind::Amazon,
        ProviderKind::Custom,
    ];
    Ok(order
        .iter()
        .flat_map(|kind| read.iter().filter(move |p| p.kind() == *kind).cloned())
        .collect())
}

/// Cognito's ProviderNameType (botocore's pattern `[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+`,
/// at most 32 characters): no spaces, and `_` only second (federated users are named
/// `<provider>_<id>`).
fn is_provider_name(name: &str) -> bool {
    let plain = |c: char| !c.is_whitespace() && !c.is_control();
    (3..=32).contains(&name.chars().count())
        && name
            .chars()
            .enumerate()
            .all(|(i, c)| plain(c) && (i == 1 || c != '_'))
}

fn is_label(label: &str) -> bool {
    let label = label.trim();
    (1..=64).contains(&label.chars().count()) && !label.chars().any(char::is_control)
}

#[cfg(test)]
mod tests;
