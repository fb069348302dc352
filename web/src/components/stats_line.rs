use leptos::prelude::*;

use crate::checker::Failure;
use crate::store::Checked;

/// What was checked and how it came out, plus the engine's notice for unusable input.
#[component]
pub fn StatsLine(
    checked: Memo<Option<Checked>>,
    paused: RwSignal<bool>,
    /// The size of the text being checked (or waiting for the typing pause), meanwhile.
    busy: Signal<Option<usize>>,
    /// Why the newest text could not be checked.
    failure: RwSignal<Option<Failure>>,
) -> impl IntoView {
    let lang = crate::i18n::lang();
    let line = move || {
        let en = lang.get() == crate::i18n::Lang::En;
        if paused.get() {
            return crate::i18n::paused(en).to_string();
        }
        if let Some(chars) = busy.get() {
            return crate::i18n::checking(chars, en);
        }
        match failure.get() {
            Some(Failure::Trapped(why)) => return crate::i18n::check_failed(&why, en),
            Some(Failure::TooSlow { chars, seconds }) => {
                let previous = checked.with(Option::is_some);
                return crate::i18n::too_slow(chars, seconds, previous, en);
            }
            None => {}
        }
        checked.with(|c| match c {
            None => crate::i18n::no_report(en).to_string(),
            Some(c) => crate::i18n::stats_line(&c.report.stats, en),
        })
    };
    let kind = move || {
        let en = lang.get() == crate::i18n::Lang::En;
        checked.with(|c| Some(crate::i18n::kind_line(&c.as_ref()?.report.report, en)))
    };
    let notice = move || {
        let en = lang.get() == crate::i18n::Lang::En;
        checked
            .with(|c| c.as_ref().and_then(|c| crate::i18n::notice(&c.report, en)))
            .map(|n| {
                view! {
                    <p class="notice" role="alert" data-testid="notice">
                        {n}
                    </p>
                }
            })
    };
    let tr = crate::i18n::tr;
    view! {
        <div class="summary">
            <p class="stats" data-testid="stats" aria-live="polite">
                {line}
            </p>
            {move || kind().map(|k| view! { <p class="kind" data-testid="kind">{k}</p> })}
            {notice}
            <Show when=move || paused.get()>
                <p class="notice" role="alert" data-testid="paused">
                    {tr("可以先修改文本，或", "Edit the text first, or ")}
                    <button type="button" data-testid="resume" on:click=move |_| paused.set(false)>
                        {tr("重新核查", "check it again")}
                    </button>
                </p>
            </Show>
        </div>
    }
}
