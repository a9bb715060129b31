//! What tabs of one origin tell each other about the session, and the storage lease that
//! serialises refreshes where the Web Locks API is missing.

use crate::secret::{AccessToken, IdToken, RefreshToken};
use serde::{Deserialize, Serialize};

/// A message on the tabs' `BroadcastChannel` (same origin only; never written to storage).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum TabMessage {
    /// A tab signed in or refreshed; the others adopt these tokens instead of refreshing.
    #[serde(rename_all = "camelCase")]
    Tokens {
        access: AccessToken,
        id: IdToken,
        refresh: RefreshToken,
        expires_in: Option<u64>,
        /// How long before sending the tab received them. An age, not a time: each tab reads
        /// its own clocks, which need not agree.
        age_ms: u64,
        /// The storage sequence number they were saved under (see
        /// [`StoredSession`](crate::session_rules::StoredSession)): the higher, the newer.
        seq: u64,
        /// The sign-in they belong to (see
        /// [`StoredSession::sid`](crate::session_rules::StoredSession::sid)).
        sid: u64,
    },
    /// A tab signed out (or its session ended): every tab signs out.
    SignedOut,
}

impl TabMessage {
    pub fn to_json(&self) -> String {
        // Plain strings and numbers: serialization cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a message; anything else on the channel (another version, garbage) is `None`.
    pub fn from_json(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

/// How long a tab may hold the refresh lease before others may take it (a tab can close
/// mid-refresh; its lease must not block the rest for long).
pub const LEASE_MS: u64 = 10_000;

/// The lease value kept in storage: `<holder> <until_ms>`.
pub fn lease_value(holder: &str, now_ms: u64) -> String {
    format!("{holder} {}", now_ms + LEASE_MS)
}

/// Whether `me` may take the lease whose current storage value is `current`.
pub fn may_take_lease(current: Option<&str>, me: &str, now_ms: u64) -> bool {
    let Some((holder, until)) = current.and_then(|v| v.split_once(' ')) else {
        return true; // free, or unreadable: take it
    };
    holder == me || until.parse::<u64>().map_or(true, |until| now_ms >= until)
}

/// Whether the lease is held by `me` (read back after writing, to detect a race).
pub fn holds_lease(current: Option<&str>, me: &str) -> bool {
    current
        .and_then(|v| v.split_once(' '))
        .is_some_and(|(holder, _)| holder == me)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_message_round_trips_and_names_its_type() {
        let message = TabMessage::Tokens {
            access: AccessToken::new("a"),
            id: IdToken::new("i"),
            refresh: RefreshToken::new("r"),
            expires_in: Some(20),
            age_ms: 5,
            seq: 3,
            sid: 9,
        };
        let json = message.to_json();
        assert!(json.contains(r#""type":"tokens""#), "{json}");
        assert!(json.contains(r#""ageMs":5"#), "{json}");
        assert!(json.contains(r#""seq":3"#), "{json}");
        match TabMessage::from_json(&json) {
            Some(TabMessage::Tokens {
                access, refresh, ..
            }) => {
                assert_eq!(access.expose_secret(), "a");
                assert_eq!(refresh.expose_secret(), "r");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            TabMessage::from_json(r#"{"type":"signedOut"}"#),
            Some(TabMessage::SignedOut)
        ));
    }

    #[test]
    fn unknown_messages_are_ignored() {
        for text in ["", "null", r#"{"type":"future"}"#, r#"{"type":"tokens"}"#] {
            assert!(TabMessage::from_json(text).is_none(), "{text}");
        }
    }

    #[test]
    fn lease_is_free_when_absent_expired_or_mine() {
        let held = lease_value("tab-a", 1_000);
        assert!(may_take_lease(None, "tab-b", 1_000));
        assert!(!may_take_lease(Some(&held), "tab-b", 1_000 + LEASE_MS - 1));
        assert!(may_take_lease(Some(&held), "tab-b", 1_000 + LEASE_MS));
        assert!(may_take_lease(Some(&held), "tab-a", 1_001));
        assert!(may_take_lease(Some("garbage"), "tab-b", 0));
        assert!(may_take_lease(Some("tab-a soon"), "tab-b", 0));
        assert!(holds_lease(Some(&held), "tab-a"));
        assert!(!holds_lease(Some(&held), "tab-b"));
        assert!(!holds_lease(None, "tab-a"));
    }
}
