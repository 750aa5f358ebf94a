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
