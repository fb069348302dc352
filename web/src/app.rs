//! The root component: creates the [`Store`], starts the keyboard's shortcuts
//! ([`crate::keys`]) and lays the page out.

use leptos::prelude::*;

use crate::components::{
    Exports, FilterBar, FindingsList, LedgerList, PasteArea, StatsLine, TextView,
};
use crate::i18n::Lang;
use crate::store::Store;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    let stale = move || store.stale();

    crate::keys::listen(store);

    let embed = crate::embed::EmbedParams::current();
    let embedded = embed.embed;
    if embedded {
        crate::embed::start(embed, store.input, store.paused, store.checked);
    }

    let lang = crate::i18n::provide_lang();
    let tr = crate::i18n::tr;
    view! {
        <header class="top">
            <div class="title-row">
                <h1>{tr("勾稽 · 决算报告数字核查", "Gouji · checking the figures of budget reports")}</h1>
                <button
                    type="button"
                    class="lang"
                    data-testid="lang"
                    lang=move || if lang.get() == Lang::En { "zh-CN" } else { "en" }
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::En { Lang::Zh } else { Lang::En })
                >
                    {tr("English", "中文")}
                </button>
            </div>
            <p class="tagline">
                {tr(
                    "粘贴部门预算、决算或绩效自评报告的正文，自动核对其中的合计、增减、比例、表格与前后数据。全部计算在本机浏览器中完成，文本不会上传。",
                    "Paste the text of a budget, final-accounts or performance report: its totals, changes, shares, tables and restated figures are checked. Everything runs in this browser; the text is never uploaded.",
                )}
            </p>
            <p class="keys">
                {tr(
                    "键盘：j / k 下一条 / 上一条问题，e 编辑正文，t 查看标注原文",
                    "Keys: j / k next / previous finding, e edit the text, t the marked text",
                )}
            </p>
        </header>
        <main
            class="layout"
            class:stale=stale
            data-testid="layout"
            data-checker=move || if store.out.in_worker.get() { "worker" } else { "main-thread" }
        >
            <section class="pane pane-text" aria-label=tr("报告原文", "Report text")>
                <PasteArea text=store.input selected=store.selected paused=store.paused source=store.source />
                <TextView checked=store.checked selected=store.selected />
            </section>
            <section
                class="pane pane-findings"
                aria-label=tr("核查结果", "Results")
                aria-busy=move || if store.busy.with(Option::is_some) { "true" } else { "false" }
            >
                <StatsLine checked=store.checked paused=store.paused busy=store.busy failure=store.out.failure />
                <Exports checked=store.checked input=store.input source=store.source />
                <FilterBar checked=store.checked filter=store.filter />
                <FindingsList checked=store.checked selected=store.selected visible=store.visible />
                <LedgerList checked=store.checked />
            </section>
        </main>
        <Show when=move || !embedded && !opened_from_disk()>
            <OfflineFooter />
        </Show>
    }
}

/// Whether the page was opened from a file (the single-file bundle): it is offline already.
fn opened_from_disk() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// The link to the single-file bundle (`scripts/build-single` puts `gouji.html` beside the
/// app), for checking reports on a machine without network.
#[component]
fn OfflineFooter() -> impl IntoView {
    let tr = crate::i18n::tr;
    view! {
        <footer class="bottom">
            <a href="gouji.html" download=tr("勾稽-离线版.html", "gouji-offline.html") data-testid="offline-download">
                {tr("下载离线版", "Download the offline version")}
            </a>
            " "
            <span class="muted">
                {tr(
                    "（单个 HTML 文件：保存后双击即可打开，无需网络，也不会联网）",
                    "(one HTML file: open it from disk, no network needed or used)",
                )}
            </span>
        </footer>
    }
}
