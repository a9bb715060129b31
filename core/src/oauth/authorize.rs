//! The pool domain's `/oauth2/authorize` and `/logout` addresses.

use super::form;
use crate::validation::normalize_email;

/// Where the authorize request sends the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination<'a> {
    /// Straight to one provider (`identity_provider=`), past the pool's own page.
    Provider(&'a str),
    /// To the provider the pool maps this email domain to (`idp_identifier=`).
    EmailDomain(&'a str),
}

/// One authorization request (authorization code with PKCE).
#[derive(Debug, Clone)]
pub struct AuthorizeRequest<'a> {
    /// The pool domain's origin (`https://example.auth.ap-northeast-1.amazoncognito.com`).
    pub domain: &'a str,
    pub client_id: &'a str,
    /// This site's callback, exactly as listed in the app client's CallbackURLs.
    pub redirect_uri: &'a str,
    pub scopes: &'a [String],
    pub state: &'a str,
    /// The S256 `code_challenge` of the verifier this tab keeps.
    pub code_challenge: &'a str,
    /// Sent when `openid` is asked for, and checked in the id token.
    pub nonce: Option<&'a str>,
    pub destination: Destination<'a>,
}

impl AuthorizeRequest<'_> {
    pub fn url(&self) -> String {
        let scope = self.scopes.join(" ");
        let mut pairs = vec![
            ("response_type", "code"),
            ("client_id", self.client_id),
            ("redirect_uri", self.redirect_uri),
            ("scope", scope.as_str()),
            ("state", self.state),
            ("code_challenge", self.code_challenge),
            ("code_challenge_method", "S256"),
        ];
        match self.destination {
            Destination::Provider(name) => pairs.push(("identity_provider", name)),
            Destination::EmailDomain(domain) => pairs.push(("idp_identifier", domain)),
        }
        if let Some(nonce) = self.nonce {
            pairs.push(("nonce", nonce));
        }
        format!("{}/oauth2/authorize?{}", self.domain, form::encode(&pairs))
    }
}

/// `/logout`, which ends the pool domain's own session (its cookie) so the next sign-in asks
/// the provider again, then sends the user to `logout_uri` (one of the app client's LogoutURLs).
pub fn logout_url(domain: &str, client_id: &str, logout_uri: &str) -> String {
    format!(
        "{domain}/logout?{}",
        form::encode(&[("client_id", client_id), ("logout_uri", logout_uri)])
    )
}

/// The domain of an email address, lower-cased, as `idp_identifier` names a company's
/// provider: `None` unless the address passes the sign-in form's own email check.
pub fn email_domain(email: &str) -> Option<String> {
    let email = normalize_email(email).ok()?;
    email.split_once('@').map(|(_, domain)| domain.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query_of(url: &str) -> Vec<(String, String)> {
        url::Url::parse(url)
            .unwrap()
            .query_pairs()
            .into_owned()
            .collect()
    }

    fn request<'a>(scopes: &'a [String], destination: Destination<'a>) -> AuthorizeRequest<'a> {
        AuthorizeRequest {
            domain: "https://example.auth.ap-northeast-1.amazoncognito.com",
            client_id: "abc123",
            redirect_uri: "https://app.example.com/oauth2/callback",
            scopes,
            state: "st-1",
            code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            nonce: Some("n-1"),
            destination,
        }
    }

    #[test]
    fn asks_for_a_code_with_pkce_from_one_provider() {
        let scopes = vec!["openid".to_owned(), "email".to_owned()];
        let url = request(&scopes, Destination::Provider("Google")).url();
        assert!(url.starts_with(
            "https://example.auth.ap-northeast-1.amazoncognito.com/oauth2/authorize?"
        ));
        let expected: Vec<(String, String)> = [
            ("response_type", "code"),
            ("client_id", "abc123"),
            ("redirect_uri", "https://app.example.com/oauth2/callback"),
            ("scope", "openid email"),
            ("state", "st-1"),
            (
                "code_challenge",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            ),
            ("code_challenge_method", "S256"),
            ("identity_provider", "Google"),
            ("nonce", "n-1"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .to_vec();
        assert_eq!(query_of(&url), expected);
    }

    #[test]
    fn company_sign_in_names_the_email_domain_and_no_provider() {
        let scopes = vec!["email".to_owned()];
        let mut company = request(&scopes, Destination::EmailDomain("example.co.jp"));
        company.nonce = None;
        let pairs = query_of(&company.url());
        assert!(pairs.contains(&("idp_identifier".into(), "example.co.jp".into())));
        assert!(!pairs
            .iter()
            .any(|(k, _)| k == "identity_provider" || k == "nonce"));
    }

    #[test]
    fn logout_names_the_client_and_where_to_come_back() {
        let url = logout_url("http://127.0.0.1:9230", "abc", "http://127.0.0.1:8080/");
        assert_eq!(
            url,
            "http://127.0.0.1:9230/logout?client_id=abc&logout_uri=http%3A%2F%2F127.0.0.1%3A8080%2F"
        );
    }

    #[test]
    fn email_domains() {
        assert_eq!(
            email_domain(" Ann@Example.COM ").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            email_domain("ann@corp.example.co.jp").as_deref(),
            Some("corp.example.co.jp")
        );
        for bad in [
            "ann",
            "@example.com",
            "ann@localhost",
            "ann@.example.com",
            "a@b@c.com",
            "ann@exa mple.com",
        ] {
            assert_eq!(email_domain(bad), None, "{bad}");
        }
    }
}
