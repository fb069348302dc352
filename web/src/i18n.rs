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

/// The language as last saved (Chinese when none is).
pub fn saved_lang() -> Lang {
    if crate::storage::get(KEY).as_deref() == Some("en") {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// Creates the language signal from storage and provides it to the app.
pub fn provide_lang() -> RwSignal<Lang> {
    let lang = RwSignal::new(saved_lang());
    Effect::new(move |_| {
        let en = lang.get() == Lang::En;
        crate::storage::set(KEY, if en { "en" } else { "zh" });
        // The page's language, for screen readers, hyphenation and fonts.
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", if en { "en" } else { "zh-CN" });
        }
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

/// The kind of report, as the status line names it.
pub fn report_kind(kind: gouji_core::ReportKind, en: bool) -> &'static str {
    use gouji_core::ReportKind::*;
    match (kind, en) {
        (_, false) => kind.label_zh(),
        (FinalAccounts, true) => "final accounts",
        (PerformanceSelfEvaluation, true) => "performance self-evaluation",
        (Budget, true) => "budget",
        (Unknown, true) => "not recognised",
    }
}

/// The engine's details that come in Chinese only (a finding's formula, repair and cause, the
/// notes on its related figures), in English as far as their fixed words go: "若完成率为98.5%则一致"
/// reads "consistent if the completion rate were 98.5%", "相差" "difference", "分项" "part",
/// "另一处" "the other place". Names and quoted figures stay as the report wrote them.
pub fn detail_en(zh: &str) -> String {
    let mut s = zh.to_string();
    if let Some(rest) = s.strip_prefix('若').and_then(|r| r.strip_suffix("则一致")) {
        if let Some((what, value)) = rest.split_once('为') {
            let what = match what {
                "完成率" => "the completion rate",
                "增减幅度" => "the rate of change",
                "增长率" | "增幅" => "the growth rate",
                "下降率" | "降幅" => "the rate of decrease",
                "增长" => "the increase",
                "下降" => "the decrease",
                other => other,
            };
            s = format!("consistent if {what} were {value}");
        }
    }
    for (zh, en) in [
        ("另一处：", "the other place: "),
        ("另一处", "the other place"),
        ("分项行", "part row"),
        ("分项", "part"),
        ("，相差", ", difference "),
        ("，相差 ", ", difference "),
        ("相差", "difference "),
        ("；", "; "),
        ("，", ", "),
        ("：", ": "),
    ] {
        if s.contains(zh) {
            s = s.replace(zh, en);
        }
    }
    s
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
    fn fixed_words_of_the_details_in_english() {
        assert_eq!(
            detail_en("若完成率为98.50%则一致"),
            "consistent if the completion rate were 98.50%"
        );
        assert_eq!(detail_en("分项"), "part");
        assert_eq!(
            detail_en("另一处：本年支出合计"),
            "the other place: 本年支出合计"
        );
        assert_eq!(
            detail_en("100.00 ≠ 90.00，相差10.00"),
            "100.00 ≠ 90.00, difference 10.00"
        );
        assert_eq!(report_kind(gouji_core::ReportKind::Budget, true), "budget");
        assert_eq!(
            report_kind(gouji_core::ReportKind::Budget, false),
            "部门预算"
        );
    }

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
