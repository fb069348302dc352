use leptos::prelude::*;
use wasm_bindgen::JsCast;

use wasm_bindgen::prelude::*;

use crate::i18n::Lang;
use crate::open::Opened;

use crate::components::SamplePicker;
use crate::store::{CheckAtOnce, Selection, Source};

/// The textarea the report is pasted into, with a file picker and drag-and-drop for .txt
/// (UTF-8, GB18030/GBK, UTF-16), .docx and .pdf files, read in the browser.
#[component]
pub fn PasteArea(
    text: RwSignal<String>,
    selected: RwSignal<Option<Selection>>,
    /// Cleared by any edit: the user has changed the text that crashed the checker.
    paused: RwSignal<bool>,
    /// Set when a file is opened.
    source: RwSignal<Option<Source>>,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    let tr = crate::i18n::tr;
    let lang = crate::i18n::lang();
    let confirm_clear = tr(
        "清空全部文本？此操作不能撤销。",
        "Clear all the text? This cannot be undone.",
    );
    let confirm_sample = tr(
        "用示例替换当前文本？",
        "Replace the current text with the sample?",
    );
    let file_note = RwSignal::new(None::<(bool, String)>);
    // The text an opened file replaced, while its note is shown (see `load`).
    let undo = StoredValue::new(None::<String>);
    let text_signal = text;
    // Set once: the textarea owns its value afterwards (rewriting it on every input would
    // disturb the caret and IME composition).
    let initial = text.get_untracked();
    let at_once = use_context::<CheckAtOnce>().expect("App provides CheckAtOnce");
    // The text box's value as last taken in, and whether the next change came from a paste or
    // a drop (see `take_in`).
    let seen = StoredValue::new_local(JsValue::from_str(&initial));
    let next_at_once = StoredValue::new(false);
    // A whole new text (an opened file, a sample) is checked without the typing pause.
    let replace_text = move |t: String| {
        if let Some(el) = area.get_untracked() {
            el.set_value(&t);
        }
        seen.set_value(JsValue::from_str(&t));
        selected.set(None);
        paused.set(false);
        at_once.request();
        text.set(t);
    };
    // Edits are taken from the text box without an `input` listener on a long text: while a
    // page listens for `input` (or `beforeinput`) on it, Chromium spends time growing with the
    // square of the text on every keystroke before the event (60 ms at 100 K characters, 0.9 s
    // at 400 K). Below LISTEN_BELOW bytes the `input` event is used (it says whether an
    // edit was a paste); above, `selectionchange` (which every keystroke, paste, cut, undo and
    // IME commit raises, and so does setting the value), `keyup`, `paste`, `drop`, `cut` and
    // `compositionend` are, and a paste is known by its `paste` event or its size.
    let take_in = move |kind: Option<String>| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        let value = js_sys::Reflect::get(&el, &JsValue::from_str("value")).unwrap_or_default();
        if seen.with_value(|s| *s == value) {
            return;
        }
        let Some(t) = value.as_string() else { return };
        seen.set_value(value);
        undo.set_value(None);
        // Set from elsewhere along with the text (a host page in embed mode).
        if text.with_untracked(|old| *old == t) {
            return;
        }
        file_note.set(None);
        selected.set(None);
        paused.set(false);
        // A paste or a drop brings a whole text at once: check it now; typing waits.
        let whole = match kind.as_deref() {
            Some(k) => matches!(
                k,
                "insertFromPaste" | "insertFromPasteAsQuotation" | "insertFromDrop"
            ),
            None => text.with_untracked(|old| edit_size(old, &t) > TYPED_AT_ONCE),
        };
        if whole || next_at_once.get_value() {
            at_once.request();
        }
        next_at_once.set_value(false);
        text.set(t);
    };
    let listening = StoredValue::new(false);
    let on_input = StoredValue::new_local(Closure::<dyn FnMut(web_sys::Event)>::new(
        move |ev: web_sys::Event| {
            let kind = ev.dyn_ref::<web_sys::InputEvent>().map(|e| e.input_type());
            take_in(kind);
        },
    ));
    // Listen for `input` only while the text is short.
    Effect::new(move |_| {
        let long = text.with(|t| t.len() >= LISTEN_BELOW);
        let Some(el) = area.get() else { return };
        if long != listening.get_value() {
            return;
        }
        on_input.with_value(|f| {
            let f = f.as_ref().unchecked_ref();
            let _ = if long {
                el.remove_event_listener_with_callback("input", f)
            } else {
                el.add_event_listener_with_callback("input", f)
            };
        });
        listening.set_value(!long);
    });
    let on_other = StoredValue::new_local(Closure::<dyn FnMut(web_sys::Event)>::new(
        move |ev: web_sys::Event| {
            let kind = ev.type_();
            if matches!(kind.as_str(), "paste" | "drop") {
                // Before the text box takes the text in.
                next_at_once.set_value(true);
            }
            // After it has.
            set_timeout(move || take_in(None), std::time::Duration::ZERO);
        },
    ));
    Effect::new(move |_| {
        let Some(el) = area.get() else { return };
        on_other.with_value(|f| {
            let f = f.as_ref().unchecked_ref();
            for kind in OTHER_EVENTS {
                let _ = el.add_event_listener_with_callback(kind, f);
            }
            // Browsers that raise `selectionchange` on the document only.
            let _ = document().add_event_listener_with_callback("selectionchange", f);
        });
    });
    // The listeners go with the component (the closures they call are dropped with it).
    on_cleanup(move || {
        let el = area.try_get_untracked().flatten();
        on_other.try_with_value(|f| {
            let f = f.as_ref().unchecked_ref();
            let _ = document().remove_event_listener_with_callback("selectionchange", f);
            if let Some(el) = &el {
                for kind in OTHER_EVENTS {
                    let _ = el.remove_event_listener_with_callback(kind, f);
                }
            }
        });
        if let Some(el) = &el {
            on_input.try_with_value(|f| {
                let _ = el.remove_event_listener_with_callback("input", f.as_ref().unchecked_ref());
            });
        }
    });
    let clear = move |_| {
        let ok = web_sys::window()
            .and_then(|w| w.confirm_with_message(confirm_clear()).ok())
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
            let en = lang.get_untracked() == Lang::En;
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    file_note.set(Some((false, crate::i18n::file_unreadable(&name, en))));
                    return;
                }
            };
            let format = gouji_input::format_of(&name, &bytes);
            if format == gouji_input::Format::Pdf {
                file_note.set(Some((true, crate::i18n::reading_pdf(&name, en))));
            }
            match crate::open::read(format, &bytes).await {
                Ok(Opened {
                    text,
                    encoding,
                    replaced,
                }) => {
                    // The readers' name for a PDF, in capitals as people write it.
                    let shown = if encoding == "pdf" { "PDF" } else { encoding };
                    let note = crate::i18n::opened(&name, shown, replaced, en);
                    // One level of undo: the text the file replaced, until the next edit.
                    let before =
                        text_signal.with_untracked(|t| (!t.trim().is_empty()).then(|| t.clone()));
                    undo.set_value(before);
                    file_note.set(Some((true, note)));
                    source.set(Some(Source::new(name.clone(), encoding, replaced, &text)));
                    replace_text(text);
                }
                Err(e) => file_note.set(Some((false, format!("“{name}”：{}", e.message(en))))),
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
    // Something dragged over the text box: say it can be dropped there.
    let dragging = RwSignal::new(false);
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
                        .and_then(|w| w.confirm_with_message(confirm_sample()).ok())
                        .unwrap_or(true);
                if ok {
                    file_note.set(None);
                    replace_text(t);
                }
            }) />
            {move || file_note.get().map(|(ok, note)| {
                let restore = (ok && undo.with_value(Option::is_some)).then(|| view! {
                    " "
                    <button
                        type="button"
                        class="undo"
                        data-testid="undo-open"
                        on:click=move |_| {
                            if let Some(t) = undo.try_update_value(Option::take).flatten() {
                                file_note.set(None);
                                replace_text(t);
                            }
                        }
                    >
                        {tr("恢复打开前的文本", "Undo: restore the previous text")}
                    </button>
                });
                view! {
                    <p class=if ok { "file-note" } else { "file-note error" } data-testid="file-note" role="status">
                        {note}
                        {restore}
                    </p>
                }
            })}
            <textarea
                id="report-input"
                data-testid="input"
                node_ref=area
                prop:value=initial
                class:drag-over=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev| {
                    dragging.set(false);
                    on_drop(ev);
                }
                placeholder=tr(
                    "在此粘贴报告全文，或拖入 .txt / .docx / .pdf 文件……",
                    "Paste the whole report here, or drop a .txt / .docx / .pdf file…",
                )
                spellcheck="false"
            ></textarea>
        </div>
    }
}

