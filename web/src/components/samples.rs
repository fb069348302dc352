use gouji_core::samples::Sample;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

// The samples are the core's list (`gouji_core::samples`). Their text is not in the app: the
// served app fetches `samples/<file>` from its own origin when one is asked for; the
// single-file bundle carries each as a data block (`<script type="text/plain"
// id="gouji-sample-<id>">`).

/// A sample's text: from the page's data block, else fetched from the page's own origin; the
/// error says why not in English when `en`.
pub async fn sample_text(id: &str, file: &str, en: bool) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    if let Some(block) = window
        .document()
        .and_then(|d| d.get_element_by_id(&format!("gouji-sample-{id}")))
    {
        return Ok(block.text_content().unwrap_or_default());
    }
    let failed = |_| crate::i18n::sample_failed(file, None, en);
    let response = JsFuture::from(window.fetch_with_str(&format!("samples/{file}")))
        .await
        .map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(failed)?;
    if !response.ok() {
        return Err(crate::i18n::sample_failed(
            file,
            Some(response.status()),
            en,
        ));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    text.as_string()
        .ok_or_else(|| crate::i18n::sample_failed(file, None, en))
}

/// Buttons that load a sample report into the text box.
#[component]
pub fn SamplePicker(on_pick: Callback<String>) -> impl IntoView {
    let tr = crate::i18n::tr;
    let lang = crate::i18n::lang();
    let buttons = gouji_core::samples::SAMPLES
        .iter()
        .map(
            |&Sample {
                 id,
                 file,
                 label_zh,
                 label_en,
             }| {
                view! {
                    <button
                        type="button"
                        class="sample"
                        data-testid=format!("sample-{id}")
                        on:click=move |_| {
                            let en = lang.get_untracked() == crate::i18n::Lang::En;
                            leptos::task::spawn_local(async move {
                                match sample_text(id, file, en).await {
                                    Ok(text) => on_pick.run(text),
                                    Err(e) => web_sys::console::warn_1(&e.into()),
                                }
                            });
                        }
                    >
                        {tr(label_zh, label_en)}
                    </button>
                }
            },
        )
        .collect_view();
    view! {
        <div class="samples" role="group" aria-label=tr("示例报告", "Sample reports")>
            <span class="label">{tr("示例：", "Samples: ")}</span>
            {buttons}
        </div>
    }
}
