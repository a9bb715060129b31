//! The session's decisions, as pure functions: which refresh token to use once a tab holds the
//! refresh lock, what a failed refresh means, and whether a late result still counts. The
//! browser code only wires them to storage, timers, locks and channels.

use crate::error::{CognitoError, ErrorCode};
use crate::secret::RefreshToken;
use serde::{Deserialize, Serialize};

/// What `localStorage` keeps of a session: the refresh token and a sequence number that grows
/// by one with every sign-in and refresh, in any tab (a sign-out removes the record). A tab
/// reads it synchronously to learn whether another tab refreshed or signed out since this tab's
/// tokens arrived, without waiting for that tab's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSession {
    pub seq: u64,
    pub token: RefreshToken,
    /// Names the sign-in this session began with (random, not a secret): refreshes keep it, a
    /// new sign-in gets a new one. Records of older versions read as 0.
    #[serde(default)]
    pub sid: u64,
}

impl StoredSession {
    pub fn to_json(&self) -> String {
        // A string and a number: serialization cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the stored value. Versions before the record kept the bare token, which reads as
    /// sequence 0 so that it keeps working after an upgrade.
    pub fn parse(text: &str) -> Option<Self> {
        let stored = if text.starts_with('{') {
            serde_json::from_str::<Self>(text).ok()?
        } else {
            Self {
                seq: 0,
                token: RefreshToken::new(text),
                sid: 0,
            }
        };
        (!stored.token.expose_secret().is_empty()).then_some(stored)
    }

    /// The record that follows `previous` (the highest sequence number known, if any), for the
    /// session `sid`.
    pub fn next(previous: Option<u64>, sid: u64, token: RefreshToken) -> Self {
        Self {
            seq: previous.map_or(1, |seq| seq.saturating_add(1)),
            token,
            sid,
        }
    }
}

/// The tokens this tab holds, as far as a refresh decision needs them.
#[derive(Debug, Clone, Copy)]
pub struct Held<'a> {
    pub refresh: &'a RefreshToken,
    /// The sequence number these tokens were saved (or announced) under.
    pub seq: u64,
    /// Whether their refresh is due by this tab's clocks.
    pub due: bool,
    /// Whether they reached storage (if not, storage may hold an older token).
    pub persisted: bool,
}

/// What a tab that holds the refresh lock does next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefreshStep {
    /// Nothing: the tokens are not due.
    Nothing,
    /// Another tab refreshed after this tab's tokens arrived: take its tokens from its message
    /// (and refresh with the stored token only if that message never comes).
    AwaitTabs(RefreshToken),
    /// Refresh with this token.
    Refresh(RefreshToken),
    /// Storage holds no session: it was signed out in another tab.
    SignedOutElsewhere,
}

/// Decides, from what storage holds now and what this tab holds (`None` while restoring after
/// a reload), what to do with the refresh lock.
pub fn next_step(stored: Option<&StoredSession>, held: Option<Held<'_>>) -> RefreshStep {
    match (stored, held) {
        (Some(stored), None) => RefreshStep::Refresh(stored.token.clone()),
        (None, None) => RefreshStep::SignedOutElsewhere,
        (Some(stored), Some(held)) if stored.seq > held.seq => {
            RefreshStep::AwaitTabs(stored.token.clone())
        }
        // The same record, or an older one left by a save that failed: this tab's token is the
        // newest there is.
        (Some(_), Some(held)) => due_refresh(held),
        // Sign-out removes the record before it tells the tabs.
        (None, Some(held)) if held.persisted => RefreshStep::SignedOutElsewhere,
        // These tokens never reached storage, so storage says nothing about them.
        (None, Some(held)) => due_refresh(held),
    }
}

fn due_refresh(held: Held<'_>) -> RefreshStep {
    if held.due {
        RefreshStep::Refresh(held.refresh.clone())
    } else {
        RefreshStep::Nothing
    }
}

/// What to do with tokens a refresh brought back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// Keep them: save, tell the other tabs, schedule the next refresh.
    Apply,
    /// This tab signed out (or began another session) while they were on the way: drop them.
    Discard,
    /// Another tab signed out while they were on the way: drop them and sign out here too.
    SignedOutElsewhere,
}

/// Judges a successful refresh: `current` is whether the refresh's [`Ticket`] is still current,
/// `sid_at_start` the session stored when it began, `stored` what storage holds now.
pub fn completion(
    current: bool,
    sid_at_start: Option<u64>,
    stored: Option<&StoredSession>,
) -> Completion {
    // The record that was there when the refresh began is gone, or a new sign-in replaced it.
    let signed_out_since = sid_at_start.is_some() && stored.map(|s| s.sid) != sid_at_start;
    if !current {
        Completion::Discard
    } else if signed_out_since {
        Completion::SignedOutElsewhere
    } else {
        Completion::Apply
    }
}

/// Whether a failed refresh means the refresh token is no longer good (expired, revoked by a
/// sign-out elsewhere, reused after rotation), or the user is gone, as opposed to a fault worth
/// retrying.
pub fn ends_session(error: &CognitoError) -> bool {
    matches!(
        error.code(),
        Some(ErrorCode::NotAuthorized | ErrorCode::UserNotFound | ErrorCode::RefreshTokenReuse)
    )
}

