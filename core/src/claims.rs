//! Reads the claims of a Cognito JWT without verifying it. The signature is the server's
//! business; the page only needs to know who signed in and until when. Bad input is an error,
//! never a panic.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

/// The claims the page uses. Unknown claims are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Claims {
    /// The user's stable id.
    pub sub: String,
    /// Expiry, seconds since the Unix epoch.
    pub exp: u64,
    /// Issue time, seconds since the Unix epoch.
    pub iat: u64,
    /// Present in id tokens.
    #[serde(default)]
    pub email: Option<String>,
    /// The `nonce` of the authorization request, in id tokens from the pool domain's OAuth
    /// endpoints when `openid` was asked for.
    #[serde(default)]
    pub nonce: Option<String>,
    /// In id tokens of users with a phone number.
    #[serde(default)]
    pub phone_number: Option<String>,
    /// The username, in id tokens.
    #[serde(default, rename = "cognito:username")]
    pub username: Option<String>,
    /// Present in id tokens of users with an email: whether the address is verified. A
    /// boolean from Cognito; a federated provider's may arrive as `"true"`, and anything else
    /// reads as unknown rather than failing the whole token.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub email_verified: Option<bool>,
}

fn lenient_bool<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Bool(b) => Some(b),
        serde_json::Value::String(s) if s == "true" => Some(true),
        serde_json::Value::String(s) if s == "false" => Some(false),
        _ => None,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClaimsError {
    #[error("the token is not a JWT (expected three dot-separated parts)")]
    NotAJwt,
    #[error("the token payload is not base64url")]
    BadEncoding,
    #[error("the token payload is not the expected JSON: {0}")]
    BadPayload(String),
}

/// Decodes the payload (second part) of a JWT.
pub fn decode_claims(jwt: &str) -> Result<Claims, ClaimsError> {
    let mut parts = jwt.split('.');
    let (Some(_header), Some(payload), Some(_signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ClaimsError::NotAJwt);
    };
    // Some encoders pad; base64url in JWTs must not, but tolerate it rather than fail.
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| ClaimsError::BadEncoding)?;
    // The serde error names the missing or mistyped claim, never the token's content.
    serde_json::from_slice(&bytes).map_err(|e| ClaimsError::BadPayload(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt_with(payload: &str) -> String {
        format!(
            "eyJhbGciOiJSUzI1NiJ9.{}.c2ln",
            URL_SAFE_NO_PAD.encode(payload)
        )
    }

    #[test]
    fn decodes_the_claims_of_an_id_token() {
        let token = jwt_with(
            r#"{"sub":"u-1","exp":1700003600,"iat":1700000000,"email":"a@example.com","aud":"c"}"#,
        );
        let claims = decode_claims(&token).unwrap();
        assert_eq!(claims.sub, "u-1");
        assert_eq!(claims.exp, 1_700_003_600);
        assert_eq!(claims.iat, 1_700_000_000);
        assert_eq!(claims.email.as_deref(), Some("a@example.com"));
    }

    #[test]
    fn email_verified_is_read_as_cognito_and_federated_providers_write_it() {
        let read = |value: &str| {
            let payload = format!(r#"{{"sub":"u","exp":2,"iat":1,"email_verified":{value}}}"#);
            decode_claims(&jwt_with(&payload)).unwrap().email_verified
        };
        assert_eq!(read("true"), Some(true));
        assert_eq!(read("false"), Some(false));
        assert_eq!(read(r#""true""#), Some(true));
        assert_eq!(read(r#""false""#), Some(false));
        assert_eq!(read("1"), None);
        let absent = decode_claims(&jwt_with(r#"{"sub":"u","exp":2,"iat":1}"#)).unwrap();
        assert_eq!(absent.email_verified, None);
    }

    #[test]
    fn access_tokens_have_no_email() {
        let claims = decode_claims(&jwt_with(r#"{"sub":"u","exp":2,"iat":1}"#)).unwrap();
        assert_eq!(claims.email, None);
    }

    #[test]
    fn malformed_tokens_are_errors_not_panics() {
        let cases = [
            ("", ClaimsError::NotAJwt),
            ("abc", ClaimsError::NotAJwt),
            ("a.b", ClaimsError::NotAJwt),
            ("a.b.c.d", ClaimsError::NotAJwt),
            ("a.!!!.c", ClaimsError::BadEncoding),
            ("a.\u{e9}\u{e9}.c", ClaimsError::BadEncoding),
        ];
        for (token, expected) in cases {
            assert_eq!(decode_claims(token), Err(expected), "{token:?}");
        }
        for payload in [
            "not json",
            "[]",
            "{}",
            r#"{"sub":"u","exp":"soon","iat":1}"#,
            r#"{"sub":"u","exp":-1,"iat":1}"#,
            r#"{"sub":1,"exp":2,"iat":1}"#,
        ] {
            assert!(
                matches!(
                    decode_claims(&jwt_with(payload)),
                    Err(ClaimsError::BadPayload(_))
                ),
                "{payload}"
            );
        }
    }

    #[test]
    fn padded_payload_is_tolerated() {
        let payload =
            base64::engine::general_purpose::URL_SAFE.encode(r#"{"sub":"uu","exp":2,"iat":1}"#);
        assert!(payload.ends_with('='));
        let token = format!("h.{payload}.s");
        assert_eq!(decode_claims(&token).unwrap().sub, "uu");
    }
}
