//! `template`: template text left unfilled — both of two opposite words kept (`增加/减少`,
//! `小于（大于）`), a `0` standing where a name or reason must go (`主要是0等收入`,
//! `对0等项目分别委托0等第三方机构`), placeholder names (`某部门`, `XX`), blank dates and
//! empty brackets.
//!
//! Works on the normalised text, where spaces are dropped: `年 月 日` reads `年月日`,
//! `（ ）` reads `（）`.

use super::{Draft, Rule, RuleInfo, Sink};
use crate::claims::Claims;
use crate::document::Document;
use crate::report::Severity;
use std::ops::Range;

pub struct Template;

static INFO: RuleInfo = RuleInfo {
    id: "template",
    name_zh: "模板文字未填写",
    name_en: "Unfilled template text",
    severity: Severity::Error,
    summary_zh: "模板中的“增加/减少”“小于（大于）”“主要是0等”“某部门”、空白日期与空括号未按实际情况填写。",
    summary_en: "Template alternatives (`增加/减少`), `0` placeholders (`主要是0等`), `某部门`, blank dates and empty brackets left in the text.",
    explanation_zh: "决算公开模板用“增加/减少”“增长（下降）”“大于（小于、等于）”给出可选的说法，用“0”“某部门”“XX”占位，\
填写时须只留下与实际相符的一个词、填入名称或原因。两个相反的词以“/”或括号并列、名称处写“0等”、原因处写“0”，\
可以断定是未填的模板，列为错误；“某部门”“XX”、空白日期“年 月 日”和空括号“（ ）”多半是占位，列为警告。\
只写一个词（“比上年增加”）或“增减变化”“增加或减少的原因”这类正常行文不受影响。\n\
例：“因公出国（境）支出决算比2019年增加/减少0万元，增长/下降0%”：应写“与上年持平”或只留一个词；\
“其他收入0万元，占收入总计的0%。主要是0等收入。”：“0等”处应是收入的名称，没有此项收入时应删去这句。",
    explanation_en: "Two opposite words joined by a slash or brackets (增加/减少, 小于（大于）), a `0` where a name or \
reason belongs (主要是0等收入, 原因是0), placeholder names (某部门, XX), blank dates (年 月 日) and empty brackets are \
template text nobody filled in. Example: 比2019年增加/减少0万元，增长/下降0% should keep one word (or say 持平).",
};

/// Pairs of opposite words that a template offers as alternatives.
const OPPOSITES: &[(&str, &str)] = &[
    ("增加", "减少"),
    ("增长", "下降"),
    ("增长", "减少"),
    ("增加", "下降"),
    ("上升", "下降"),
    ("大于", "小于"),
    ("高于", "低于"),
    ("提高", "降低"),
    ("增", "减"),
];

/// Other words a bracketed alternative list may add: `大于（小于、等于）`.
const ALSO: &[&str] = &["等于", "持平", "一致"];

/// Placeholder names (warning: occasionally real prose).
const NAMES: &[&str] = &["某部门", "某单位", "XXX", "XX", "××", "xxx", "ＸＸ", "某某"];

/// Words before a `0` that stands where a reason must go (`主要原因是0。`).
const REASON: &[&str] = &["原因是", "主要是", "主要用于", "主要包括"];

