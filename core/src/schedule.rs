//! When to refresh a session, in the browser's own clock.
//!
//! Cognito stamps tokens with its clock (`iat`, `exp`); the browser's clock may be minutes off.
//! Everything here is measured from the moment the tokens were received, in local time, so a
//! wrong local clock shifts nothing: the drift (server time − local time at receipt) is reported
//! but never needed to decide. Times are milliseconds since the Unix epoch, passed in by the
//! caller (the browser's `Date.now()`, or a test's fixed value).

use crate::error::{CognitoError, ErrorCode};

/// Used when a reply carries neither `ExpiresIn` nor a sensible `exp − iat`: Cognito's shortest
/// allowed access-token lifetime, so we refresh too early rather than too late.
pub const FALLBACK_LIFETIME_SECS: u64 = 5 * 60;
/// The margin before expiry is a fifth of the lifetime, within these bounds. The lower bound is
/// what a refresh request needs even on a slow phone connection; the upper bound keeps day-long
/// tokens from refreshing hours early.
pub const MIN_MARGIN_MS: u64 = 5_000;
pub const MAX_MARGIN_MS: u64 = 5 * 60_000;
/// A token this close to its expiry is treated as expired: it could lapse in flight.
pub const EXPIRY_SAFETY_MS: u64 = 1_000;
/// Retry delays after a failed refresh grow from the first to the cap.
pub const FIRST_RETRY_MS: u64 = 1_000;
pub const MAX_RETRY_MS: u64 = 15_000;

/// What a token reply says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenTimes {
    /// `ExpiresIn` of the reply, in seconds.
    pub expires_in: Option<u64>,
    /// The id token's `iat` and `exp`, server time in seconds.
    pub issued_at: u64,
    pub expires_at: u64,
    /// Local time when the reply arrived.
    pub received_at_ms: u64,
}

/// The refresh plan for one set of tokens, in local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefreshSchedule {
    pub received_at_ms: u64,
    /// When the access token expires by the local clock.
    pub expires_at_ms: u64,
    /// When to refresh: a margin before expiry.
    pub refresh_at_ms: u64,
    /// Server clock minus local clock at receipt (positive: the local clock is behind).
    pub drift_ms: i64,
}

impl RefreshSchedule {
    pub fn new(times: TokenTimes) -> Self {
        let lifetime_ms = lifetime_secs(times) * 1000;
        let margin_ms = (lifetime_ms / 5)
            .clamp(MIN_MARGIN_MS, MAX_MARGIN_MS)
            .min(lifetime_ms / 2);
        let expires_at_ms = times.received_at_ms + lifetime_ms;
        let drift_ms = (times.issued_at as i64)
            .saturating_mul(1000)
            .saturating_sub(times.received_at_ms as i64);
        Self {
            received_at_ms: times.received_at_ms,
            expires_at_ms,
            refresh_at_ms: expires_at_ms - margin_ms,
            drift_ms,
        }
    }

    /// Time to refresh (or past it).
    pub fn is_due(&self, now_ms: u64) -> bool {
        now_ms >= self.refresh_at_ms
    }

    /// The access token must not be used any more.
    pub fn is_expired(&self, now_ms: u64) -> bool {
        now_ms + EXPIRY_SAFETY_MS >= self.expires_at_ms
    }

    /// How long until the refresh is due (zero if it is).
    pub fn refresh_in_ms(&self, now_ms: u64) -> u64 {
        self.refresh_at_ms.saturating_sub(now_ms)
    }
}

/// The tokens' lifetime in seconds: the shorter of `ExpiresIn` and `exp − iat` where both are
/// sensible, whichever is where only one is, the fallback where neither is.
fn lifetime_secs(times: TokenTimes) -> u64 {
    let reported = times.expires_in.filter(|&s| s > 0);
    let stamped = times
        .expires_at
        .checked_sub(times.issued_at)
        .filter(|&s| s > 0);
    match (reported, stamped) {
        (Some(a), Some(b)) => a.min(b),
        (Some(s), None) | (None, Some(s)) => s,
        (None, None) => FALLBACK_LIFETIME_SECS,
    }
}

/// The delay before retry number `attempt` (0-based) of a failed refresh: exponential, capped,
/// with jitter so that many tabs or users do not retry in step. `jitter` is a random number in
/// `[0, 1)`; the delay lands between half and all of the exponential step.
pub fn retry_delay_ms(attempt: u32, jitter: f64) -> u64 {
    let step = FIRST_RETRY_MS
        .saturating_mul(1u64 << attempt.min(20))
        .min(MAX_RETRY_MS);
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        0.0
    };
    step / 2 + (step as f64 / 2.0 * jitter) as u64
}

