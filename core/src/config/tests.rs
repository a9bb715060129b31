use super::password_policy::read as password_policy;
use super::*;
use crate::password_policy::PasswordRule::{MinimumLength, NoSpaceAtEnds, Numbers};
use serde_json::json;

const GOOD: &str =
    r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_AbC123","clientId":"abc123def"}"#;

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
        serde_json::from_str(include_str!("../../../tests/csp/origin-cases.json")).unwrap();
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
    assert_eq!(
        with(r#""USER_AUTH""#).unwrap().auth_flow,
        AuthFlow::UserAuth
    );
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

#[test]
fn absent_policy_is_cognitos_default() {
    assert_eq!(password_policy(None), Ok(PasswordPolicy::default()));
    assert_eq!(
        password_policy(Some(&Value::Null)),
        Ok(PasswordPolicy::default())
    );
}

#[test]
fn given_policy_is_read_and_omitted_requirements_are_off() {
    let value =
        json!({"minimumLength": 12, "requireNumbers": true, "temporaryPasswordValidityDays": 7});
    let policy = password_policy(Some(&value)).unwrap();
    assert_eq!(
        policy,
        PasswordPolicy {
            minimum_length: 12,
            require_lowercase: false,
            require_uppercase: false,
            require_numbers: true,
            require_symbols: false,
        }
    );
    assert_eq!(
        policy.rules(),
        vec![MinimumLength(12), Numbers, NoSpaceAtEnds]
    );
    let empty = password_policy(Some(&json!({}))).unwrap();
    assert_eq!(empty.minimum_length, 8);
}

#[test]
fn bad_policies_name_the_field() {
    let cases = [
        (json!("strong"), "passwordPolicy"),
        (json!([8]), "passwordPolicy"),
        (json!({"minimumLength": 5}), "passwordPolicy.minimumLength"),
        (
            json!({"minimumLength": 100}),
            "passwordPolicy.minimumLength",
        ),
        (
            json!({"minimumLength": 8.5}),
            "passwordPolicy.minimumLength",
        ),
        (
            json!({"minimumLength": "8"}),
            "passwordPolicy.minimumLength",
        ),
        (
            json!({"requireSymbols": "yes"}),
            "passwordPolicy.requireSymbols",
        ),
        (
            json!({"requireLowercase": 1}),
            "passwordPolicy.requireLowercase",
        ),
    ];
    for (value, field) in cases {
        let error = password_policy(Some(&value)).unwrap_err();
        assert_eq!(error.field(), Some(field), "{value}");
    }
}

#[test]
fn first_auth_factors_keep_the_configured_order() {
    use crate::sign_in_factor::FirstFactor;
    let with = |factors: &str| {
        AppConfig::parse(&GOOD.replace('}', &format!(r#","firstAuthFactors":{factors}}}"#)))
    };
    assert_eq!(
        AppConfig::parse(GOOD).unwrap().first_factors,
        [FirstFactor::Password]
    );
    assert_eq!(
        with(r#"["WEB_AUTHN","EMAIL_OTP","PASSWORD","EMAIL_OTP"]"#)
            .unwrap()
            .first_factors,
        [
            FirstFactor::Passkey,
            FirstFactor::EmailCode,
            FirstFactor::Password
        ]
    );
    for bad in [r#"["FACE_ID"]"#, r#""WEB_AUTHN""#, "[]", "[1]"] {
        assert_eq!(
            with(bad).unwrap_err().field(),
            Some("firstAuthFactors"),
            "{bad}"
        );
    }
}
