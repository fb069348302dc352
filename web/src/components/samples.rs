use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The project's own seed reports: (id, label, file). Their text is not in the app: the served
/// app fetches `samples/<file>` from its own origin when one is asked for; the single-file
/// bundle carries each as a data block (`<script type="text/plain" id="gouji-sample-<id>">`).
pub const SAMPLES: &[(&str, &str, &str)] = &[
    (
        "renhe",
        "仁和 2020 部门决算",
        "renhe-2020-final-accounts.txt",
    ),
    (
        "dongning",
        "东宁 2020 部门决算",
        "dongning-2020-final-accounts.txt",
    ),
    (
        "xinglongtai",
        "兴隆台 2022 部门决算",
        "xinglongtai-2022-final-accounts.txt",
    ),
    (
        "qujiang",
        "曲江 2021 绩效自评",
        "qujiang-2021-performance-self-evaluation.txt",
    ),
    (
        "lechang",
        "乐昌 2020 绩效自评",
        "lechang-2020-performance-self-evaluation.txt",
    ),
];

/// A sample's text: from the page's data block, else fetched from the page's own origin.
pub async fn sample_text(id: &str, file: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    if let Some(block) = window
        .document()
        .and_then(|d| d.get_element_by_id(&format!("gouji-sample-{id}")))
    {
        return Ok(block.text_content().unwrap_or_default());
    }
    let failed = |_| format!("示例读取失败：samples/{file}");
    let response = JsFuture::from(window.fetch_with_str(&format!("samples/{file}")))
        .await
        .map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(failed)?;
    if !response.ok() {
        return Err(format!(
            "示例读取失败：samples/{file}（{}）",
            response.status()
        ));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    text.as_string()
        .ok_or_else(|| format!("示例读取失败：samples/{file}"))
}

/// Buttons that load a sample report into the text box.
#[component]
pub fn SamplePicker(on_pick: Callback<String>) -> impl IntoView {
    let tr = crate::i18n::tr;
    let buttons = SAMPLES
        .iter()
        .map(|&(id, name, file)| {
            view! {
                <button
                    type="button"
                    class="sample"
                    data-testid=format!("sample-{id}")
                    on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            match sample_text(id, file).await {
                                Ok(text) => on_pick.run(text),
                                Err(e) => web_sys::console::warn_1(&e.into()),
                            }
                        });
                    }
                >
                    {name}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="samples" role="group" aria-label="示例报告">
            <span class="label">{tr("示例：", "Samples: ")}</span>
            {buttons}
        </div>
    }
}
