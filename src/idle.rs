//! Work put off until the browser has painted and has nothing better to do, so that it never
//! delays the first render or the user's typing.

use leptos::prelude::{request_animation_frame, request_idle_callback_with_handle, set_timeout};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// How long browsers without `requestIdleCallback` (Safari) wait after the frame instead.
const WITHOUT_IDLE_CALLBACK: Duration = Duration::from_millis(200);

/// Runs `work` once, when the browser is first idle after the next frame.
pub(crate) fn when_idle(work: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        // Whichever of the two callbacks gets to run takes the work.
        let work = Rc::new(Cell::new(Some(work)));
        let idle = Rc::clone(&work);
        let scheduled = request_idle_callback_with_handle(move || {
            if let Some(work) = idle.take() {
                work();
            }
        });
        if scheduled.is_err() {
            set_timeout(
                move || {
                    if let Some(work) = work.take() {
                        work();
                    }
                },
                WITHOUT_IDLE_CALLBACK,
            );
        }
    });
}
