//! The refresh token in `localStorage`, under the documented key prefix
//! (`leptos-cognito.<clientId>.refreshToken`). Access and id tokens never go here.
//!
//! `localStorage` can be missing or throw (disabled storage, private mode, quota), so every
//! access is fallible and failures leave the session in memory only.

use leptos_cognito_core::secret::RefreshToken;
use leptos_cognito_core::storage_keys;
use web_sys::Storage;

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load_refresh_token(client_id: &str) -> Option<RefreshToken> {
    local_storage()?
        .get_item(&storage_keys::refresh_token(client_id))
        .ok()
        .flatten()
        .filter(|token| !token.is_empty())
        .map(RefreshToken::new)
}

/// Returns whether the token was stored (false: it will not survive a reload).
pub fn save_refresh_token(client_id: &str, token: &RefreshToken) -> bool {
    local_storage().is_some_and(|storage| {
        storage
            .set_item(
                &storage_keys::refresh_token(client_id),
                token.expose_secret(),
            )
            .is_ok()
    })
}

pub fn clear_refresh_token(client_id: &str) {
    if let Some(storage) = local_storage() {
        // Nothing more can be done if removal throws; the token is dropped from memory anyway.
        let _ = storage.remove_item(&storage_keys::refresh_token(client_id));
    }
}
