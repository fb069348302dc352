use leptos::prelude::*;
use wasm_bindgen::JsCast;

use gouji_input::InputError;

use crate::app::{CheckAtOnce, Selection};
use crate::components::SamplePicker;

/// The textarea the report is pasted into, with a file picker and drag-and-drop for .txt
/// (UTF-8, GB18030/GBK, UTF-16), .docx and .pdf files, read in the browser.
#[component]
pub fn PasteArea(
    text: RwSignal<String>,
    selected: RwSignal<Option<Selection>>,
    /// Cleared by any edit: the user has changed the text that crashed the checker.
    paused: RwSignal<bool>,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    let tr = crate::i18n::tr;
    let file_note = RwSignal::new(None::<(bool, String)>);
    // Set once: the textarea owns its value afterwards (rewriting it on every input would
    // disturb the caret and IME composition).
    let initial = text.get_untracked();
    let at_once = use_context::<CheckAtOnce>().expect("App provides CheckAtOnce");
    // A whole new text (an opened file, a sample) is checked without the typing pause.
    let replace_text = move |t: String| {
        if let Some(el) = area.get_untracked() {
            el.set_value(&t);
        }
        selected.set(None);
        paused.set(false);
        at_once.request();
        text.set(t);
    };
    let on_input = move |ev: leptos::ev::Event| {
        file_note.set(None);
        selected.set(None);
        paused.set(false);
        // A paste or a drop brings a whole text at once: check it now; typing waits.
        let kind = ev
            .dyn_ref::<web_sys::InputEvent>()
            .map(|e| e.input_type())
            .unwrap_or_default();
        if matches!(
            kind.as_str(),
            "insertFromPaste" | "insertFromPasteAsQuotation" | "insertFromDrop"
        ) {
            at_once.request();
        }
        text.set(event_target_value(&ev));
    };
    let clear = move |_| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message("清空全部文本？此操作不能撤销。")
                    .ok()
            })
            .unwrap_or(true);
        if !ok {
            return;
        }
        replace_text(String::new());
        file_note.set(None);
        if let Some(el) = area.get_untracked() {
            let _ = el.focus();
        }
    };
    let load = move |file: web_sys::File| {
        let name = file.name();
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    file_note.set(Some((false, format!("无法读取文件“{name}”。"))));
                    return;
                }
            };
            let read = if name.to_lowercase().ends_with(".pdf") || gouji_input::is_pdf(&bytes) {
                file_note.set(Some((true, format!("正在读取 PDF“{name}”……"))));
                crate::pdf::pdf_text(&bytes)
                    .await
                    .map(|t| (t, "PDF", 0))
                    .map_err(FileError::Pdf)
            } else {
                read_file(&name, &bytes).map_err(FileError::Input)
            };
            match read {
                Ok((text, encoding, replaced)) => {
                    let note = if replaced > 0 {
                        format!("已打开“{name}”（{encoding}，{replaced} 处无法识别的字符）")
                    } else {
                        format!("已打开“{name}”（{encoding}）")
                    };
                    file_note.set(Some((true, note)));
                    replace_text(text);
                }
                Err(e) => file_note.set(Some((false, format!("“{name}”：{}", e.message_zh())))),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|l| l.get(0)) {
            load(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            load(file);
        }
    };
    view! {
        <div class="paste">
            <div class="pane-head">
                <label for="report-input" class="pane-title">{tr("报告正文", "Report text")}</label>
                <span class="count">
                    {move || text.with(|t| t.chars().count()).to_string()} {tr(" 字", " chars")}
                </span>
                <label class="open-file">
                    {tr("打开文件", "Open file")}
                    <input
                        type="file"
                        data-testid="open-file"
                        accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        on:change=on_pick
                    />
                </label>
                <button
                    type="button"
                    class="clear"
                    data-testid="clear"
                    on:click=clear
                    disabled=move || text.with(String::is_empty)
                >
                    {tr("清空", "Clear")}
                </button>
            </div>
            <SamplePicker on_pick=Callback::new(move |t: String| {
                let ok = text.with_untracked(String::is_empty)
                    || web_sys::window()
                        .and_then(|w| w.confirm_with_message("用示例替换当前文本？").ok())
                        .unwrap_or(true);
                if ok {
                    file_note.set(None);
                    replace_text(t);
                }
            }) />
            {move || file_note.get().map(|(ok, note)| view! {
                <p class=if ok { "file-note" } else { "file-note error" } data-testid="file-note" role="status">
                    {note}
                </p>
            })}
            <textarea
                id="report-input"
                data-testid="input"
                node_ref=area
                prop:value=initial
                on:input=on_input
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
                placeholder=tr(
                    "在此粘贴报告全文，或拖入 .txt / .docx / .pdf 文件……",
                    "Paste the whole report here, or drop a .txt / .docx / .pdf file…",
                )
                spellcheck="false"
            ></textarea>
        </div>
    }
}

/// Why an opened file gave no text.
enum FileError {
    Input(InputError),
    /// The PDF module's reason (Chinese first line, English second).
    Pdf(String),
}

impl FileError {
    fn message_zh(&self) -> String {
        match self {
            FileError::Input(e) => e.message_zh(),
            FileError::Pdf(why) => why.lines().next().unwrap_or_default().to_string(),
        }
    }
}

/// A file's text: `.docx` through gouji-input, text files through the browser's decoder
/// (BOM, then UTF-8 unless more than 1 in 20 characters fail, else GB18030, which reads GBK
/// and GB2312 too). Returns the text, the encoding used and the undecodable characters.
fn read_file(name: &str, bytes: &[u8]) -> Result<(String, &'static str, usize), InputError> {
    if name.to_lowercase().ends_with(".docx") || bytes.starts_with(b"PK\x03\x04") {
        return gouji_input::docx_text(bytes).map(|t| (t, "docx", 0));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty);
    }
    let (label, body) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        ("utf-8", rest)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        ("utf-16le", rest)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        ("utf-16be", rest)
    } else {
        ("", bytes)
    };
    let decode = |label: &str| -> Option<String> {
        let d = web_sys::TextDecoder::new_with_label(label).ok()?;
        d.decode_with_u8_array(body).ok()
    };
    let (text, encoding) = match label {
        "" => {
            let utf8 = decode("utf-8").unwrap_or_default();
            let bad = gouji_input::count_replacements(&utf8);
            if bad * 20 < utf8.chars().count() {
                (utf8, "UTF-8")
            } else {
                (decode("gb18030").unwrap_or_default(), "GB18030")
            }
        }
        "utf-8" => (decode(label).unwrap_or_default(), "UTF-8"),
        "utf-16le" => (decode(label).unwrap_or_default(), "UTF-16LE"),
        _ => (decode(label).unwrap_or_default(), "UTF-16BE"),
    };
    if gouji_input::looks_binary(&text) {
        return Err(InputError::Binary {
            hint: gouji_input::binary_hint(bytes),
        });
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let replaced = gouji_input::count_replacements(&text);
    Ok((text, encoding, replaced))
}
