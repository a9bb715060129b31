//! Where the page may send the user after sign-in (`?return_to=`), and to whom it may hand the
//! session (`postMessage` to an opener or parent; what is posted is
//! [`crate::embed_message`]'s). Only the page's own origin and the origins
//! the config lists; everything else is refused.
//!
//! A return address is read by the browser's own URL parser (the WHATWG URL standard), never
//! by hand: the decision looks at the origin that parse gives, and the page then goes to the
//! absolute URL that same parse serialized. A hand-made reading that disagrees with the
//! browser's, or a path cut out of the address, is how open redirects happen.

use std::fmt;

/// A URL as the WHATWG URL standard parses it: the parts of its `URL` object the decision
/// needs. The browser fills it in from `URL`; tests from another parser of the same standard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The whole URL, serialized (`URL.href`).
    pub href: String,
    /// `scheme://host[:port]`, or `null` for schemes without an origin (`URL.origin`).
    pub origin: String,
    /// The scheme with its colon, e.g. `https:` (`URL.protocol`).
    pub protocol: String,
    pub username: String,
    pub password: String,
}

/// A return address that passed the checks: the absolute URL to navigate to, exactly as the
/// parser serialized it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReturnTo {
    /// A URL on this page's own origin.
    SameOrigin(String),
    /// A URL on an allowlisted origin.
    Allowed(String),
}

impl ReturnTo {
    /// The absolute URL to navigate to.
    pub fn href(&self) -> &str {
        match self {
            Self::SameOrigin(href) | Self::Allowed(href) => href,
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

/// Checks `?return_to=` (`raw`, as decoded from the query) against the page at `page_url`
/// and the allowlist. `parse(input, base)` is the WHATWG URL parser: `new URL(input, base)`.
pub fn check_return_to(
    raw: &str,
    page_url: &str,
    allowed_origins: &[String],
    parse: impl Fn(&str, &str) -> Option<ParsedUrl>,
) -> Result<ReturnTo, RedirectRefused> {
    // The page's URL is absolute: as its own base it parses to itself.
    let page = parse(page_url, page_url);
    // Relative addresses resolve against the page, as a link on it would.
    let target = parse(raw, page_url);
    page.zip(target)
        .and_then(|(page, target)| decide(target, &page, allowed_origins))
        .ok_or_else(|| RedirectRefused(raw.to_owned()))
}

/// Where a parsed return address leads, if anywhere: only to an http(s) URL without user info
/// on the page's origin or an allowlisted one.
fn decide(target: ParsedUrl, page: &ParsedUrl, allowed_origins: &[String]) -> Option<ReturnTo> {
    // Other schemes run script (`javascript:`), carry content (`data:`) or, like `blob:`,
    // report the origin of the URL inside them.
    let web = matches!(target.protocol.as_str(), "http:" | "https:");
    // User info only makes sense to deceive the reader about the host.
    if !web || !target.username.is_empty() || !target.password.is_empty() {
        return None;
    }
    if target.origin == page.origin {
        // The page itself (`""`, `#top`) is no way back: signed in here, the page would go to
        // itself again and again (or, for a fragment, never leave).
        if without_fragment(&target.href) == without_fragment(&page.href) {
            return None;
        }
        return Some(ReturnTo::SameOrigin(target.href));
    }
    allowed_origins
        .iter()
        .filter_map(|o| normalize_origin(o))
        .any(|allowed| allowed == target.origin)
        .then_some(ReturnTo::Allowed(target.href))
}

fn without_fragment(href: &str) -> &str {
    href.split_once('#').map_or(href, |(before, _)| before)
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

#[cfg(test)]
mod tests;
