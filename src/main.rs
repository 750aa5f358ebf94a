//! Entry point of the Rungs web app: mount and go.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(rungs::App);
}
