//! Names of what the app keeps in `localStorage`. Every key starts with [`PREFIX`], so an
//! embedding site can see (and clear) exactly what belongs to the sign-in page.

/// The documented prefix of every storage key.
pub const PREFIX: &str = "leptos-cognito.";

/// Key of the refresh token for one app client. Scoping by client id keeps two pools served
/// from the same origin from trying each other's tokens. index.html's pre-painted sign-in form
/// (web/prepaint.js) stays away while any key of this shape exists: that reload restores a session.
pub fn refresh_token(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.refreshToken")
}

/// Key of the refresh lease, used to serialise refreshes across tabs without Web Locks.
pub fn refresh_lease(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.refreshLease")
}

/// Key of the first factor last signed in with on this device (`WEB_AUTHN`, `EMAIL_OTP`, ...),
/// offered first next time. Not a secret.
pub fn last_sign_in_factor(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.lastSignInFactor")
}

/// Key of the note that the user declined the offer to add a passkey on this device.
pub fn passkey_offer_dismissed(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.passkeyOfferDismissed")
}

/// Key of the note that the user put off verifying their email (holds the user's `sub`, so the
/// offer comes back for anyone else).
pub fn verify_email_offer_dismissed(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.verifyEmailOfferDismissed")
}

/// Key of what this browser keeps to prove a remembered device for one user (`username` as
/// typed to sign in, lower-cased): the device key, group key and device secret.
pub fn device(client_id: &str, username: &str) -> String {
    format!("{}{}", devices_prefix(client_id), username.to_lowercase())
}

/// What every [`device`] key of one app client begins with.
pub fn devices_prefix(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.device.")
}

/// Key of the device key the current session's refresh token belongs to.
pub fn session_device(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.sessionDevice")
}

/// Key (in `sessionStorage`, for one round trip only) of what a sign-in through the pool
/// domain keeps until the user is back: the PKCE verifier, the nonce, and where to go after.
/// The `state` sent with the request names it, so a callback finds its own record only.
pub fn oauth_round_trip(client_id: &str, state: &str) -> String {
    format!("{}{state}", oauth_round_trip_prefix(client_id))
}

/// The start of every [`oauth_round_trip`] key of one app client.
pub fn oauth_round_trip_prefix(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.oauth.")
}

/// Key (in `localStorage`) of the note that this browser's session began at the pool domain, whose
/// own session (a cookie there) sign-out then ends too (`/logout`). Not a secret.
pub fn hosted_session(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.hostedSession")
}

/// Name of the Web Lock and of the `BroadcastChannel` shared by the tabs of one app client.
pub fn tab_channel(client_id: &str) -> String {
    format!("{PREFIX}{client_id}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn refresh_token_key_is_prefixed_and_scoped_to_the_client() {
        assert_eq!(
            super::refresh_token("abc123"),
            "leptos-cognito.abc123.refreshToken"
        );
    }
}
