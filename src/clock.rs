//! The browser's two clocks, read together (see [`Moment`] for why both).

use leptos_cognito_core::local_time::LocalDateTime;
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

/// A time in milliseconds since the Unix epoch as the local calendar's fields (the browser's
/// time zone), to be written without `toLocaleString` ([`LocalDateTime`]).
pub fn local(epoch_ms: f64) -> LocalDateTime {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_ms));
    LocalDateTime {
        year: date.get_full_year() as i32,
        month: date.get_month() + 1,
        day: date.get_date(),
        hour: date.get_hours(),
        minute: date.get_minutes(),
        second: date.get_seconds(),
    }
}
