//! Gouji in the browser: a Leptos client-side app around [`gouji_core::check`].
//!
//! Everything runs on the user's machine; the page makes no request beyond its own files
//! (see the Content-Security-Policy in `index.html`).

pub mod app;
pub mod checker;
pub mod components;
pub mod embed;
pub mod highlight;
pub mod i18n;
pub mod keys;
pub mod open;
pub mod storage;
pub mod store;

pub use app::App;

/// Installs the panic hook and mounts [`App`] into `<body>`. (The checking worker runs the
/// checker module, crate gouji-check-web, not this one.)
pub fn mount() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // The release build aborts on panic, so the page is dead from here on: say so, and
        // keep the saved text from being checked (and crashing) again on the next load.
        storage::mark_crashed();
        show_crash_banner(&info.to_string());
    }));
    leptos::mount::mount_to_body(App);
}

fn show_crash_banner(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(banner)) = (doc.body(), doc.create_element("div")) else {
        return;
    };
    banner.set_class_name("crash");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "crash");
    // No signal to read any more: the language as saved.
    let message = if i18n::saved_lang() == i18n::Lang::En {
        format!(
            "Gouji failed inside and the page has stopped working. Reload it: the text is saved \
             and will not be checked automatically after the reload. ({detail})"
        )
    } else {
        format!(
            "勾稽内部出错，页面已停止工作。请刷新页面：文本已保存，刷新后不会自动核查。（{detail}）"
        )
    };
    banner.set_text_content(Some(&message));
    let _ = body.prepend_with_node_1(&banner);
}
