//! Gouji in the browser: a Leptos client-side app around [`gouji_core::check`].
//!
//! Everything runs on the user's machine; the page makes no request beyond its own files
//! (see the Content-Security-Policy in `index.html`).

pub mod app;
pub mod components;
pub mod highlight;
pub mod storage;

pub use app::App;

/// Installs the panic hook and mounts [`App`] into `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
