//! The `BroadcastChannel` through which the tabs of one origin share sign-in, refreshed tokens
//! and sign-out.

use leptos_cognito_core::tab_sync::TabMessage;
use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

/// An open channel; closing it (on drop) stops the messages.
pub struct TabChannel {
    channel: BroadcastChannel,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl TabChannel {
    /// Opens the channel `name`; `None` where the browser has no `BroadcastChannel`.
    pub fn open(name: &str, on_message: impl Fn(TabMessage) + 'static) -> Option<Self> {
        let channel = BroadcastChannel::new(name).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(message) = event
                .data()
                .as_string()
                .as_deref()
                .and_then(TabMessage::from_json)
            {
                on_message(message);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            _on_message: on_message,
        })
    }

    pub fn post(&self, message: &TabMessage) {
        // Posting a string cannot fail on an open channel; a closed one has no listeners anyway.
        let _ = self
            .channel
            .post_message(&JsValue::from_str(&message.to_json()));
    }
}

impl Drop for TabChannel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
