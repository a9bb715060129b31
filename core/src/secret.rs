//! Newtypes for secrets. Their `Debug` prints `[redacted]`, they have no `Display`, the
//! only way to the text is the explicit [`expose_secret`](Password::expose_secret), and the
//! text is wiped when the value is dropped.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! secret_string {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The secret text, for sending it where it belongs and nowhere else.
            pub fn expose_secret(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "([redacted])"))
            }
        }

        /// The text is overwritten before its memory is given back.
        impl Drop for $name {
            fn drop(&mut self) {
                zeroize::Zeroize::zeroize(&mut self.0);
            }
        }
    };
}

secret_string!(
    /// A user's password, held only for the request that needs it.
    Password
);
secret_string!(
    /// Proves the user to APIs; lives in memory only.
    AccessToken
);
secret_string!(
    /// Carries the user's identity claims; lives in memory only.
    IdToken
);
secret_string!(
    /// Obtains new tokens; the one secret kept in `localStorage` so a reload keeps the session.
    RefreshToken
);
secret_string!(
    /// Cognito's opaque challenge session, valid for a few minutes.
    ChallengeSession
);
secret_string!(
    /// The shared key of an authenticator app (base32, Cognito's `SecretCode`): whoever holds it
    /// can make the user's one-time codes.
    TotpSecret
);
secret_string!(
    /// A remembered device's password (random, made on the device): with it the device proves
    /// itself by SRP, so it is guarded like the user's.
    DeviceSecret
);
secret_string!(
    /// An `otpauth://` Key URI; it carries a [`TotpSecret`], so it is guarded the same way.
    OtpauthUri
);

secret_string!(
    /// A one-time code (emailed, texted, or shown by an authenticator app): for the few
    /// minutes it lives, it proves the user.
    OneTimeCode
);
secret_string!(
    /// PKCE's `code_verifier` (RFC 7636): whoever holds it with the authorization code gets
    /// the user's tokens.
    CodeVerifier
);
secret_string!(
    /// The authorization code the pool domain sends back to the callback: single-use, for
    /// minutes, and worth the user's tokens together with the verifier.
    AuthorizationCode
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let shown = format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            Password::new("hunter2"),
            AccessToken::new("eyJaccess"),
            IdToken::new("eyJid"),
            RefreshToken::new("refresh-secret"),
            ChallengeSession::new("session-secret"),
            TotpSecret::new("JBSWY3DPEHPK3PXP"),
            OtpauthUri::new("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP"),
            DeviceSecret::new("device-secret"),
        );
        let shown = format!(
            "{shown} {:?} {:?} {:?}",
            CodeVerifier::new("pkce-verifier"),
            AuthorizationCode::new("auth-code"),
            OneTimeCode::new("246810")
        );
        for secret in [
            "hunter2",
            "eyJaccess",
            "eyJid",
            "refresh-secret",
            "session-secret",
            "JBSWY3DPEHPK3PXP",
            "otpauth://",
            "device-secret",
            "pkce-verifier",
            "auth-code",
            "246810",
        ] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.starts_with("Password([redacted])"), "{shown}");
    }

    #[test]
    fn serializes_as_the_plain_string_for_the_wire() {
        let json = serde_json::to_string(&RefreshToken::new("abc")).unwrap();
        assert_eq!(json, "\"abc\"");
        let back: RefreshToken = serde_json::from_str(&json).unwrap();
        assert_eq!(back.expose_secret(), "abc");
    }
}
