use leptos::prelude::*;

use crate::app::Selection;

/// The textarea the report is pasted into.
#[component]
pub fn PasteArea(
    text: RwSignal<String>,
    selected: RwSignal<Option<Selection>>,
    /// Cleared by any edit: the user has changed the text that crashed the checker.
    paused: RwSignal<bool>,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    // Set once: the textarea owns its value afterwards (rewriting it on every input would
    // disturb the caret and IME composition).
    let initial = text.get_untracked();
    let on_input = move |ev| {
        selected.set(None);
        paused.set(false);
        text.set(event_target_value(&ev));
    };
    let clear = move |_| {
        if let Some(el) = area.get() {
            el.set_value("");
            let _ = el.focus();
        }
        selected.set(None);
        paused.set(false);
        text.set(String::new());
    };
    view! {
        <div class="paste">
            <div class="pane-head">
                <label for="report-input" class="pane-title">"报告正文"</label>
                <span class="count">
                    {move || text.with(|t| format!("{} 字", t.chars().count()))}
                </span>
                <button
                    type="button"
                    class="clear"
                    data-testid="clear"
                    on:click=clear
                    disabled=move || text.with(String::is_empty)
                >
                    "清空"
                </button>
            </div>
            <textarea
                id="report-input"
                data-testid="input"
                node_ref=area
                prop:value=initial
                on:input=on_input
                placeholder="在此粘贴报告全文（纯文本）……"
                spellcheck="false"
            ></textarea>
        </div>
    }
}
