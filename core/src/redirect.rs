//! Where the page may send the user after sign-in (`?return_to=`), and to whom it may hand the
//! session (`postMessage` to an opener or parent). Only the page's own origin and the origins
//! the config lists; everything else is refused. The parsing is deliberately strict rather
//! than a general URL parser: anything unusual is refused, never "fixed".

use crate::secret::{AccessToken, IdToken, RefreshToken};
use std::fmt;

/// A return address that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReturnTo {
    /// A path on this page's own origin, e.g. `/account?tab=1`.
    SameOrigin(String),
    /// A full URL on an allowlisted origin.
    Allowed(String),
}

impl ReturnTo {
    /// The address to navigate to.
    pub fn href(&self) -> &str {
        match self {
            Self::SameOrigin(path) => path,
            Self::Allowed(url) => url,
        }
    }
}

/// Why a return address was refused. The message shows the address so the user can see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectRefused(pub String);

impl fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Checks `?return_to=` against this page's origin and the allowlist.
pub fn check_return_to(
    raw: &str,
    page_origin: &str,
    allowed_origins: &[String],
) -> Result<ReturnTo, RedirectRefused> {
    let refused = || RedirectRefused(raw.to_owned());
    // Browsers drop tabs and newlines inside URLs and treat backslashes as slashes: refuse them
    // all instead of guessing how a given browser reads them.
    if raw.is_empty()
        || raw
            .chars()
            .any(|c| c.is_control() || c == '\\' || c.is_whitespace())
    {
        return Err(refused());
    }
    if raw.starts_with('/') && !raw.starts_with("//") {
        return Ok(ReturnTo::SameOrigin(raw.to_owned()));
    }
    let origin = origin_of(raw).ok_or_else(refused)?;
    if origin == normalize_origin(page_origin).unwrap_or_default() {
        let path = &raw[raw.find("://").map_or(0, |i| i + 3)..];
        let path = path.find('/').map_or("/", |i| &path[i..]);
        return Ok(ReturnTo::SameOrigin(path.to_owned()));
    }
    if allowed_origins
        .iter()
        .filter_map(|o| normalize_origin(o))
        .any(|allowed| allowed == origin)
    {
        return Ok(ReturnTo::Allowed(raw.to_owned()));
    }
    Err(refused())
}

/// Whether a `postMessage` peer's origin (as the browser reports it) may receive the session.
pub fn may_receive_session(peer_origin: &str, allowed_origins: &[String]) -> bool {
    normalize_origin(peer_origin).is_some_and(|peer| {
        allowed_origins
            .iter()
            .filter_map(|o| normalize_origin(o))
            .any(|allowed| allowed == peer)
    })
}

/// `scheme://host[:port]` of an absolute http(s) URL, lower-cased, default port removed; `None`
/// for anything else (other schemes, user info, empty host, odd characters).
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    normalize_origin(&format!("{scheme}://{authority}"))
}

/// Normalizes an origin written as `scheme://host[:port]` (a trailing `/` is tolerated).
pub fn normalize_origin(origin: &str) -> Option<String> {
    let (scheme, authority) = origin.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = authority
        .strip_suffix('/')
        .unwrap_or(authority)
        .to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || port.is_empty() => (host, Some(port)),
        _ => (authority.as_str(), None),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'));
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    if !host_ok || !port_ok {
        return None;
    }
    let port = port.map(|p| format!(":{p}")).filter(|p| p != default_port);
    Some(format!("{scheme}://{host}{}", port.unwrap_or_default()))
}

/// The `type` of the messages posted to an embedder.
pub const SESSION_MESSAGE: &str = "leptos-cognito:session";
pub const SIGNED_OUT_MESSAGE: &str = "leptos-cognito:signed-out";

/// The session as posted to an allowlisted embedder (JSON). The refresh token is included only
/// when the config allows it; `expires_at_ms` is the access token's expiry by the local clock.
pub fn session_message(
    email: &str,
    id: &IdToken,
    access: &AccessToken,
    refresh: Option<&RefreshToken>,
    expires_at_ms: u64,
) -> String {
    let mut message = serde_json::json!({
        "type": SESSION_MESSAGE,
        "email": email,
        "idToken": id.expose_secret(),
        "accessToken": access.expose_secret(),
        "expiresAt": expires_at_ms,
    });
    if let Some(refresh) = refresh {
        message["refreshToken"] = refresh.expose_secret().into();
    }
    message.to_string()
}

