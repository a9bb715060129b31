use super::*;

/// The WHATWG parser as the `url` crate implements it, standing in for the browser's `URL`.
fn whatwg(input: &str, base: &str) -> Option<ParsedUrl> {
    let url = url::Url::parse(base).ok()?.join(input).ok()?;
    Some(ParsedUrl {
        href: url.as_str().to_owned(),
        origin: url.origin().ascii_serialization(),
        protocol: format!("{}:", url.scheme()),
        username: url.username().to_owned(),
        password: url.password().unwrap_or_default().to_owned(),
    })
}

const ORIGIN: &str = "https://login.example.com";

/// The sign-in page as the browser shows it, carrying `raw` in its query.
fn page_url(raw: &str) -> String {
    let query: String = url::form_urlencoded::byte_serialize(raw.as_bytes()).collect();
    format!("{ORIGIN}/sign-in?return_to={query}")
}

fn allowed() -> Vec<String> {
    vec![
        "https://app.example.com".into(),
        "http://localhost:3000/".into(),
    ]
}

fn check(raw: &str) -> Result<ReturnTo, RedirectRefused> {
    check_return_to(raw, &page_url(raw), &allowed(), whatwg)
}

/// What the page does with a return address.
#[derive(Debug)]
enum Decision {
    /// Goes to this absolute URL on its own origin.
    Own(&'static str),
    /// Goes to this absolute URL on an allowlisted origin.
    Listed(&'static str),
    Refused,
}
use Decision::{Listed, Own, Refused};

/// Hostile and benign return addresses, each with what the page must do with it.
const VECTORS: &[(&str, Decision)] = &[
    // Same-origin paths and URLs, and the allowlist.
    ("/", Own("https://login.example.com/")),
    ("/account", Own("https://login.example.com/account")),
    ("/a/b?c=d#e", Own("https://login.example.com/a/b?c=d#e")),
    (
        "https://login.example.com/x?y",
        Own("https://login.example.com/x?y"),
    ),
    (
        "https://app.example.com/after-login?x=1",
        Listed("https://app.example.com/after-login?x=1"),
    ),
    (
        "http://localhost:3000/cb",
        Listed("http://localhost:3000/cb"),
    ),
    ("https://evil.example/", Refused),
    ("https://app.example.com.evil.example/", Refused),
    ("https://evil.example#https://app.example.com", Refused),
    ("https://evil.example?https://login.example.com", Refused),
    ("ftp://app.example.com/", Refused),
    // Own origin followed by `?`, `#`, `//`, `\`: the "path" after them stays a path.
    (
        "https://login.example.com?//evil.example/",
        Own("https://login.example.com/?//evil.example/"),
    ),
    (
        "https://login.example.com#//evil.example/",
        Own("https://login.example.com/#//evil.example/"),
    ),
    (
        "https://login.example.com//evil.example/",
        Own("https://login.example.com//evil.example/"),
    ),
    (
        "https://login.example.com\\evil.example",
        Own("https://login.example.com/evil.example"),
    ),
    (
        "https://login.example.com\\@evil.example",
        Own("https://login.example.com/@evil.example"),
    ),
    ("https://evil.example\\@login.example.com", Refused),
    // User info, wherever the real host ends up.
    ("https://login.example.com@evil.example", Refused),
    ("https://evil.example@login.example.com", Refused),
    ("https://login.example.com:@evil.example", Refused),
    ("https://user:pass@app.example.com/", Refused),
    ("https://login.example.com%2F@evil.example", Refused),
    ("https://login.example.com%40evil.example", Refused),
    // Empty user info is no user info: the parser drops it.
    (
        "https://:@login.example.com/",
        Own("https://login.example.com/"),
    ),
    // Tabs and newlines are removed anywhere, C0 controls and spaces at either end.
    (
        "ht\ttps://login.example.com/x",
        Own("https://login.example.com/x"),
    ),
    (
        "https://login.exa\nmple.com/x",
        Own("https://login.example.com/x"),
    ),
    ("java\tscript:alert(1)", Refused),
    ("/\t/evil.example", Refused),
    (
        "/x\r\nLocation: https://evil.example",
        Own("https://login.example.com/xLocation:%20https://evil.example"),
    ),
    (" https://evil.example", Refused),
    ("\u{0}//evil.example", Refused),
    (
        " https://app.example.com/",
        Listed("https://app.example.com/"),
    ),
    (
        "\u{3000}//evil.example",
        Own("https://login.example.com/%E3%80%80//evil.example"),
    ),
    // Percent-encoding: slashes stay encoded in paths, hosts are decoded.
    (
        "%2F%2Fevil.example",
        Own("https://login.example.com/%2F%2Fevil.example"),
    ),
    (
        "/%2F%2Fevil.example",
        Own("https://login.example.com/%2F%2Fevil.example"),
    ),
    (
        "https:%2F%2Fevil.example",
        Own("https://login.example.com/%2F%2Fevil.example"),
    ),
    ("https://%65vil.example/", Refused),
    (
        "https://login%2Eexample.com/",
        Own("https://login.example.com/"),
    ),
    // Look-alike hosts (Cyrillic о and а, and their punycode), and what IDNA maps to ASCII.
    ("https://l\u{43e}gin.example.com/", Refused),
    ("https://xn--lgin-55d.example.com/", Refused),
    ("https://\u{430}pp.example.com/", Refused),
    (
        "https://\u{ff2c}\u{ff2f}\u{ff27}\u{ff29}\u{ff2e}.example.com/",
        Own("https://login.example.com/"),
    ),
    (
        "https://login\u{3002}example.com/",
        Own("https://login.example.com/"),
    ),
    (
        "https://a\u{200b}pp.example.com/",
        Listed("https://app.example.com/"),
    ),
    // Ports: the default one is dropped, any other is another origin.
    (
        "https://login.example.com:443/x",
        Own("https://login.example.com/x"),
    ),
    (
        "https://login.example.com:0443/",
        Own("https://login.example.com/"),
    ),
    (
        "https://app.example.com:443/p",
        Listed("https://app.example.com/p"),
    ),
    ("https://login.example.com:8443/", Refused),
    ("https://app.example.com:8443/", Refused),
    ("http://localhost:3001/", Refused),
    ("https://login.example.com:65536/", Refused),
    // A trailing dot is another host as far as origins go.
    ("https://login.example.com./", Refused),
    ("https://app.example.com./", Refused),
    // Case.
    (
        "https://LOGIN.example.com:443/x?y",
        Own("https://login.example.com/x?y"),
    ),
    (
        "HTTPS://APP.EXAMPLE.COM/path",
        Listed("https://app.example.com/path"),
    ),
    ("http://login.example.com/", Refused),
    ("http://app.example.com/", Refused),
    // Schemes that aren't web pages; a blob's origin is the page's own.
    ("javascript:alert(1)", Refused),
    ("JaVaScRiPt:alert(document.domain)", Refused),
    ("javascript://login.example.com/%0aalert(1)", Refused),
    ("data:text/html,<script>alert(1)</script>", Refused),
    ("blob:https://login.example.com/0b6a5c1e", Refused),
    ("vbscript:msgbox(1)", Refused),
    ("file:///etc/passwd", Refused),
    // The page's own scheme without slashes is a relative path; another scheme is not.
    (
        "https:evil.example",
        Own("https://login.example.com/evil.example"),
    ),
    (
        "https:/evil.example",
        Own("https://login.example.com/evil.example"),
    ),
    ("http:evil.example", Refused),
    ("https:\\\\evil.example", Refused),
    // Protocol-relative, with any mix of slashes and backslashes.
    ("//evil.example", Refused),
    ("///evil.example", Refused),
    ("/\\evil.example", Refused),
    ("\\/evil.example", Refused),
    ("\\\\evil.example", Refused),
    ("//login.example.com/x", Own("https://login.example.com/x")),
    // Relative paths: `..` never climbs above the root, and a leading `//` stays a path.
    (
        "evil.example",
        Own("https://login.example.com/evil.example"),
    ),
    (
        "/../..//evil.example",
        Own("https://login.example.com//evil.example"),
    ),
    (
        "..//evil.example",
        Own("https://login.example.com//evil.example"),
    ),
    (
        "/./%2e%2e//evil.example",
        Own("https://login.example.com//evil.example"),
    ),
    ("?x=1", Own("https://login.example.com/sign-in?x=1")),
    // The sign-in page itself: signed in there, it would leave for itself again and again.
    ("", Refused),
    ("   ", Refused),
    ("#top", Refused),
];

#[test]
fn return_addresses_are_decided_on_the_standard_parse() {
    for (raw, decision) in VECTORS {
        let expected = match decision {
            Own(href) => Ok(ReturnTo::SameOrigin((*href).to_owned())),
            Listed(href) => Ok(ReturnTo::Allowed((*href).to_owned())),
            Refused => Err(RedirectRefused((*raw).to_owned())),
        };
        assert_eq!(check(raw), expected, "{raw:?}");
    }
}

#[test]
fn followed_addresses_are_absolute_and_parse_back_to_themselves() {
    // Navigating to the href must land exactly there, whatever page it is used from.
    for (raw, _) in VECTORS {
        let Ok(target) = check(raw) else { continue };
        let reparsed = whatwg(target.href(), "https://other.example/elsewhere/").unwrap();
        assert_eq!(reparsed.href, target.href(), "{raw:?}");
        let origin_ok = reparsed.origin == ORIGIN
            || allowed()
                .iter()
                .any(|o| normalize_origin(o).as_deref() == Some(reparsed.origin.as_str()));
        assert!(origin_ok, "{raw:?} left for {}", reparsed.origin);
    }
}

#[test]
fn an_unparsable_page_url_refuses_everything() {
    assert_eq!(
        check_return_to("/account", "not a url", &allowed(), whatwg),
        Err(RedirectRefused("/account".into()))
    );
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
