//! Entry point of the Rungs web app: mount and go.

fn main() {
    console_error_panic_hook::set_once();
    // the frame index.html painted while the wasm loaded gives way to the app
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(rungs::App);
}
