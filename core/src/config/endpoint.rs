//! `endpoint`: where the page sends its Cognito requests.

use super::error::{invalid, ConfigError};
use std::net::{Ipv4Addr, Ipv6Addr};

/// `endpoint`: an `https://` URL, or `http://` to this machine only (a local Cognito): the
/// request bodies carry passwords and tokens.
pub(super) fn read(url: &str) -> Result<String, ConfigError> {
    read_field("endpoint", url)
}

/// The same rule for any field that names a server the page sends secrets to.
pub(super) fn read_field(field: &'static str, url: &str) -> Result<String, ConfigError> {
    let not_a_url = || invalid(field, "expected an https:// URL");
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
            field,
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
