use leptos::prelude::*;

/// The project's own seed reports, built into the app so that they are one click away offline
/// (about 45 KB gzipped).
pub const SAMPLES: &[(&str, &str, &str)] = &[
    (
        "renhe",
        "仁和 2020 部门决算",
        include_str!("../../../tests/fixtures/samples/renhe-2020-final-accounts.txt"),
    ),
    (
        "dongning",
        "东宁 2020 部门决算",
        include_str!("../../../tests/fixtures/samples/dongning-2020-final-accounts.txt"),
    ),
    (
        "xinglongtai",
        "兴隆台 2022 部门决算",
        include_str!("../../../tests/fixtures/samples/xinglongtai-2022-final-accounts.txt"),
    ),
    (
        "qujiang",
        "曲江 2021 绩效自评",
        include_str!(
            "../../../tests/fixtures/samples/qujiang-2021-performance-self-evaluation.txt"
        ),
    ),
    (
        "lechang",
        "乐昌 2020 绩效自评",
        include_str!(
            "../../../tests/fixtures/samples/lechang-2020-performance-self-evaluation.txt"
        ),
    ),
];

/// Buttons that load a sample report into the text box.
#[component]
pub fn SamplePicker(on_pick: Callback<String>) -> impl IntoView {
    let tr = crate::i18n::tr;
    let buttons = SAMPLES
        .iter()
        .map(|(id, name, text)| {
            let text = text.to_string();
            view! {
                <button
                    type="button"
                    class="sample"
                    data-testid=format!("sample-{id}")
                    on:click=move |_| on_pick.run(text.clone())
                >
                    {*name}
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
