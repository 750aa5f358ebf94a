//! The one debounce of the app: a slot holding at most one timer waiting to act.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// A timer waiting to act, in a slot that holds at most one. Restarting it replaces the
/// waiting timer, so only the last of a quick run of calls acts (a debounce).
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<Option<Timeout>, LocalStorage>);

impl Debounce {
    /// An empty slot, owned by the current reactive owner.
    pub fn new() -> Self {
        Debounce(StoredValue::new_local(None))
    }

    /// Cancels the timer waiting, if one is; whether one was.
    pub fn cancel(self) -> bool {
        match self.0.try_update_value(Option::take).flatten() {
            Some(t) => {
                t.cancel();
                true
            }
            None => false,
        }
    }

    /// Runs `f` after `ms` milliseconds, in place of the timer waiting.
    pub fn restart(self, ms: u32, f: impl FnOnce() + 'static) {
        self.cancel();
        self.0.set_value(Some(Timeout::new(ms, f)));
    }
}

impl Default for Debounce {
    fn default() -> Self {
        Self::new()
    }
}