/// What a failed refresh calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureVerdict {
    /// A fault (network, timeout, 5xx, throttling): keep the session, retry with backoff.
    Retry,
    /// Cognito refused the token sent, but storage holds a newer one from another tab: use it.
    Adopt,
    /// The session is over; storage holds nothing newer, so clearing it loses nothing.
    End,
}

/// Judges a failed refresh with the token `sent`, given what storage holds now.
pub fn after_failure(
    error: &CognitoError,
    sent: &RefreshToken,
    stored: Option<&StoredSession>,
) -> FailureVerdict {
    if !ends_session(error) {
        FailureVerdict::Retry
    } else if stored.is_some_and(|stored| &stored.token != sent) {
        FailureVerdict::Adopt
    } else {
        FailureVerdict::End
    }
}

/// A session as a tab knows it: which sign-in (`sid`) and how far refreshed (`seq`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionMark {
    pub sid: u64,
    pub seq: u64,
}

/// Whether to take tokens another tab announced: not those of a session this tab signed out of
/// (`left`: a refresh that raced the sign-out may announce them late), and of this tab's own
/// session (`held`) only newer ones. A new sign-in elsewhere replaces whatever this tab holds.
pub fn may_adopt(incoming: SessionMark, held: Option<SessionMark>, left: Option<u64>) -> bool {
    if left == Some(incoming.sid) {
        return false;
    }
    match held {
        Some(held) if held.sid == incoming.sid => incoming.seq > held.seq,
        _ => true,
    }
}

/// Counts sign-ins and sign-outs, so that work begun under one session cannot act on the next:
/// a refresh takes a [`Ticket`] when it starts, and its result is used only if the ticket is
/// still current when it completes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Generation(u64);

/// The generation some work began in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(u64);

impl Generation {
    pub fn ticket(&self) -> Ticket {
        Ticket(self.0)
    }

    /// A new session began, or the current one ended: every ticket issued so far is void.
    pub fn advance(&mut self) {
        self.0 = self.0.wrapping_add(1);
    }

