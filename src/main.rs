//! Entry point of the Rungs web app: mount and go.

fn main() {
    console_error_panic_hook::set_once();
    // the frame index.html painted while the wasm loaded (or the viewer module's page,
    // which loaded the app) gives way to the app
    rungs::platform::dom::remove_boot_frame();
    leptos::mount::mount_to_body(rungs::App);
}
