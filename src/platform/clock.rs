//! The browser's clock, and User Timing measures of the app's steps.

/// The current instant, from the browser's clock (the core never reads one).
pub fn now() -> rungs_core::Instant {
    rungs_core::Instant::from_millis(js_sys::Date::now() as i64)
}

/// Runs `f` inside a User Timing measure named `rungs:{name}`, so browser measurements
/// can tell the app's steps apart (see docs/performance.md).
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let mark = format!("rungs:{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&mark);
    }
    let out = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(&format!("rungs:{name}"), &mark);
    }
    out
}

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// An instant given in milliseconds since the epoch, as the user's locale writes a date
/// and time.
pub fn local_date_time(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// The current instant as a signal that moves on every `every_ms` milliseconds while the
/// calling component lives: for views that say who is on call "now".
pub fn ticking_now(every_ms: u32) -> leptos::prelude::ReadSignal<rungs_core::Instant> {
    use leptos::prelude::*;
    let (read, write) = signal(now());
    let interval = gloo_timers::callback::Interval::new(every_ms, move || write.set(now()));
    let held = StoredValue::new_local(Some(interval));
    on_cleanup(move || held.set_value(None));
    read
}

/// The browser's time zone (IANA name), when it gives one Rungs knows.
pub fn browser_zone() -> Option<rungs_core::TimeZoneName> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let zone = js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into()).ok()?;
    rungs_core::TimeZoneName::new(&zone.as_string()?).ok()
}

/// The browser's time zone, or UTC when it gives none Rungs knows: the zone a person
/// reads dates in.
pub fn viewer_zone() -> rungs_core::TimeZoneName {
    browser_zone().unwrap_or_else(rungs_core::TimeZoneName::utc)
}
