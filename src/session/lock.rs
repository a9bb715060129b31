//! One refresh at a time across the tabs of an origin: the Web Locks API where the browser has
//! it, else a lease in `localStorage`.

use crate::storage;
use gloo_timers::future::TimeoutFuture;
use js_sys::{Function, Promise, Reflect};
use leptos_cognito_core::tab_sync::{holds_lease, lease_value, may_take_lease, LEASE_MS};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// Runs `work` while holding the lock `name`, shared with every tab of this origin. `None`
/// only if the browser's lock took the work and then failed without its result, which a
/// conforming browser never does.
pub async fn with_lock<T: 'static>(
    name: &str,
    lease_key: &str,
    tab_id: &str,
    work: impl Future<Output = T> + 'static,
) -> Option<T> {
    let work = Rc::new(RefCell::new(Some(work)));
    if let Some(output) = with_web_lock(name, Rc::clone(&work)).await {
        return Some(output);
    }
    // No Web Locks (older browsers, insecure contexts), or the call failed before running.
    let work = work.borrow_mut().take()?;
    Some(with_storage_lease(lease_key, tab_id, work).await)
}

/// `navigator.locks.request(name, callback)`, called through `Reflect` because web-sys exposes
/// the Web Locks API only behind an unstable flag. `None`: the API is missing or refused.
async fn with_web_lock<T: 'static, F: Future<Output = T> + 'static>(
    name: &str,
    work: Rc<RefCell<Option<F>>>,
) -> Option<T> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|l| l.is_object())?;
    let request: Function = Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let output: Rc<RefCell<Option<T>>> = Rc::new(RefCell::new(None));
    let slot = Rc::clone(&output);
    let callback = Closure::once(move |_lock: JsValue| -> Promise {
        let work = work.borrow_mut().take();
        future_to_promise(async move {
            if let Some(work) = work {
                *slot.borrow_mut() = Some(work.await);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let granted: Promise = request
        .call2(&locks, &name.into(), callback.as_ref().unchecked_ref())
        .ok()?
        .dyn_into()
        .ok()?;
    // Resolves when our callback's promise has, i.e. after the work, releasing the lock.
    let _ = JsFuture::from(granted).await;
    drop(callback);
    let result = output.borrow_mut().take();
    result
}

/// A lease in `localStorage`: write our claim, read it back after a moment (another tab may
/// have written at the same time), and go ahead only if it is still ours.
async fn with_storage_lease<T>(key: &str, tab_id: &str, work: impl Future<Output = T>) -> T {
    let deadline = js_sys::Date::now() as u64 + LEASE_MS;
    loop {
        let now = js_sys::Date::now() as u64;
        if now >= deadline {
            break; // the holder is gone or stuck; refreshing twice beats never
        }
        if may_take_lease(storage::read(key).as_deref(), tab_id, now) {
            storage::write(key, &lease_value(tab_id, now));
            TimeoutFuture::new(50).await;
            if holds_lease(storage::read(key).as_deref(), tab_id) {
                break;
            }
        }
        TimeoutFuture::new(200).await;
    }
    let output = work.await;
    if holds_lease(storage::read(key).as_deref(), tab_id) {
        storage::remove(key);
    }
    output
}