/// The text box's events that tell of an edit on a long text (see `take_in`).
const OTHER_EVENTS: [&str; 7] = [
    "selectionchange",
    "keyup",
    "paste",
    "drop",
    "cut",
    "compositionend",
    "change",
];

/// Texts shorter than this (in bytes) are read through the `input` event; see `take_in`.
const LISTEN_BELOW: usize = 150_000;

/// An edit that inserts or removes more than this many bytes is checked at once, as a paste
/// is, when the text box cannot say what it was (a long text, see `take_in`): typing, IME
/// commits included, brings a few characters at a time.
const TYPED_AT_ONCE: usize = 200;

/// How many bytes an edit from `old` to `new` inserted or removed, whichever is more: what is
/// left between their common beginning and their common end.
fn edit_size(old: &str, new: &str) -> usize {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (a.len() - prefix - suffix).max(b.len() - prefix - suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_is_measured_between_the_common_ends() {
        assert_eq!(edit_size("合计100元", "合计100元"), 0);
        assert_eq!(edit_size("合计100元", "合计1000元"), 1);
        assert_eq!(edit_size("合计100元", "合计元"), 3);
        assert_eq!(edit_size("", "甲乙"), 6);
        assert_eq!(edit_size("aaaa", "aa"), 2);
        assert_eq!(edit_size("abc", "xyz"), 3);
    }
}
