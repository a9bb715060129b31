//! When to refresh a session, measured on the browser's own clocks.
//!
//! Cognito stamps tokens with its clock (`iat`, `exp`); the browser's clock may be minutes off.
//! Everything here is measured from the moment the tokens were received, so a wrong local clock
//! shifts nothing: the drift (server time − local time at receipt) is reported but never needed
//! to decide.
//!
//! Elapsed time is read from two clocks and the larger reading wins: a monotonic one, which a
//! user or NTP stepping the wall clock cannot move, and the wall clock, which keeps counting
//! while the machine sleeps (the monotonic clock of some systems stops then). A wall clock set
//! back therefore cannot hand out an expired token, a wall clock set forward only refreshes
//! early, and a sleeping laptop wakes up knowing its tokens are stale.

/// Used when a reply carries neither `ExpiresIn` nor a sensible `exp − iat`: Cognito's shortest
/// allowed access-token lifetime, so we refresh too early rather than too late.
pub const FALLBACK_LIFETIME_SECS: u64 = 5 * 60;
/// Cognito's longest access-token lifetime. A longer claim is read as this, so no lifetime
/// (however absurd) can overflow the arithmetic below.
pub const MAX_LIFETIME_SECS: u64 = 24 * 60 * 60;
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

/// A moment read from both of the browser's clocks, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// A monotonic clock (`performance.timeOrigin + performance.now()`): never steps.
    pub mono_ms: u64,
    /// The wall clock (`Date.now()`): counts through sleep, but can be stepped.
    pub wall_ms: u64,
}

impl Moment {
    /// Time from `earlier` to `self`: the larger of the two clocks' readings, never negative.
    pub fn since(self, earlier: Moment) -> u64 {
        self.mono_ms
            .saturating_sub(earlier.mono_ms)
            .max(self.wall_ms.saturating_sub(earlier.wall_ms))
    }

    /// The moment `ms` before this one, on both clocks.
    pub fn minus(self, ms: u64) -> Moment {
        Moment {
            mono_ms: self.mono_ms.saturating_sub(ms),
            wall_ms: self.wall_ms.saturating_sub(ms),
        }
    }
}

/// What a token reply says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenTimes {
    /// `ExpiresIn` of the reply, in seconds.
    pub expires_in: Option<u64>,
    /// The id token's `iat` and `exp`, server time in seconds.
    pub issued_at: u64,
    pub expires_at: u64,
    /// When the reply arrived.
    pub received: Moment,
}

/// The refresh plan for one set of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefreshSchedule {
    pub received: Moment,
    /// How long after receipt the access token expires.
    pub lifetime_ms: u64,
    /// How long after receipt to refresh: a margin before expiry.
    pub refresh_after_ms: u64,
    /// Server clock minus local wall clock at receipt (positive: the local clock is behind).
    pub drift_ms: i64,
}

impl RefreshSchedule {
    pub fn new(times: TokenTimes) -> Self {
        let lifetime_ms = lifetime_secs(times) * 1000;
        let margin_ms = (lifetime_ms / 5)
            .clamp(MIN_MARGIN_MS, MAX_MARGIN_MS)
            .min(lifetime_ms / 2);
        let drift_ms = i64::try_from(times.issued_at)
            .unwrap_or(i64::MAX)
            .saturating_mul(1000)
            .saturating_sub(i64::try_from(times.received.wall_ms).unwrap_or(i64::MAX));
        Self {
            received: times.received,
            lifetime_ms,
            refresh_after_ms: lifetime_ms - margin_ms,
            drift_ms,
        }
    }

    /// The same tokens, to be refreshed at once (their claims are out of date).
    pub fn due_now(self) -> Self {
        Self {
            refresh_after_ms: 0,
            ..self
        }
    }

    /// Time to refresh (or past it).
    pub fn is_due(&self, now: Moment) -> bool {
        now.since(self.received) >= self.refresh_after_ms
    }

    /// The access token must not be used any more.
    pub fn is_expired(&self, now: Moment) -> bool {
        now.since(self.received).saturating_add(EXPIRY_SAFETY_MS) >= self.lifetime_ms
    }

    /// How long until the refresh is due (zero if it is).
    pub fn refresh_in_ms(&self, now: Moment) -> u64 {
        self.refresh_after_ms
            .saturating_sub(now.since(self.received))
    }

    /// Wall-clock times for people and for embedders: when the tokens arrived, when the
    /// refresh is planned, when the access token expires (ms since the Unix epoch).
    pub fn received_wall_ms(&self) -> u64 {
        self.received.wall_ms
    }

