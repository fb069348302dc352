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

/// A short fingerprint of a text (FNV-1a, 64 bits): dismissals belong to one text.
pub fn text_key(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The findings dismissed as false alarms for the text with this key (`rule@start-end`).
pub fn load_dismissed(key: &str) -> Vec<String> {
    local_storage()
        .and_then(|s| s.get_item(&format!("gouji.dismissed.{key}")).ok().flatten())
        .map(|v| v.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Saves the dismissed findings of a text (removes the entry when there are none).
pub fn save_dismissed(key: &str, ids: &[String]) {
    if let Some(s) = local_storage() {
        let k = format!("gouji.dismissed.{key}");
        let _ = if ids.is_empty() {
            s.remove_item(&k)
        } else {
            s.set_item(&k, &ids.join("\n"))
        };
    }
}

/// A saved setting.
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Saves a setting.
pub fn set(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(key, value);
    }
}
