//! Keeps the pasted text in `localStorage` so that it survives a reload, and remembers a
//! crash so that a text that makes the checker panic does not crash the page on every reload.

/// The `localStorage` key holding the last text.
pub const TEXT_KEY: &str = "gouji.text";
/// Set by the panic hook: the last check of the saved text crashed the page.
pub const CRASH_KEY: &str = "gouji.crashed";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved text, or an empty string when there is none or storage is unavailable.
pub fn load_text() -> String {
    local_storage()
        .and_then(|s| s.get_item(TEXT_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Saves the text; returns false when storage is unavailable or full.
pub fn save_text(text: &str) -> bool {
    match local_storage() {
        Some(s) if text.is_empty() => s.remove_item(TEXT_KEY).is_ok(),
        Some(s) => s.set_item(TEXT_KEY, text).is_ok(),
        None => false,
    }
}

/// Records that the page crashed (called from the panic hook).
pub fn mark_crashed() {
    if let Some(s) = local_storage() {
        let _ = s.set_item(CRASH_KEY, "1");
    }
}

/// Whether the previous page crashed; clears the record.
pub fn take_crashed() -> bool {
    let Some(s) = local_storage() else {
        return false;
    };
    let crashed = s.get_item(CRASH_KEY).ok().flatten().is_some();
    if crashed {
        let _ = s.remove_item(CRASH_KEY);
    }
    crashed
}
