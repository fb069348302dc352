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
        if paused.get() && en {
            return "The last check of this text crashed the page: automatic checking is paused."
                .to_string();
        }
        if paused.get() {
            return "上次核查这段文本时页面出错，已暂停自动核查。".to_string();
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
            None if en => "No report yet. Paste its text to check it.".to_string(),
            None => "尚未输入报告。粘贴正文后自动核查。".to_string(),
            Some(c) if en => {
                let s = c.report.stats;
                format!(
                    "Checked {} relations: {} consistent, {} errors, {} warnings, {} notes, {} not checkable",
                    s.claims, s.verified, s.errors, s.warnings, s.infos, s.unchecked
                )
            }
            Some(c) => {
                let s = c.report.stats;
                let mut line = format!(
                    "核查 {} 处数字关系：一致 {}，错误 {}，警告 {}，提示 {}",
                    s.claims, s.verified, s.errors, s.warnings, s.infos
                );
                if s.unchecked > 0 {
                    line.push_str(&format!("，无法核查 {}", s.unchecked));
                }
                line
            }
        })
    };
    let kind = move || {
        let en = lang.get() == crate::i18n::Lang::En;
        checked.with(|c| {
            let info = &c.as_ref()?.report.report;
            let kind = crate::i18n::report_kind(info.kind, en);
            Some(match (info.year, en) {
                (Some(y), true) => format!("Report type: {kind} · {y}"),
                (None, true) => format!("Report type: {kind}"),
                (Some(y), false) => format!("报告类型：{kind} · {y} 年度"),
                (None, false) => format!("报告类型：{kind}"),
            })
        })
    };
    let notice = move || {
        checked
            .with(|c| c.as_ref().and_then(|c| c.report.notice.clone()))
            .map(|n| {
                view! {
                    <p class="notice" role="alert" data-testid="notice">
                        {n}
                    </p>
                }
            })
    };
    view! {
        <div class="summary">
            <p class="stats" data-testid="stats" aria-live="polite">
                {line}
            </p>
            {move || kind().map(|k| view! { <p class="kind" data-testid="kind">{k}</p> })}
            {notice}
            <Show when=move || paused.get()>
                <p class="notice" role="alert" data-testid="paused">
                    "可以先修改文本，或"
                    <button type="button" data-testid="resume" on:click=move |_| paused.set(false)>
                        "重新核查"
                    </button>
                </p>
            </Show>
        </div>
    }
}