/// Tells an embedder the user signed out.
pub fn signed_out_message() -> String {
    serde_json::json!({ "type": SIGNED_OUT_MESSAGE }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_message_carries_the_refresh_token_only_when_allowed() {
        let (id, access, refresh) = (
            IdToken::new("id-t"),
            AccessToken::new("acc-t"),
            RefreshToken::new("ref-t"),
        );
        let without: serde_json::Value =
            serde_json::from_str(&session_message("a@b.c", &id, &access, None, 9)).unwrap();
        assert_eq!(without["type"], SESSION_MESSAGE);
        assert_eq!(without["idToken"], "id-t");
        assert_eq!(without["accessToken"], "acc-t");
        assert_eq!(without["expiresAt"], 9);
        assert!(without.get("refreshToken").is_none());
        let with: serde_json::Value =
            serde_json::from_str(&session_message("a@b.c", &id, &access, Some(&refresh), 9))
                .unwrap();
        assert_eq!(with["refreshToken"], "ref-t");
        assert!(signed_out_message().contains(SIGNED_OUT_MESSAGE));
    }

    const PAGE: &str = "https://login.example.com";

    fn allowed() -> Vec<String> {
        vec![
            "https://app.example.com".into(),
            "http://localhost:3000/".into(),
        ]
    }

    fn check(raw: &str) -> Result<ReturnTo, RedirectRefused> {
        check_return_to(raw, PAGE, &allowed())
    }

    #[test]
    fn same_origin_paths_are_followed() {
        for path in ["/", "/account", "/a/b?c=d#e", "/%2F%2Fevil.com"] {
            assert_eq!(check(path), Ok(ReturnTo::SameOrigin(path.into())), "{path}");
        }
        assert_eq!(
            check("https://LOGIN.example.com:443/x?y"),
            Ok(ReturnTo::SameOrigin("/x?y".into()))
        );
    }

    #[test]
    fn allowlisted_origins_are_followed() {
        for url in [
            "https://app.example.com/",
            "https://app.example.com/after-login?x=1",
            "HTTPS://APP.EXAMPLE.COM/path",
            "https://app.example.com:443/p",
            "http://localhost:3000/cb",
        ] {
            assert_eq!(check(url), Ok(ReturnTo::Allowed(url.into())), "{url}");
        }
    }

    #[test]
    fn open_redirect_attempts_are_refused() {
        let attacks = [
            "https://evil.com/",
            "//evil.com",
            "///evil.com",
            "/\\evil.com",
            "\\\\evil.com",
            "javascript:alert(1)",
            "JavaScript:alert(document.cookie)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "https://app.example.com.evil.com/",
            "https://app.example.com@evil.com/",
            "https://evil.com#https://app.example.com",
            "https://evil.com?https://app.example.com",
            "https:evil.com",
            "https:/evil.com",
            "http://app.example.com/", // allowlisted with https only
            "https://app.example.com:8443/",
            "evil.com",
            "%2F%2Fevil.com",
            " https://app.example.com",
            "/ok\nLocation: https://evil.com",
            "ftp://app.example.com/",
            "",
        ];
        for attack in attacks {
            assert_eq!(
                check(attack),
                Err(RedirectRefused(attack.into())),
                "{attack:?}"
            );
        }
    }

    #[test]
    fn message_peers_must_be_allowlisted_exactly() {
        let list = allowed();
        assert!(may_receive_session("https://app.example.com", &list));
        assert!(may_receive_session("http://localhost:3000", &list));
        assert!(!may_receive_session("http://localhost:3001", &list));
        assert!(!may_receive_session("https://evil.com", &list));
        assert!(!may_receive_session("null", &list));
        assert!(!may_receive_session("*", &list));
    }

    #[test]
    fn origins_normalize() {
        assert_eq!(
            normalize_origin("HTTPS://A.com:443/").as_deref(),
            Some("https://a.com")
        );
        assert_eq!(
            normalize_origin("http://a.com:8080").as_deref(),
            Some("http://a.com:8080")
        );
        assert_eq!(
            normalize_origin("http://[::1]:8080").as_deref(),
            Some("http://[::1]:8080")
        );
        for bad in [
            "a.com",
            "https://",
            "https://a.com:x",
            "https://a b.com",
            "mailto://a.com",
            "https://a.com:",
        ] {
            assert_eq!(normalize_origin(bad), None, "{bad}");
        }
    }
}
