use super::*;
use crate::AppConfig;

fn parse(oauth: &str) -> Result<Option<OAuthConfig>, ConfigError> {
    AppConfig::parse(&format!(
        r#"{{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_AbC123","clientId":"abc","oauth":{oauth}}}"#
    ))
    .map(|config| config.oauth)
}

fn field_at_fault(oauth: &str) -> Option<&'static str> {
    parse(oauth).unwrap_err().field()
}

const DOMAIN: &str = r#""domain":"https://example.auth.ap-northeast-1.amazoncognito.com""#;

#[test]
fn absent_means_no_federation() {
    let config = AppConfig::parse(
        r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_AbC123","clientId":"abc"}"#,
    )
    .unwrap();
    assert_eq!(config.oauth, None);
    assert_eq!(parse("null"), Ok(None));
}

#[test]
fn reads_the_section_with_its_defaults() {
    let oauth = parse(&format!(r#"{{{DOMAIN},"providers":["Google"]}}"#))
        .unwrap()
        .unwrap();
    assert_eq!(
        oauth.domain,
        "https://example.auth.ap-northeast-1.amazoncognito.com"
    );
    assert_eq!(oauth.redirect_path, "/oauth2/callback");
    assert_eq!(oauth.sign_out_path, "/");
    assert_eq!(oauth.scopes, DEFAULT_SCOPES.map(str::to_owned).to_vec());
    assert!(!oauth.email_domain_sign_in);
    assert_eq!(oauth.providers[0].kind(), ProviderKind::Google);
}

#[test]
fn providers_come_in_brand_order_with_custom_ones_last() {
    let oauth = parse(&format!(
        r#"{{{DOMAIN},"providers":[{{"name":"AcmeSaml","label":" Acme Corp "}},"LoginWithAmazon","Google","Facebook","SignInWithApple","Okta-Oidc"]}}"#
    ))
    .unwrap()
    .unwrap();
    let names: Vec<&str> = oauth.providers.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "SignInWithApple",
            "Google",
            "Facebook",
            "LoginWithAmazon",
            "AcmeSaml",
            "Okta-Oidc"
        ]
    );
    assert_eq!(oauth.providers[4].display_name(), "Acme Corp");
    assert_eq!(oauth.providers[5].display_name(), "Okta-Oidc");
    assert_eq!(oauth.providers[5].kind(), ProviderKind::Custom);
}

#[test]
fn a_local_pool_domain_may_be_plain_http_on_this_machine_only() {
    let oauth = parse(r#"{"domain":"http://127.0.0.1:9230/","providers":["Google"]}"#)
        .unwrap()
        .unwrap();
    assert_eq!(oauth.domain, "http://127.0.0.1:9230");
    for bad in [
        r#"{"domain":"http://auth.example.com","providers":["Google"]}"#,
        r#"{"domain":"https://auth.example.com/oauth2","providers":["Google"]}"#,
        r#"{"domain":"auth.example.com","providers":["Google"]}"#,
        r#"{"domain":"https://user@auth.example.com","providers":["Google"]}"#,
        r#"{"domain":7,"providers":["Google"]}"#,
        r#"{"providers":["Google"]}"#,
    ] {
        assert_eq!(field_at_fault(bad), Some("oauth.domain"), "{bad}");
    }
}

#[test]
fn each_bad_field_is_named() {
    for (bad, field) in [
        (r#""nope""#.to_owned(), "oauth"),
        (format!(r#"{{{DOMAIN}}}"#), "oauth.providers"),
        (format!(r#"{{{DOMAIN},"providers":[]}}"#), "oauth.providers"),
        (
            format!(r#"{{{DOMAIN},"providers":"Google"}}"#),
            "oauth.providers",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":["_Google"]}}"#),
            "oauth.providers",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":["Has space"]}}"#),
            "oauth.providers",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":["Google","Google"]}}"#),
            "oauth.providers",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":[{{"label":"x"}}]}}"#),
            "oauth.providers",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":[{{"name":"AcmeSaml","label":""}}]}}"#),
            "oauth.providers",
        ),
        (
            format!(
                r#"{{{DOMAIN},"providers":["Google"],"redirectPath":"https://evil.example/cb"}}"#
            ),
            "oauth.redirectPath",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":["Google"],"redirectPath":"//evil.example/cb"}}"#),
            "oauth.redirectPath",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":["Google"],"signOutPath":"/a?b"}}"#),
            "oauth.signOutPath",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":["Google"],"scopes":[]}}"#),
            "oauth.scopes",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":["Google"],"scopes":["bad\"scope"]}}"#),
            "oauth.scopes",
        ),
        (
            format!(r#"{{{DOMAIN},"providers":["Google"],"emailDomainSignIn":"yes"}}"#),
            "oauth.emailDomainSignIn",
        ),
    ] {
        assert_eq!(field_at_fault(&bad), Some(field), "{bad}");
    }
}

#[test]
fn email_domain_routing_alone_is_enough() {
    let oauth = parse(&format!(
        r#"{{{DOMAIN},"emailDomainSignIn":true,"scopes":["openid"],"redirectPath":"/auth/done"}}"#
    ))
    .unwrap()
    .unwrap();
    assert!(oauth.email_domain_sign_in && oauth.providers.is_empty());
    assert_eq!(oauth.scopes, ["openid"]);
    assert_eq!(oauth.redirect_path, "/auth/done");
}
