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

/// A finding's mark in the text, as its tooltip says it: `错误：…` / `Error: …`.
pub fn mark_title(f: &gouji_core::Finding, en: bool) -> String {
    if en {
        format!("{}: {}", severity_name(f.severity, true), f.message_en)
    } else {
        format!("{}：{}", severity_name(f.severity, false), f.message)
    }
}

/// Where a finding or a ledger entry is: `第 3 页 · 第 12 行` / `page 3, line 12`.
pub fn place(page: Option<usize>, line: usize, en: bool) -> String {
    match (page, en) {
        (Some(p), true) => format!("page {p}, line {line}"),
        (Some(p), false) => format!("第 {p} 页 · 第 {line} 行"),
        (None, true) => format!("line {line}"),
        (None, false) => format!("第 {line} 行"),
    }
}

/// A count of findings, with those marked as false alarms: "4" or "4（1 已标误报）" /
/// "4 (1 dismissed)".
pub fn count_label(n: usize, dismissed: usize, en: bool) -> String {
    match (dismissed, en) {
        (0, _) => n.to_string(),
        (d, false) => format!("{n}（{d} 已标误报）"),
        (d, true) => format!("{n} ({d} dismissed)"),
    }
}

/// The button under a list shown a page at a time: `next` more of `total`, `hidden` not shown.
pub fn show_more(next: usize, total: usize, hidden: usize, en: bool) -> String {
    if en {
        format!("Show {next} more of {total} findings")
    } else {
        format!("再显示 {next} 条（共 {total} 条，另有 {hidden} 条）")
    }
}

/// The related figures a finding's card does not list.
pub fn more_related(more: usize, en: bool) -> String {
    if en {
        format!("and {more} more")
    } else {
        format!("另有 {more} 处")
    }
}

/// The false-alarm button of a finding.
pub fn dismiss_label(dismissed: bool, en: bool) -> &'static str {
    match (dismissed, en) {
        (true, false) => "已标误报",
        (false, false) => "误报？",
        (true, true) => "false alarm",
        (false, true) => "false alarm?",
    }
}

/// A dismissed finding's cell in the CSV export.
pub fn dismissed_mark(en: bool) -> &'static str {
    if en {
        "yes"
    } else {
        "是"
    }
}

/// A ledger entry's outcome: consistent, or not checkable.
pub fn ledger_state(verified: bool, en: bool) -> &'static str {
    match (verified, en) {
        (true, false) => "一致",
        (false, false) => "未能核查",
        (true, true) => "consistent",
        (false, true) => "not checkable",
    }
}

/// The button that shows or hides the ledger: `verified` consistent, `unchecked` not checkable.
pub fn ledger_toggle(open: bool, verified: usize, unchecked: usize, en: bool) -> String {
    let (v, u) = (verified, unchecked);
    if en {
        let verb = if open { "Hide" } else { "Show" };
        format!("{verb} the {v} consistent relations ({u} not checkable)")
    } else {
        let verb = if open { "收起" } else { "显示" };
        format!("{verb}已核对一致的 {v} 处（另有 {u} 处未能核查）")
    }
}

/// The status line of a result.
pub fn stats_line(s: &gouji_core::Stats, en: bool) -> String {
    if en {
        return format!(
            "Checked {} relations: {} consistent, {} errors, {} warnings, {} notes, {} not checkable",
            s.claims, s.verified, s.errors, s.warnings, s.infos, s.unchecked
        );
    }
    let mut line = format!(
        "核查 {} 处数字关系：一致 {}，错误 {}，警告 {}，提示 {}",
        s.claims, s.verified, s.errors, s.warnings, s.infos
    );
    if s.unchecked > 0 {
        line.push_str(&format!("，无法核查 {}", s.unchecked));
    }
    line
}

/// The status line before any text.
pub fn no_report(en: bool) -> &'static str {
    if en {
        "No report yet. Paste its text to check it."
    } else {
        "尚未输入报告。粘贴正文后自动核查。"
    }
}

/// The status line after the text crashed the page: checking is paused.
pub fn paused(en: bool) -> &'static str {
    if en {
        "The last check of this text crashed the page: automatic checking is paused."
    } else {
        "上次核查这段文本时页面出错，已暂停自动核查。"
    }
}

/// The line naming the report's kind and year.
pub fn kind_line(info: &gouji_core::ReportInfo, en: bool) -> String {
    let kind = report_kind(info.kind, en);
    match (info.year, en) {
        (Some(y), true) => format!("Report type: {kind} · {y}"),
        (None, true) => format!("Report type: {kind}"),
        (Some(y), false) => format!("报告类型：{kind} · {y} 年度"),
        (None, false) => format!("报告类型：{kind}"),
    }
}

/// The core's notice in the current language (the English one when there is one).
pub fn notice(r: &gouji_core::Report, en: bool) -> Option<String> {
    match (en, &r.notice_en) {
        (true, Some(n)) => Some(n.clone()),
        _ => r.notice.clone(),
    }
}

/// A file that could not be read into the page.
pub fn file_unreadable(name: &str, en: bool) -> String {
    if en {
        format!("Cannot read the file “{name}”.")
    } else {
        format!("无法读取文件“{name}”。")
    }
}

/// While a PDF is read.
pub fn reading_pdf(name: &str, en: bool) -> String {
    if en {
        format!("Reading the PDF “{name}”…")
    } else {
        format!("正在读取 PDF“{name}”……")
    }
}

/// A file opened, read as `shown` (its encoding, `docx` or `PDF`), with `replaced`
/// characters that could not be decoded.
pub fn opened(name: &str, shown: &str, replaced: usize, en: bool) -> String {
    match (en, replaced) {
        (false, 0) => format!("已打开“{name}”（{shown}）"),
        (false, n) => format!("已打开“{name}”（{shown}，{n} 处无法识别的字符）"),
        (true, 0) => format!("Opened “{name}” ({shown})"),
        (true, n) => format!("Opened “{name}” ({shown}, {n} characters could not be read)"),
    }
}

/// A sample report that could not be fetched (`status` of the response, if there was one).
pub fn sample_failed(file: &str, status: Option<u16>, en: bool) -> String {
    let status = status.map_or(String::new(), |s| format!(" ({s})"));
    if en {
        format!("Could not load the sample samples/{file}{status}")
    } else {
        format!("示例读取失败：samples/{file}{status}")
    }
}

/// The name of a downloaded export: the CSV's, or the JSON's.
pub fn export_file(csv: bool, en: bool) -> &'static str {
    match (csv, en) {
        (true, true) => "gouji-findings.csv",
        (true, false) => "勾稽核查结果.csv",
        (false, true) => "gouji-findings.json",
        (false, false) => "勾稽核查结果.json",
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
    fn counts_say_how_many_are_dismissed() {
        assert_eq!(count_label(4, 0, false), "4");
        assert_eq!(count_label(4, 1, false), "4（1 已标误报）");
        assert_eq!(count_label(4, 1, true), "4 (1 dismissed)");
    }

    #[test]
    fn the_cores_notice_in_english() {
        let r = gouji_core::check("", &gouji_core::Options::default());
        assert_eq!(
            notice(&r, false).as_deref(),
            Some("文本为空：请粘贴或打开一份报告。")
        );
        assert_eq!(
            notice(&r, true).as_deref(),
            Some("The text is empty: paste or open a report.")
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