    pub fn is_current(&self, ticket: Ticket) -> bool {
        self.0 == ticket.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ServiceError;

    fn token(text: &str) -> RefreshToken {
        RefreshToken::new(text)
    }

    const SID: u64 = 77;

    fn record(text: &str, seq: u64) -> StoredSession {
        StoredSession {
            seq,
            token: token(text),
            sid: SID,
        }
    }

    fn service(code: ErrorCode) -> CognitoError {
        CognitoError::Service(ServiceError {
            code,
            type_name: String::new(),
            message: String::new(),
        })
    }

    #[test]
    fn the_stored_record_round_trips_and_reads_the_older_bare_token() {
        let stored = record("r-1", 7);
        let json = stored.to_json();
        assert_eq!(json, r#"{"seq":7,"token":"r-1","sid":77}"#);
        assert_eq!(StoredSession::parse(&json), Some(stored));
        let bare = StoredSession::parse("eyJbare").unwrap();
        assert_eq!((bare.seq, bare.sid), (0, 0));
        assert_eq!(bare.token, token("eyJbare"));
        for unusable in [
            "",
            "{",
            r#"{"token":"r"}"#,
            r#"{"seq":-1,"token":"r"}"#,
            r#"{"seq":8}"#,
            r#"{"seq":8,"token":""}"#,
        ] {
            assert_eq!(StoredSession::parse(unusable), None, "{unusable}");
        }
        assert_eq!(StoredSession::next(None, SID, token("a")), record("a", 1));
        assert_eq!(
            StoredSession::next(Some(4), SID, token("a")),
            record("a", 5)
        );
        assert_eq!(
            StoredSession::next(Some(u64::MAX), SID, token("a")).seq,
            u64::MAX
        );
    }

    #[test]
    fn the_stored_record_never_prints_its_token() {
        let printed = format!("{:?}", record("secret-refresh", 1));
        assert!(!printed.contains("secret-refresh"), "{printed}");
    }

    fn held(text: &RefreshToken, seq: u64, due: bool) -> Held<'_> {
        Held {
            refresh: text,
            seq,
            due,
            persisted: true,
        }
    }

    #[test]
    fn restoring_uses_the_stored_token_or_finds_the_session_gone() {
        assert_eq!(
            next_step(Some(&record("r", 3)), None),
            RefreshStep::Refresh(token("r"))
        );
        assert_eq!(next_step(None, None), RefreshStep::SignedOutElsewhere);
    }

    #[test]
    fn a_tab_that_finds_a_newer_record_waits_for_the_other_tabs_tokens() {
        let mine = token("old");
        // Another tab refreshed (seq 5) after this tab's tokens (seq 4), due or not.
        for due in [true, false] {
            assert_eq!(
                next_step(Some(&record("new", 5)), Some(held(&mine, 4, due))),
                RefreshStep::AwaitTabs(token("new"))
            );
        }
    }

    #[test]
    fn a_tab_with_the_newest_tokens_refreshes_only_when_due() {
        let mine = token("r");
        let stored = record("r", 4);
        assert_eq!(
            next_step(Some(&stored), Some(held(&mine, 4, true))),
            RefreshStep::Refresh(token("r"))
        );
        assert_eq!(
            next_step(Some(&stored), Some(held(&mine, 4, false))),
            RefreshStep::Nothing
        );
    }

    #[test]
    fn a_stale_stored_token_never_replaces_a_newer_one_in_memory() {
        // This tab's save of seq 6 failed; storage still holds seq 5.
        let mine = token("newer");
        let step = next_step(Some(&record("older", 5)), Some(held(&mine, 6, true)));
        assert_eq!(step, RefreshStep::Refresh(token("newer")));
    }

    #[test]
    fn empty_storage_means_signed_out_elsewhere_unless_this_tab_never_stored() {
        let mine = token("r");
        assert_eq!(
            next_step(None, Some(held(&mine, 2, true))),
            RefreshStep::SignedOutElsewhere
        );
        let unsaved = Held {
            persisted: false,
            ..held(&mine, 2, true)
        };
        assert_eq!(
            next_step(None, Some(unsaved)),
            RefreshStep::Refresh(token("r"))
        );
    }

    #[test]
    fn a_refresh_that_lands_after_a_sign_out_is_dropped() {
        let now = record("r-2", 5);
        assert_eq!(completion(true, Some(SID), Some(&now)), Completion::Apply);
        assert_eq!(completion(true, None, None), Completion::Apply);
        // This tab signed out meanwhile: its generation moved on.
        assert_eq!(
            completion(false, Some(SID), Some(&now)),
            Completion::Discard
        );
        // Another tab signed out meanwhile (and maybe signed in anew).
        assert_eq!(
            completion(true, Some(SID), None),
            Completion::SignedOutElsewhere
        );
        let anew = StoredSession {
            sid: SID + 1,
            ..record("other", 9)
        };
        assert_eq!(
            completion(true, Some(SID), Some(&anew)),
            Completion::SignedOutElsewhere
        );
    }

    #[test]
    fn only_cognitos_no_ends_the_session() {
        for ending in [
            ErrorCode::NotAuthorized,
            ErrorCode::UserNotFound,
            ErrorCode::RefreshTokenReuse,
        ] {
            assert!(ends_session(&service(ending)), "{ending:?}");
        }
        for transient in [
            service(ErrorCode::TooManyRequests),
            service(ErrorCode::InternalError),
            service(ErrorCode::LimitExceeded),
            CognitoError::Network("offline".into()),
            CognitoError::UnexpectedResponse {
                status: 503,
                detail: String::new(),
            },
        ] {
            assert!(!ends_session(&transient), "{transient:?}");
        }
    }

    #[test]
    fn a_refused_token_adopts_a_newer_stored_one_else_ends() {
        let sent = token("r-1");
        let reuse = service(ErrorCode::RefreshTokenReuse);
        let revoked = service(ErrorCode::NotAuthorized);
        for error in [&reuse, &revoked] {
            assert_eq!(
                after_failure(error, &sent, Some(&record("r-2", 9))),
                FailureVerdict::Adopt
            );
            assert_eq!(
                after_failure(error, &sent, Some(&record("r-1", 8))),
                FailureVerdict::End
            );
            assert_eq!(after_failure(error, &sent, None), FailureVerdict::End);
        }
        let offline = CognitoError::Network("timed out".into());
        assert_eq!(
            after_failure(&offline, &sent, Some(&record("r-2", 9))),
            FailureVerdict::Retry
        );
        assert_eq!(after_failure(&offline, &sent, None), FailureVerdict::Retry);
    }

    #[test]
    fn announced_tokens_are_taken_when_newer_or_of_a_new_sign_in_but_never_of_a_session_left() {
        let mark = |sid, seq| SessionMark { sid, seq };
        assert!(may_adopt(mark(1, 1), None, None));
        assert!(may_adopt(mark(1, 5), Some(mark(1, 4)), None));
        assert!(!may_adopt(mark(1, 4), Some(mark(1, 4)), None));
        assert!(!may_adopt(mark(1, 3), Some(mark(1, 4)), None));
        // Another sign-in elsewhere, even numbered lower.
        assert!(may_adopt(mark(2, 1), Some(mark(1, 4)), None));
        // A refresh of the session this tab signed out of, announced late.
        assert!(!may_adopt(mark(1, 5), None, Some(1)));
        assert!(may_adopt(mark(2, 1), None, Some(1)));
    }

    #[test]
    fn a_ticket_from_before_a_sign_out_is_void() {
        let mut generation = Generation::default();
        let refresh_started = generation.ticket();
        assert!(generation.is_current(refresh_started));
        generation.advance(); // signed out while the refresh was in flight
        assert!(!generation.is_current(refresh_started));
        let next = generation.ticket();
        assert!(generation.is_current(next));
        generation.advance(); // signed in again
        assert!(!generation.is_current(refresh_started));
        assert!(!generation.is_current(next));
    }
}
