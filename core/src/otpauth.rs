//! What an authenticator app needs to set up TOTP for the user: the `otpauth://` Key URI it scans
//! from a QR code (Google Authenticator's Key Uri Format), and the secret in groups of four for
//! typing it in by hand.
//!
//! The URI leaves out `algorithm`, `digits` and `period`: Cognito uses exactly the RFC 6238
//! defaults (SHA-1, 6 digits, 30 s) that every app assumes when they are absent, some apps have
//! ignored or mishandled them when present, and a shorter URI makes a coarser QR code that
//! scans more easily.

use crate::secret::{OtpauthUri, TotpSecret};

/// The Key URI `otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}`.
///
/// `issuer` names the service in the app's list (e.g. the site's title) and `account` the user
/// (their email). Both are UTF-8 percent-encoded, spaces as `%20` and `+` as `%2B` (some apps
/// decode `+` as a space). Apps split the decoded label at its first `:`, so an issuer that
/// contains `:` is left out of the label and given by the `issuer` parameter alone, which the
/// format makes the authoritative one; an empty issuer is left out altogether.
pub fn totp_key_uri(issuer: &str, account: &str, secret: &TotpSecret) -> OtpauthUri {
    let mut uri = String::from("otpauth://totp/");
    if !issuer.is_empty() && !issuer.contains(':') {
        push_encoded(&mut uri, issuer);
        uri.push(':');
    }
    push_encoded(&mut uri, account);
    uri.push_str("?secret=");
    push_encoded(&mut uri, secret.expose_secret());
    if !issuer.is_empty() {
        uri.push_str("&issuer=");
        push_encoded(&mut uri, issuer);
    }
    OtpauthUri::new(uri)
}

/// The secret in groups of four separated by spaces (`"JBSW Y3DP EHPK 3PXP"`), for reading it
/// aloud or typing it into an app by hand; apps ignore the spaces. For display only: copy and
/// send [`TotpSecret::expose_secret`].
pub fn grouped_secret(secret: &TotpSecret) -> String {
    let mut grouped = String::new();
    for (i, c) in secret.expose_secret().chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    grouped
}