impl Rule for Template {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, doc: &Document, _claims: &Claims, sink: &mut Sink) {
        let text = doc.text();
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut emit =
            |sink: &mut Sink, at: Range<usize>, sev: Severity, zh: String, en: String| {
                if taken.iter().any(|t| t.start < at.end && at.start < t.end) {
                    return;
                }
                taken.push(at.clone());
                let stated = text[at.clone()].to_string();
                let mut d = Draft::new(INFO.id, sev, at, zh, en);
                d.stated = Some(stated);
                d.cause = Some("模板文字未按实际情况填写".into());
                sink.report(d);
            };
        for (i, _) in text.char_indices() {
            let rest = &text[i..];
            // Opposite words joined by a slash or by brackets.
            if let Some((len, a, b)) = alternatives(rest) {
                emit(
                    sink,
                    i..i + len,
                    Severity::Error,
                    format!(
                        "“{}”并列了相反的“{a}”与“{b}”，模板未按实际情况选定一个",
                        &rest[..len]
                    ),
                    format!("“{}” keeps both alternatives of the template", &rest[..len]),
                );
                continue;
            }
            // `0等` where a name must go: a Han character, then 0, then 等.
            if let Some(tail) = rest.strip_prefix("0等") {
                let before = text[..i].chars().next_back();
                if before.is_some_and(is_han) {
                    let end = i + "0等".len();
                    // The name's head (收入, 项目, 第三方机构), stopping before the next `0`.
                    let mut len = 0;
                    for (n, (j, c)) in tail.char_indices().enumerate() {
                        let next_zero = tail[j + c.len_utf8()..].starts_with('0');
                        if n >= 5 || !is_han(c) || next_zero {
                            break;
                        }
                        len = j + c.len_utf8();
                    }
                    let end = end + len;
                    let start = i - before.map_or(0, char::len_utf8);
                    emit(
                        sink,
                        start..end,
                        Severity::Error,
                        format!(
                            "“{}”中的“0等”是模板占位，应填写名称（没有此项时删去整句）",
                            &text[start..end]
                        ),
                        format!("“{}”: the 0 stands where a name belongs", &text[start..end]),
                    );
                    continue;
                }
            }
            // A `0` where a reason must go: `主要原因是0。`
            for w in REASON {
                if let Some(after) = rest.strip_prefix(w) {
                    if after.strip_prefix('0').is_some_and(|a| {
                        a.chars()
                            .next()
                            .is_none_or(|c| matches!(c, '。' | '，' | '；' | '\n'))
                    }) {
                        let end = i + w.len() + 1;
                        emit(
                            sink,
                            i..end,
                            Severity::Error,
                            format!("“{}”：原因处写“0”，模板未填写", &text[i..end]),
                            format!("“{}”: the reason is a template 0", &text[i..end]),
                        );
                    }
                }
            }
            for n in NAMES {
                if rest.starts_with(n) {
                    // `XX` inside a longer Latin word is not a placeholder.
                    let before = text[..i].chars().next_back();
                    if n.is_ascii() && before.is_some_and(|c| c.is_ascii_alphanumeric()) {
                        break;
                    }
                    emit(
                        sink,
                        i..i + n.len(),
                        Severity::Warning,
                        format!("“{n}”像是模板中的占位名称，应填写实际名称"),
                        format!("“{n}” looks like a placeholder name"),
                    );
                    break;
                }
            }
            if rest.starts_with("年月日") {
                emit(
                    sink,
                    i..i + "年月日".len(),
                    Severity::Warning,
                    "日期空白（“年 月 日”），应填写实际日期".into(),
                    "Blank date (年 月 日)".into(),
                );
            }
            if rest.starts_with("（）") {
                emit(
                    sink,
                    i..i + "（）".len(),
                    Severity::Warning,
                    "空括号“（ ）”，模板中要填写的内容未填".into(),
                    "Empty brackets: something was to be filled in".into(),
                );
            }
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// `增加/减少`, `增长／下降`, `增加（减少）`, `大于（小于、等于）`, `大于/小于/等于` at the start of
/// `s`: its byte length and the two opposite words.
fn alternatives(s: &str) -> Option<(usize, &'static str, &'static str)> {
    for &(x, y) in OPPOSITES {
        for (a, b) in [(x, y), (y, x)] {
            let Some(r) = s.strip_prefix(a) else { continue };
            // Slash form, possibly with more alternatives: 大于/小于/等于.
            for slash in ['/', '／'] {
                if let Some(r2) = r.strip_prefix(slash).and_then(|r| r.strip_prefix(b)) {
                    let mut len = s.len() - r2.len();
                    let mut tail = r2;
                    while let Some(t) = tail.strip_prefix(['/', '／']) {
                        let Some(w) = ALSO.iter().find(|w| t.starts_with(**w)) else {
                            break;
                        };
                        tail = &t[w.len()..];
                        len = s.len() - tail.len();
                    }
                    return Some((len, a, b));
                }
            }
            // Bracket form: a（b） or a（b、等于）.
            if let Some(r2) = r.strip_prefix('（').and_then(|r| r.strip_prefix(b)) {
                let mut tail = r2;
                while let Some(t) = tail.strip_prefix(['、', '/', '／']) {
                    let Some(w) = ALSO.iter().find(|w| t.starts_with(**w)) else {
                        break;
                    };
                    tail = &t[w.len()..];
                }
                if let Some(t) = tail.strip_prefix('）') {
                    return Some((s.len() - t.len(), a, b));
                }
            }
        }
    }
    None
}
