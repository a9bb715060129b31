//! `mfaConfiguration`, `enabledMfas` and `totpIssuer`: which second factors the pool takes, so
//! the page offers only those. The names and values are the pool's own (`SetUserPoolMfaConfig`,
//! and the template's parameters of the same names).

use super::error::{invalid, optional, ConfigError};
use crate::mfa::MfaMethod;
use serde_json::{Map, Value};

/// Whether the pool asks for a second factor (`MfaConfiguration`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MfaMode {
    #[default]
    Off,
    /// Users choose whether to have one.
    Optional,
    /// Every user must have one.
    On,
}

/// The pool's second factors, as far as the page needs to know them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MfaPolicy {
    pub mode: MfaMode,
    /// `enabledMfas`: the factors the pool takes, in the order given.
    pub methods: Vec<MfaMethod>,
    /// `totpIssuer`: the name authenticator apps show for the account; the title when absent.
    pub totp_issuer: Option<String>,
}

impl MfaPolicy {
    /// Whether users may have `method` at all.
    pub fn allows(&self, method: MfaMethod) -> bool {
        self.mode != MfaMode::Off && self.methods.contains(&method)
    }

    /// Whether a user may go without any second factor.
    pub fn optional(&self) -> bool {
        self.mode != MfaMode::On
    }
}

pub(super) fn read(object: &Map<String, Value>) -> Result<MfaPolicy, ConfigError> {
    let mode = match optional(object, "mfaConfiguration")? {
        None | Some("OFF") => MfaMode::Off,
        Some("OPTIONAL") => MfaMode::Optional,
        Some("ON") => MfaMode::On,
        Some(_) => return Err(invalid("mfaConfiguration", "expected OFF, OPTIONAL or ON")),
    };
    const METHODS: &str = "enabledMfas";
    let names = match object.get(METHODS) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(_) => return Err(invalid(METHODS, "expected a list")),
    };
    let mut methods = Vec::new();
    for name in names {
        let method = name
            .as_str()
            .and_then(MfaMethod::from_name)
            .ok_or_else(|| invalid(METHODS, "expected SOFTWARE_TOKEN_MFA, EMAIL_OTP or SMS_MFA"))?;
        if !methods.contains(&method) {
            methods.push(method);
        }
    }
    if mode != MfaMode::Off && methods.is_empty() {
        return Err(invalid(
            METHODS,
            "a pool with MFA on needs at least one factor",
        ));
    }
    let totp_issuer = optional(object, "totpIssuer")?
        .filter(|issuer| !issuer.is_empty())
        .map(str::to_owned);
    Ok(MfaPolicy {
        mode,
        methods,
        totp_issuer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AppConfig;

    fn parse(extra: &str) -> Result<MfaPolicy, ConfigError> {
        AppConfig::parse(&format!(
            r#"{{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_AbC123","clientId":"abc"{extra}}}"#
        ))
        .map(|config| config.mfa)
    }

    #[test]
    fn absent_means_no_second_factor() {
        let policy = parse("").unwrap();
        assert_eq!(policy, MfaPolicy::default());
        assert!(!policy.allows(MfaMethod::Totp));
        assert!(policy.optional());
    }

    #[test]
    fn reads_the_pools_names() {
        let policy = parse(
            r#","mfaConfiguration":"ON","enabledMfas":["EMAIL_OTP","SOFTWARE_TOKEN_MFA","EMAIL_OTP"],"totpIssuer":" テスト株式会社 ""#,
        )
        .unwrap();
        assert_eq!(policy.mode, MfaMode::On);
        assert_eq!(policy.methods, [MfaMethod::Email, MfaMethod::Totp]);
        assert!(policy.allows(MfaMethod::Totp) && !policy.allows(MfaMethod::Sms));
        assert!(!policy.optional());
        assert_eq!(policy.totp_issuer.as_deref(), Some("テスト株式会社"));
        let optional = parse(r#","mfaConfiguration":"OPTIONAL","enabledMfas":["SMS_MFA"]"#);
        assert!(optional.unwrap().optional());
    }

    #[test]
    fn off_allows_nothing_whatever_is_listed() {
        let policy = parse(r#","mfaConfiguration":"OFF","enabledMfas":["SOFTWARE_TOKEN_MFA"]"#);
        assert!(!policy.unwrap().allows(MfaMethod::Totp));
    }

    #[test]
    fn mistakes_name_their_field() {
        for (extra, field) in [
            (r#","mfaConfiguration":"REQUIRED""#, "mfaConfiguration"),
            (r#","mfaConfiguration":true"#, "mfaConfiguration"),
            (r#","mfaConfiguration":"ON""#, "enabledMfas"),
            (
                r#","mfaConfiguration":"ON","enabledMfas":[]"#,
                "enabledMfas",
            ),
            (r#","enabledMfas":"EMAIL_OTP""#, "enabledMfas"),
            (r#","enabledMfas":["WEB_AUTHN"]"#, "enabledMfas"),
            (r#","totpIssuer":7"#, "totpIssuer"),
        ] {
            assert_eq!(parse(extra).unwrap_err().field(), Some(field), "{extra}");
        }
    }
}