/// Appends `text` percent-encoded, keeping only RFC 3986's unreserved characters and `@`
/// (allowed in paths and queries alike, and kept so an email reads as one in the URI).
fn push_encoded(uri: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~@".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push('%');
            uri.push(char::from(HEX[usize::from(byte >> 4)]));
            uri.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use percent_encoding::percent_decode_str;
    use url::Url;

    const SECRET: &str = "JBSWY3DPEHPK3PXP";

    /// What an app reads from the URI: (issuer from the label, account, secret, issuer parameter).
    struct Scanned {
        label_issuer: Option<String>,
        account: String,
        secret: String,
        issuer: Option<String>,
    }

    /// Reads the URI as apps do: the WHATWG parser, the label decoded and split at its first `:`,
    /// the query decoded as form data (where a raw `+` would turn into a space).
    fn scan(uri: &OtpauthUri) -> Scanned {
        let url = Url::parse(uri.expose_secret()).expect("a valid URL");
        assert_eq!(url.scheme(), "otpauth");
        assert_eq!(url.host_str(), Some("totp"));
        assert!(url.fragment().is_none(), "{}", url.as_str());
        let label = percent_decode_str(url.path().strip_prefix('/').unwrap())
            .decode_utf8()
            .unwrap()
            .into_owned();
        let (label_issuer, account) = match label.split_once(':') {
            Some((issuer, account)) => (Some(issuer.to_owned()), account.to_owned()),
            None => (None, label),
        };
        let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        let value = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        assert!(pairs.iter().filter(|(k, _)| k == "issuer").count() <= 1);
        Scanned {
            label_issuer,
            account,
            secret: value("secret").expect("a secret"),
            issuer: value("issuer"),
        }
    }

    fn uri(issuer: &str, account: &str) -> OtpauthUri {
        totp_key_uri(issuer, account, &TotpSecret::new(SECRET))
    }

    #[test]
    fn matches_the_key_uri_format_example() {
        assert_eq!(
            uri("Example", "alice@google.com").expose_secret(),
            "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example"
        );
    }

    #[test]
    fn awkward_issuers_and_accounts_come_back_exactly() {
        let issuers = [
            "Acme Store",
            "テスト株式会社",
            "R&D ? #1 / 100% + more",
            "a=b;c,d'e\"f<g>h",
            "tab\tand\nnewline",
            "🔐 Vault",
        ];
        let accounts = [
            "alice@example.com",
            "alice+tag@example.com",
            "名前@例え.jp",
            "o'brien@example.com",
        ];
        for issuer in issuers {
            for account in accounts {
                let uri = uri(issuer, account);
                let scanned = scan(&uri);
                assert_eq!(scanned.label_issuer.as_deref(), Some(issuer), "{issuer:?}");
                assert_eq!(scanned.account, account);
                assert_eq!(scanned.secret, SECRET);
                assert_eq!(scanned.issuer.as_deref(), Some(issuer));
            }
        }
    }

    #[test]
    fn encodes_spaces_and_plus_unambiguously_and_stays_ascii() {
        let uri = uri("Acme Store+", "alice+tag@example.com");
        let text = uri.expose_secret();
        assert!(text.is_ascii());
        assert!(!text.contains(' ') && !text.contains('+'), "{text}");
        assert_eq!(
            text,
            "otpauth://totp/Acme%20Store%2B:alice%2Btag@example.com\
             ?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Store%2B"
        );
    }

    #[test]
    fn utf8_is_percent_encoded_byte_by_byte() {
        let uri = uri("テスト株式会社", "a@b.jp");
        assert_eq!(
            uri.expose_secret(),
            "otpauth://totp/%E3%83%86%E3%82%B9%E3%83%88%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE:a@b.jp\
             ?secret=JBSWY3DPEHPK3PXP\
             &issuer=%E3%83%86%E3%82%B9%E3%83%88%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE"
        );
    }

    #[test]
    fn an_issuer_with_a_colon_is_given_by_the_parameter_alone() {
        for issuer in ["Acme: Tokyo", ":", "a:b:c", "https://example.com"] {
            let uri = uri(issuer, "alice@example.com");
            let scanned = scan(&uri);
            assert_eq!(scanned.label_issuer, None, "{}", uri.expose_secret());
            assert_eq!(scanned.account, "alice@example.com");
            assert_eq!(scanned.issuer.as_deref(), Some(issuer));
        }
        assert_eq!(
            uri("Acme: Tokyo", "alice@example.com").expose_secret(),
            "otpauth://totp/alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%3A%20Tokyo"
        );
    }

    #[test]
    fn an_account_with_a_colon_keeps_the_issuer_in_front() {
        let scanned = scan(&uri("Acme", "\"a:b\"@example.com"));
        assert_eq!(scanned.label_issuer.as_deref(), Some("Acme"));
        assert_eq!(scanned.account, "\"a:b\"@example.com");
    }

    #[test]
    fn an_empty_issuer_is_left_out() {
        let uri = uri("", "alice@example.com");
        assert_eq!(
            uri.expose_secret(),
            "otpauth://totp/alice@example.com?secret=JBSWY3DPEHPK3PXP"
        );
        assert_eq!(scan(&uri).issuer, None);
    }

    #[test]
    fn groups_the_secret_in_fours() {
        let grouped = |s: &str| grouped_secret(&TotpSecret::new(s));
        assert_eq!(grouped(SECRET), "JBSW Y3DP EHPK 3PXP");
        assert_eq!(grouped("ABCDEF"), "ABCD EF");
        assert_eq!(grouped("ABCD"), "ABCD");
        assert_eq!(grouped(""), "");
        let cognito_length = "A".repeat(32);
        assert_eq!(grouped(&cognito_length).split(' ').count(), 8);
    }
}