    pub fn refresh_wall_ms(&self) -> u64 {
        self.received.wall_ms.saturating_add(self.refresh_after_ms)
    }

    pub fn expires_wall_ms(&self) -> u64 {
        self.received.wall_ms.saturating_add(self.lifetime_ms)
    }
}

/// The tokens' lifetime in seconds: the shorter of `ExpiresIn` and `exp − iat` where both are
/// sensible, whichever is where only one is, the fallback where neither is; never more than
/// Cognito's longest.
fn lifetime_secs(times: TokenTimes) -> u64 {
    let reported = times.expires_in.filter(|&s| s > 0);
    let stamped = times
        .expires_at
        .checked_sub(times.issued_at)
        .filter(|&s| s > 0);
    let lifetime = match (reported, stamped) {
        (Some(a), Some(b)) => a.min(b),
        (Some(s), None) | (None, Some(s)) => s,
        (None, None) => FALLBACK_LIFETIME_SECS,
    };
    lifetime.min(MAX_LIFETIME_SECS)
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

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Moment = Moment {
        mono_ms: 5_000_000,
        wall_ms: 1_750_000_000_000,
    };
    const SECOND: u64 = 1_000;
    const MINUTE: u64 = 60_000;

    /// `ms` later than `NOW` on both clocks, as when nothing disturbs them.
    fn later(ms: u64) -> Moment {
        Moment {
            mono_ms: NOW.mono_ms + ms,
            wall_ms: NOW.wall_ms + ms,
        }
    }

    /// Tokens of the given lifetime, received at `NOW`, from a server whose clock is `drift_ms` ahead.
    fn times(lifetime_secs: u64, drift_ms: i64) -> TokenTimes {
        let issued_at = ((NOW.wall_ms as i64 + drift_ms) / 1000) as u64;
        TokenTimes {
            expires_in: Some(lifetime_secs),
            issued_at,
            expires_at: issued_at + lifetime_secs,
            received: NOW,
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
            assert_eq!(schedule.lifetime_ms, lifetime * 1000, "{lifetime}");
            assert_eq!(
                schedule.refresh_after_ms,
                schedule.lifetime_ms - margin,
                "{lifetime}"
            );
            let due_at = schedule.refresh_after_ms;
            assert!(!schedule.is_due(later(due_at - 1)));
            assert!(schedule.is_due(later(due_at)));
            assert!(!schedule.is_expired(later(due_at)));
            assert_eq!(schedule.refresh_in_ms(later(due_at - 7)), 7);
            assert_eq!(schedule.refresh_wall_ms(), NOW.wall_ms + due_at);
        }
    }

    #[test]
    fn tokens_whose_claims_changed_are_due_at_once_and_expire_as_before() {
        let schedule = RefreshSchedule::new(times(3600, 0));
        let stale = schedule.due_now();
        assert!(!schedule.is_due(NOW) && stale.is_due(NOW));
        assert_eq!(stale.expires_wall_ms(), schedule.expires_wall_ms());
        assert!(!stale.is_expired(NOW));
    }

    #[test]
    fn very_short_lifetimes_still_refresh_before_expiry() {
        let schedule = RefreshSchedule::new(times(6, 0));
        assert_eq!(schedule.refresh_after_ms, 3_000);
    }

    #[test]
    fn clock_drift_does_not_move_the_schedule() {
        for lifetime in [20, 300, 3600, 86_400] {
            let exact = RefreshSchedule::new(times(lifetime, 0));
            for drift in [-10 * MINUTE as i64, 10 * MINUTE as i64] {
                let drifted = RefreshSchedule::new(times(lifetime, drift));
                assert_eq!(
                    drifted.refresh_after_ms, exact.refresh_after_ms,
                    "{lifetime} {drift}"
                );
                assert_eq!(drifted.lifetime_ms, exact.lifetime_ms);
                assert_eq!(drifted.drift_ms, drift, "{lifetime}");
            }
        }
    }

    #[test]
    fn a_token_is_never_handed_out_at_its_expiry() {
        let schedule = RefreshSchedule::new(times(20, -10 * MINUTE as i64));
        assert!(!schedule.is_expired(later(18_999)));
        assert!(schedule.is_expired(later(19_000)));
        assert!(schedule.is_expired(later(20_000)));
    }

    #[test]
    fn a_wall_clock_set_back_ten_minutes_still_expires_the_token_on_time() {
        let schedule = RefreshSchedule::new(times(300, 0));
        // 299 s later by the monotonic clock, but the wall clock reads ten minutes earlier.
        let now = Moment {
            mono_ms: NOW.mono_ms + 299 * SECOND,
            wall_ms: NOW.wall_ms + 299 * SECOND - 10 * MINUTE,
        };
        assert!(schedule.is_due(now));
        assert!(schedule.is_expired(now));
        assert_eq!(schedule.refresh_in_ms(now), 0);
    }

    #[test]
    fn a_wall_clock_set_forward_ten_minutes_only_refreshes_early() {
        let schedule = RefreshSchedule::new(times(3600, 0));
        let now = Moment {
            mono_ms: NOW.mono_ms + SECOND,
            wall_ms: NOW.wall_ms + SECOND + 10 * MINUTE,
        };
        assert!(!schedule.is_due(now), "ten minutes is less than 55");
        assert_eq!(
            schedule.refresh_in_ms(now),
            schedule.refresh_after_ms - SECOND - 10 * MINUTE
        );
        // With a 5-minute token the step means "refresh now": early, never late.
        let short = RefreshSchedule::new(times(300, 0));
        assert!(short.is_due(now));
    }

    #[test]
    fn sleep_that_stops_the_monotonic_clock_is_seen_on_the_wall_clock() {
        let schedule = RefreshSchedule::new(times(3600, 0));
        // The laptop slept two hours: the monotonic clock barely moved.
        let woke = Moment {
            mono_ms: NOW.mono_ms + 5 * SECOND,
            wall_ms: NOW.wall_ms + 120 * MINUTE,
        };
        assert!(schedule.is_expired(woke));
    }

    #[test]
    fn a_timer_that_fires_early_finds_the_refresh_not_yet_due_and_how_long_to_wait() {
        let schedule = RefreshSchedule::new(times(20, 0));
        let early = later(schedule.refresh_after_ms - 40);
        assert!(!schedule.is_due(early));
        assert_eq!(schedule.refresh_in_ms(early), 40);
    }

    #[test]
    fn absurd_lifetimes_cannot_overflow() {
        for (expires_in, issued_at, expires_at) in [
            (Some(u64::MAX), 0, u64::MAX),
            (None, 0, u64::MAX),
            (Some(u64::MAX / 1000 + 1), u64::MAX, u64::MAX),
        ] {
            let schedule = RefreshSchedule::new(TokenTimes {
                expires_in,
                issued_at,
                expires_at,
                received: Moment {
                    mono_ms: u64::MAX - 1,
                    wall_ms: u64::MAX - 1,
                },
            });
            assert_eq!(schedule.lifetime_ms, MAX_LIFETIME_SECS * 1000);
            assert_eq!(schedule.expires_wall_ms(), u64::MAX);
            let far = Moment {
                mono_ms: u64::MAX,
                wall_ms: u64::MAX,
            };
            assert!(!schedule.is_expired(far));
            // From far in the past to the very end of time: expired, without overflowing.
            let ancient = RefreshSchedule {
                received: Moment {
                    mono_ms: 0,
                    wall_ms: 0,
                },
                ..schedule
            };
            assert!(ancient.is_expired(far));
            assert_eq!(ancient.refresh_in_ms(far), 0);
        }
        assert_eq!(
            Moment {
                mono_ms: 0,
                wall_ms: 0
            }
            .since(NOW),
            0
        );
    }

    #[test]
    fn missing_expires_in_falls_back_to_the_token_stamps() {
        let mut input = times(300, 0);
        input.expires_in = None;
        assert_eq!(RefreshSchedule::new(input).lifetime_ms, 300_000);
        input.expires_in = Some(0);
        assert_eq!(RefreshSchedule::new(input).lifetime_ms, 300_000);
    }

    #[test]
    fn bad_exp_falls_back_to_expires_in_or_the_shortest_lifetime() {
        for (issued_at, expires_at) in [(1000, 1000), (1000, 10), (1000, 0)] {
            let input = TokenTimes {
                expires_in: Some(3600),
                issued_at,
                expires_at,
                received: NOW,
            };
            assert_eq!(RefreshSchedule::new(input).lifetime_ms, 3_600_000);
            let neither = TokenTimes {
                expires_in: None,
                ..input
            };
            assert_eq!(
                RefreshSchedule::new(neither).lifetime_ms,
                FALLBACK_LIFETIME_SECS * 1000
            );
        }
    }

    #[test]
    fn the_shorter_of_two_disagreeing_lifetimes_wins() {
        let mut input = times(3600, 0);
        input.expires_in = Some(600);
        assert_eq!(RefreshSchedule::new(input).lifetime_ms, 600_000);
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
}
