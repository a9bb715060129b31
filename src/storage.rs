//! `localStorage`, where only the session record (the refresh token and a sequence number) and
//! the refresh lease are kept, under the documented key prefix `leptos-cognito.` (see
//! `leptos_cognito_core::storage_keys`). Access and id tokens never go here.
//!
//! `localStorage` can be missing or throw (disabled storage, private mode, quota), so every
//! access is fallible and a failure leaves the session in memory only.

use leptos_cognito_core::session_rules::StoredSession;
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

/// The keys present that begin with `prefix`; none when storage is unavailable.
pub fn keys_starting_with(prefix: &str) -> Vec<String> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

/// The session record of one app client: its refresh token and the sequence number that orders
/// sign-ins and refreshes across tabs.
pub fn load_session(client_id: &str) -> Option<StoredSession> {
    read(&storage_keys::refresh_token(client_id)).and_then(|text| StoredSession::parse(&text))
}

/// Replaces the record in one write. Returns whether it was stored (false: the session won't
/// survive a reload).
pub fn save_session(client_id: &str, record: &StoredSession) -> bool {
    write(&storage_keys::refresh_token(client_id), &record.to_json())
}

/// Removes the record: signed out.
pub fn clear_session(client_id: &str) {
    remove(&storage_keys::refresh_token(client_id));
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use leptos::prelude::window;
    use leptos_cognito_core::secret::RefreshToken;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn session_record_round_trips_through_local_storage_under_the_prefix() {
        let client_id = "browsertest1";
        let key = "leptos-cognito.browsertest1.refreshToken";
        let local = window().local_storage().unwrap().unwrap();
        local.remove_item(key).unwrap();
        assert!(load_session(client_id).is_none());

        let record = StoredSession::next(None, 42, RefreshToken::new("r-123"));
        assert!(save_session(client_id, &record));
        let raw = local.get_item(key).unwrap();
        assert_eq!(
            raw.as_deref(),
            Some(r#"{"seq":1,"token":"r-123","sid":42}"#)
        );
        assert_eq!(load_session(client_id), Some(record));

        // A sign-out leaves nothing behind.
        clear_session(client_id);
        assert_eq!(local.get_item(key).unwrap(), None);
        assert!(load_session(client_id).is_none());

        // What an older version stored (the bare token) still reads.
        local.set_item(key, "r-old").unwrap();
        let upgraded = load_session(client_id).unwrap();
        assert_eq!(upgraded.seq, 0);
        assert_eq!(upgraded.token.expose_secret(), "r-old");
        clear_session(client_id);
    }
}
