use gouji_core::csv;
use gouji_core::json::{Document, FileEntry, Totals};
use gouji_core::lines::LineIndex;
use gouji_core::Report;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::store::{finding_id, Checked, Dismissed, Source};

/// Downloads of the findings (CSV for Excel, JSON like the CLI's) and the printable sheet.
#[component]
pub fn Exports(
    checked: Memo<Option<Checked>>,
    input: RwSignal<String>,
    /// The file the text was opened from, if it still is its text.
    source: RwSignal<Option<Source>>,
) -> impl IntoView {
    let has_report = move || checked.with(Option::is_some);
    let tr = crate::i18n::tr;
    let dismissed = use_context::<Dismissed>().expect("App provides Dismissed");
    let lang = crate::i18n::lang();
    let csv = move |_| {
        checked.with_untracked(|c| {
            if let Some(c) = c {
                let en = lang.get_untracked() == crate::i18n::Lang::En;
                download(
                    crate::i18n::export_file(true, en),
                    "text/csv;charset=utf-8",
                    &source.with_untracked(|s| {
                        to_csv(
                            &c.text,
                            &c.report,
                            export_name(s.as_ref(), &c.text),
                            &dismissed.ids.get_untracked(),
                            en,
                        )
                    }),
                );
            }
        })
    };
    let json = move |_| {
        checked.with_untracked(|c| {
            if let Some(c) = c {
                let en = lang.get_untracked() == crate::i18n::Lang::En;
                download(
                    crate::i18n::export_file(false, en),
                    "application/json",
                    &source.with_untracked(|s| {
                        to_json(
                            &c.report,
                            input.with_untracked(|t| t.len()),
                            &dismissed.ids.get_untracked(),
                            s.as_ref().filter(|s| s.describes(&c.text)),
                        )
                    }),
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
            <div class="exports" role="group" aria-label=tr("导出", "Export")>
                <button type="button" data-testid="export-csv" on:click=csv>{tr("导出 CSV", "Export CSV")}</button>
                <button type="button" data-testid="export-json" on:click=json>{tr("导出 JSON", "Export JSON")}</button>
                <button type="button" data-testid="print" on:click=print>{tr("打印核查单", "Print review sheet")}</button>
            </div>
        </Show>
    }
}

/// The CSV of `gouji check --format csv` (the core's [`gouji_core::csv`]: the same header,
/// columns, quoting and formula guard) for the text in the box, named `file` as in the JSON
/// export, with one column of its own, `dismissed`. In English (`en`) the messages and the
/// engine's fixed words of the details are in English.
pub fn to_csv(text: &str, report: &Report, file: &str, dismissed: &[String], en: bool) -> String {
    let mut out = String::from(csv::BOM);
    let mut row: Vec<&str> = csv::FINDING_HEADER.to_vec();
    row.push("dismissed");
    csv::push_row(&mut out, &row);
    let index = LineIndex::new(text);
    for f in &report.findings {
        let mut cells = csv::finding_cells(file, &index, f, en);
        if en {
            // formula, repair, cause
            for c in &mut cells[8..=10] {
                *c = crate::i18n::detail_en(c);
            }
        }
        let mark = if dismissed.contains(&finding_id(f)) {
            crate::i18n::dismissed_mark(en)
        } else {
            ""
        };
        let mut row: Vec<&str> = cells.iter().map(String::as_str).collect();
        row.push(mark);
        csv::push_row(&mut out, &row);
    }
    out
}

/// The `path` of the exports: the file's name for a text opened from one and not edited
/// since, else `（粘贴的文本）`.
fn export_name<'a>(source: Option<&'a Source>, text: &str) -> &'a str {
    source
        .filter(|s| s.describes(text))
        .map_or(PASTED, |s| s.name.as_str())
}

const PASTED: &str = "（粘贴的文本）";

/// The document of `gouji check --format json` (`docs/json.md`, the core's
/// [`gouji_core::json`] types) for the one text in the box, with two fields of its own:
/// `bytes` (the text's length in UTF-8) and `dismissed`. A text opened from a file has its
/// name as `path`, and its `encoding` and `replaced`; a pasted one has `path`
/// `（粘贴的文本）` and neither.
pub fn to_json(
    report: &Report,
    bytes: usize,
    dismissed: &[String],
    source: Option<&Source>,
) -> String {
    #[derive(serde::Serialize)]
    struct Entry<'a> {
        #[serde(flatten)]
        file: FileEntry<'a>,
        bytes: usize,
        /// Findings the reviewer marked as false alarms, by `rule@start-end`.
        dismissed: &'a [String],
    }
    let mut total = Totals::default();
    total.add(&report.stats);
    let file = match source {
        Some(s) => FileEntry::new(report)
            .path(&s.name)
            .source(s.encoding, s.replaced),
        None => FileEntry::new(report).path(PASTED),
    };
    let files = [Entry {
        file,
        bytes,
        dismissed,
    }];
    let doc = Document {
        files: &files,
        errors: &[],
        total: &total,
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_export_is_the_clis_with_a_column_of_its_own() {
        let text = include_str!("../../../tests/fixtures/samples/renhe-2020-final-accounts.txt");
        let report = gouji_core::check(text, &gouji_core::Options::default());
        let first = &report.findings[0];
        let out = to_csv(text, &report, PASTED, &[finding_id(first)], false);
        let mut rows = out.split('\n');
        assert_eq!(
            rows.next(),
            Some("\u{feff}file,line,column,rule,severity,message,stated,expected,formula,repair,cause,quote,start,end,dismissed")
        );
        // The CLI's row, and the mark.
        let index = LineIndex::new(text);
        let mut cli = String::new();
        csv::push_row(&mut cli, &csv::finding_cells(PASTED, &index, first, false));
        assert_eq!(
            format!("{}\n", rows.next().unwrap()),
            cli.replace('\n', ",是\n")
        );
        assert_eq!(out.lines().count(), report.findings.len() + 1);

        let en = to_csv(text, &report, "a.txt", &[], true);
        assert!(en.starts_with("\u{feff}file,line,column,rule,severity,message,stated,expected,formula,repair,cause,quote,start,end,dismissed\n"));
        assert!(en.contains(",error,") && !en.contains("相差"));
    }

    #[test]
    fn the_json_export_is_the_clis_document() {
        let text = include_str!("../../../tests/fixtures/samples/renhe-2020-final-accounts.txt");
        let report = gouji_core::check(text, &gouji_core::Options::default());
        let dismissed = vec!["sum@1-2".to_string()];
        let json = to_json(&report, text.len(), &dismissed, None);
        assert!(
            json.starts_with("{\n  \"files\": [\n    {\n      \"path\": \"（粘贴的文本）\",\n      \"report\": {"),
            "{}",
            &json[..200]
        );
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let file = &doc["files"][0];
        assert_eq!(
            file["findings"].as_array().unwrap().len(),
            report.findings.len()
        );
        assert_eq!(file["bytes"], text.len());
        assert_eq!(file["dismissed"][0], "sum@1-2");
        assert_eq!(doc["errors"], serde_json::json!([]));
        assert_eq!(doc["total"]["files"], 1);
        assert_eq!(doc["total"]["errors"], report.stats.errors);

        let opened = Source::new("renhe.txt".into(), "GB18030", 2, text);
        assert!(opened.describes(text) && !opened.describes("合计"));
        let json = to_json(&report, text.len(), &[], Some(&opened));
        assert!(
            json.starts_with("{\n  \"files\": [\n    {\n      \"path\": \"renhe.txt\",\n      \"encoding\": \"GB18030\",\n      \"replaced\": 2,\n      \"report\": {"),
            "{}",
            &json[..200]
        );
    }
}
