use gouji_core::Report;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::{finding_id, Checked, Dismissed};
use crate::components::severity_label;

/// Downloads of the findings (CSV for Excel, JSON like the CLI's) and the printable sheet.
#[component]
pub fn Exports(checked: Memo<Option<Checked>>, input: RwSignal<String>) -> impl IntoView {
    let has_report = move || checked.with(Option::is_some);
    let tr = crate::i18n::tr;
    let dismissed = use_context::<Dismissed>().expect("App provides Dismissed");
    let lang = crate::i18n::lang();
    let csv = move |_| {
        checked.with_untracked(|c| {
            if let Some(c) = c {
                let en = lang.get_untracked() == crate::i18n::Lang::En;
                download(
                    if en {
                        "gouji-findings.csv"
                    } else {
                        "勾稽核查结果.csv"
                    },
                    "text/csv;charset=utf-8",
                    &to_csv(&c.report, &dismissed.ids.get_untracked(), en),
                );
            }
        })
    };
    let json = move |_| {
        checked.with_untracked(|c| {
            if let Some(c) = c {
                download(
                    "勾稽核查结果.json",
                    "application/json",
                    &to_json(
                        &c.report,
                        input.with_untracked(|t| t.len()),
                        &dismissed.ids.get_untracked(),
                    ),
                );
            }
        })
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <Show when=has_report>
            <div class="exports" role="group" aria-label="导出">
                <button type="button" data-testid="export-csv" on:click=csv>{tr("导出 CSV", "Export CSV")}</button>
                <button type="button" data-testid="export-json" on:click=json>{tr("导出 JSON", "Export JSON")}</button>
                <button type="button" data-testid="print" on:click=print>{tr("打印核查单", "Print review sheet")}</button>
            </div>
        </Show>
    }
}

/// One row per finding; UTF-8 with a BOM so that Excel reads the Chinese text right. In
/// English (`en`): the headers, severities, messages and the engine's fixed words.
pub fn to_csv(report: &Report, dismissed: &[String], en: bool) -> String {
    let mut out = String::from(if en {
        "\u{feff}line,rule,severity,message,stated,expected,formula,quote,dismissed\r\n"
    } else {
        "\u{feff}行,规则,级别,问题,原文数值,应为,算式,原文,已标为误报\r\n"
    });
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    for f in &report.findings {
        let cells = [
            f.line.to_string(),
            f.rule.to_string(),
            if en {
                crate::i18n::severity_name(f.severity, true).to_string()
            } else {
                severity_label(f.severity).to_string()
            },
            if en {
                f.message_en.clone()
            } else {
                f.message.clone()
            },
            f.stated.clone().unwrap_or_default(),
            f.expected.clone().unwrap_or_default(),
            f.formula
                .as_deref()
                .map(|x| {
                    if en {
                        crate::i18n::detail_en(x)
                    } else {
                        x.to_string()
                    }
                })
                .unwrap_or_default(),
            f.quote.clone(),
            match (dismissed.contains(&finding_id(f)), en) {
                (true, true) => "yes",
                (true, false) => "是",
                (false, _) => "",
            }
            .to_string(),
        ];
        let row: Vec<String> = cells.iter().map(|c| field(c)).collect();
        debug_assert_eq!(row.len(), 9);
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The same shape as `gouji check --format json`: `{"files":[{path, report, stats, …}]}`.
pub fn to_json(report: &Report, bytes: usize, dismissed: &[String]) -> String {
    let mut entry = serde_json::to_value(report).unwrap_or(serde_json::Value::Null);
    if let Some(obj) = entry.as_object_mut() {
        obj.insert("path".into(), "（粘贴的文本）".into());
        obj.insert("bytes".into(), bytes.into());
        // Findings the reviewer marked as false alarms, by `rule@start-end`.
        obj.insert("dismissed".into(), dismissed.into());
    }
    let doc = serde_json::json!({ "files": [entry], "errors": [] });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Saves `content` as a file through a temporary object URL (no network involved).
fn download(name: &str, mime: &str, content: &str) {
    let run = || -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(content));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        web_sys::Url::revoke_object_url(&url)?;
        Ok(())
    };
    let _ = run();
}