/// Whether a failed refresh means the session is over (Cognito said the refresh token is no
/// longer good, or the user is gone), as opposed to a fault worth retrying.
pub fn ends_session(error: &CognitoError) -> bool {
    matches!(
        error.code(),
        Some(ErrorCode::NotAuthorized | ErrorCode::UserNotFound)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ServiceError;

    const NOW: u64 = 1_750_000_000_000;
    const MINUTE: u64 = 60_000;

    /// Tokens of the given lifetime, received at `NOW`, from a server whose clock is `drift_ms` ahead.
    fn times(lifetime_secs: u64, drift_ms: i64) -> TokenTimes {
        let issued_at = ((NOW as i64 + drift_ms) / 1000) as u64;
        TokenTimes {
            expires_in: Some(lifetime_secs),
            issued_at,
            expires_at: issued_at + lifetime_secs,
            received_at_ms: NOW,
        }
    }

    #[test]
    fn margin_scales_with_lifetime_within_bounds() {
        // (lifetime, expected margin before expiry)
        let cases = [
            (20, 5_000),                // the minimum a request needs
            (5 * 60, MINUTE),           // a fifth
            (60 * 60, 5 * MINUTE),      // capped
            (24 * 60 * 60, 5 * MINUTE), // capped
        ];
        for (lifetime, margin) in cases {
            let schedule = RefreshSchedule::new(times(lifetime, 0));
            assert_eq!(schedule.expires_at_ms, NOW + lifetime * 1000, "{lifetime}");
            assert_eq!(
                schedule.refresh_at_ms,
                schedule.expires_at_ms - margin,
                "{lifetime}"
            );
            assert!(!schedule.is_due(schedule.refresh_at_ms - 1));
            assert!(schedule.is_due(schedule.refresh_at_ms));
            assert!(!schedule.is_expired(schedule.refresh_at_ms));
        }
    }

    #[test]
    fn very_short_lifetimes_still_refresh_before_expiry() {
        let schedule = RefreshSchedule::new(times(6, 0));
        assert_eq!(schedule.refresh_at_ms, NOW + 3_000);
    }

    #[test]
    fn clock_drift_does_not_move_the_schedule() {
        for lifetime in [20, 300, 3600, 86_400] {
            let exact = RefreshSchedule::new(times(lifetime, 0));
            for drift in [-10 * MINUTE as i64, 10 * MINUTE as i64] {
                let drifted = RefreshSchedule::new(times(lifetime, drift));
                assert_eq!(
                    drifted.refresh_at_ms, exact.refresh_at_ms,
                    "{lifetime} {drift}"
                );
                assert_eq!(drifted.expires_at_ms, exact.expires_at_ms);
                assert_eq!(drifted.drift_ms, drift, "{lifetime}");
            }
        }
    }

    #[test]
    fn a_token_is_never_handed_out_at_its_expiry() {
        let schedule = RefreshSchedule::new(times(20, -10 * MINUTE as i64));
        assert!(!schedule.is_expired(NOW + 18_999));
        assert!(schedule.is_expired(NOW + 19_000));
        assert!(schedule.is_expired(NOW + 20_000));
    }

    #[test]
    fn missing_expires_in_falls_back_to_the_token_stamps() {
        let mut input = times(300, 0);
        input.expires_in = None;
        assert_eq!(RefreshSchedule::new(input).expires_at_ms, NOW + 300_000);
        input.expires_in = Some(0);
        assert_eq!(RefreshSchedule::new(input).expires_at_ms, NOW + 300_000);
    }

    #[test]
    fn bad_exp_falls_back_to_expires_in_or_the_shortest_lifetime() {
        for (issued_at, expires_at) in [(1000, 1000), (1000, 10), (1000, 0)] {
            let input = TokenTimes {
                expires_in: Some(3600),
                issued_at,
                expires_at,
                received_at_ms: NOW,
            };
            assert_eq!(RefreshSchedule::new(input).expires_at_ms, NOW + 3_600_000);
            let neither = TokenTimes {
                expires_in: None,
                ..input
            };
            assert_eq!(
                RefreshSchedule::new(neither).expires_at_ms,
                NOW + FALLBACK_LIFETIME_SECS * 1000
            );
        }
    }

    #[test]
    fn the_shorter_of_two_disagreeing_lifetimes_wins() {
        let mut input = times(3600, 0);
        input.expires_in = Some(600);
        assert_eq!(RefreshSchedule::new(input).expires_at_ms, NOW + 600_000);
    }

    #[test]
    fn retries_back_off_with_jitter_up_to_the_cap() {
        assert_eq!(retry_delay_ms(0, 0.0), 500);
        assert_eq!(retry_delay_ms(0, 0.999_999), 999);
        assert_eq!(retry_delay_ms(3, 0.0), 4_000);
        assert_eq!(retry_delay_ms(30, 1.0), MAX_RETRY_MS);
        assert_eq!(retry_delay_ms(u32::MAX, f64::NAN), MAX_RETRY_MS / 2);
        let delays: Vec<u64> = (0..6).map(|a| retry_delay_ms(a, 0.5)).collect();
        assert!(delays.windows(2).all(|w| w[0] <= w[1]), "{delays:?}");
    }

    #[test]
    fn only_cognitos_no_ends_the_session() {
        let service = |code| {
            CognitoError::Service(ServiceError {
                code,
                type_name: String::new(),
                message: String::new(),
            })
        };
        assert!(ends_session(&service(ErrorCode::NotAuthorized)));
        assert!(ends_session(&service(ErrorCode::UserNotFound)));
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
}
