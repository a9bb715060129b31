//! The browser's two clocks, read together (see [`Moment`] for why both).

use leptos_cognito_core::schedule::Moment;

/// Now, by the monotonic clock (`performance.timeOrigin + performance.now()`, which a stepped
/// wall clock cannot move) and by the wall clock (`Date.now()`, which counts through sleep).
pub fn now() -> Moment {
    let wall_ms = js_sys::Date::now() as u64;
    let mono_ms = web_sys::window()
        .and_then(|window| window.performance())
        .map_or(wall_ms, |performance| {
            (performance.time_origin() + performance.now()) as u64
        });
    Moment { mono_ms, wall_ms }
}
