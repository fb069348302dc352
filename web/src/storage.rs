//! Keeps the pasted text in `localStorage` so that it survives a reload.

/// The `localStorage` key holding the last text.
pub const TEXT_KEY: &str = "gouji.text";

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
