//! Names of what the app keeps in `localStorage`. Every key starts with [`PREFIX`], so an
//! embedding site can see (and clear) exactly what belongs to the sign-in page.

/// The documented prefix of every storage key.
pub const PREFIX: &str = "leptos-cognito.";

/// Key of the refresh token for one app client. Scoping by client id keeps two pools served
/// from the same origin from trying each other's tokens.
pub fn refresh_token(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.refreshToken")
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
