fn main() {
    // Release builds abort on a panic without unwinding or formatting a message, so the hook, and
    // the formatting code it pulls in, would never run there.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(leptos_cognito::App);
}
