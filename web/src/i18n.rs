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
