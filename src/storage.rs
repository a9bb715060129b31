//! `localStorage`, where only the refresh token (and the refresh lease) is kept, under the
//! documented key prefix `leptos-cognito.` (see `leptos_cognito_core::storage_keys`). Access and
//! id tokens never go here.
//!
//! `localStorage` can be missing or throw (disabled storage, private mode, quota), so every
//! access is fallible and a failure leaves the session in memory only.

use leptos_cognito_core::secret::RefreshToken;
use leptos_cognito_core::storage_keys;
use web_sys::Storage;

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A raw value; `None` when absent or storage is unavailable.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Returns whether the value was stored.
pub fn write(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        // Nothing more can be done if removal throws.
        let _ = storage.remove_item(key);
    }
}

pub fn load_refresh_token(client_id: &str) -> Option<RefreshToken> {
    read(&storage_keys::refresh_token(client_id))
        .filter(|token| !token.is_empty())
        .map(RefreshToken::new)
}

/// Returns whether the token was stored (false: the session won't survive a reload).
pub fn save_refresh_token(client_id: &str, token: &RefreshToken) -> bool {
    write(
        &storage_keys::refresh_token(client_id),
        token.expose_secret(),
    )
}

pub fn clear_refresh_token(client_id: &str) {
    remove(&storage_keys::refresh_token(client_id));
}
