//! What the page posts to an allowlisted embedder (an opener or parent window), as JSON with a
//! `type`: the session after sign-in, or word that the user signed out. Who may receive it is
//! [`crate::redirect::may_receive_session`]'s decision.

use crate::secret::{AccessToken, IdToken, RefreshToken};

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
mod tests;
