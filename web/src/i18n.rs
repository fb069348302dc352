//! The interface language: Chinese first, English on request (remembered across reloads).
//! Findings carry both `message` and `message_en`; the engine's other details are Chinese.

use gouji_core::Severity;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

const KEY: &str = "gouji.lang";

/// The language signal the app provides.
pub fn lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().expect("App provides the language")
}

/// Creates the language signal from storage and provides it to the app.
pub fn provide_lang() -> RwSignal<Lang> {
    let saved = crate::storage::get(KEY);
    let lang = RwSignal::new(if saved.as_deref() == Some("en") {
        Lang::En
    } else {
        Lang::Zh
    });
    Effect::new(move |_| {
        crate::storage::set(KEY, if lang.get() == Lang::En { "en" } else { "zh" });
    });
    provide_context(lang);
    lang
}

/// A text in the current language, as a reactive view child or attribute.
pub fn tr(zh: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let l = lang();
    move || if l.get() == Lang::En { en } else { zh }
}

pub fn severity_name(s: Severity, en: bool) -> &'static str {
    match (s, en) {
        (Severity::Error, false) => "错误",
        (Severity::Warning, false) => "警告",
        (Severity::Info, false) => "提示",
        (Severity::Error, true) => "Error",
        (Severity::Warning, true) => "Warning",
        (Severity::Info, true) => "Note",
    }
}

/// A count with thousands separators: 1,048,576.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The status while a text of `chars` characters waits for its check or is being checked.
pub fn checking(chars: usize, en: bool) -> String {
    if en {
        format!("Checking… ({} characters)", grouped(chars))
    } else {
        format!("核查中…（{} 字）", grouped(chars))
    }
}

/// The status when the check of the newest text failed (the engine trapped on it).
pub fn check_failed(detail: &str, en: bool) -> String {
    if en {
        format!("This text could not be checked: the checker failed ({detail}). Edit the text to try again.")
    } else {
        format!("这段文本未能核查：核查程序出错（{detail}）。修改文本后会重新核查。")
    }
}

/// The status when the check of the newest text was stopped at the time limit: nothing of
/// this text was checked; `previous` says whether older results are still shown.
pub fn too_slow(chars: usize, seconds: u64, previous: bool, en: bool) -> String {
    if en {
        format!(
            "This text ({} characters) took longer than {seconds} s to check and was stopped: none of it was checked{}. Check it in parts (paste a section at a time).",
            grouped(chars),
            if previous {
                "; the results shown are those of the previous text"
            } else {
                ""
            }
        )
    } else {
        format!(
            "这段文本（{} 字）核查超过 {seconds} 秒仍未完成，已停止：全文均未核查{}。请分段粘贴核查。",
            grouped(chars),
            if previous {
                "，下方仍是上一段文本的核查结果"
            } else {
                ""
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_separators() {
        assert_eq!(checking(0, false), "核查中…（0 字）");
        assert_eq!(checking(15_234, false), "核查中…（15,234 字）");
        assert_eq!(
            checking(1_048_576, true),
            "Checking… (1,048,576 characters)"
        );
        assert_eq!(grouped(999), "999");
        assert_eq!(
            too_slow(1_048_576, 20, true, false),
            "这段文本（1,048,576 字）核查超过 20 秒仍未完成，已停止：全文均未核查，下方仍是上一段文本的核查结果。请分段粘贴核查。"
        );
        assert!(too_slow(12, 20, false, true).contains("none of it was checked. Check it"));
        assert_eq!(grouped(100_000), "100,000");
    }
}
