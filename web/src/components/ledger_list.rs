use gouji_core::{LedgerEntry, Outcome};
use leptos::prelude::*;

use crate::components::pages::{PageKey, Pages, PAGE};
use crate::store::Checked;

/// What was checked and found consistent (and what could not be checked), on request. A
/// long text has thousands of entries: they are listed a page at a time, each page an item
/// of a keyed `<For>`.
#[component]
pub fn LedgerList(checked: Memo<Option<Checked>>) -> impl IntoView {
    let open = RwSignal::new(false);
    let lang = crate::i18n::lang();
    let counts = move || {
        checked.with(|c| {
            c.as_ref().map_or((0, 0), |c| {
                (c.report.stats.verified, c.report.stats.unchecked)
            })
        })
    };
    // The entries listed, by index into the ledger: every claim but those with a finding.
    let listed = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        checked.with(|c| {
            c.as_ref().map_or_else(Vec::new, |c| {
                let ledger = c.report.ledger.iter().enumerate();
                ledger
                    .filter(|(_, e)| e.outcome != Outcome::Failed)
                    .map(|(i, _)| i)
                    .collect()
            })
        })
    });
    let pages = Pages::new(
        move || {
            checked.track();
            listed.track();
        },
        move || listed.with(Vec::len),
    );
    let page_view = move |k: PageKey| {
        let items = listed.with_untracked(|v| v[k.range(v.len())].to_vec());
        checked.with_untracked(|c| {
            c.as_ref().map(|c| {
                items
                    .iter()
                    .map(|&i| entry(&c.report.ledger[i], k.en))
                    .collect_view()
            })
        })
    };
    let more = move || {
        let (total, hidden) = (listed.with(Vec::len), pages.hidden());
        (hidden > 0).then(|| {
            let en = lang.get() == crate::i18n::Lang::En;
            view! {
                <button type="button" class="show-all" data-testid="show-more-ledger" on:click=move |_| pages.more()>
                    {crate::i18n::show_more_ledger(hidden.min(PAGE), total, hidden, en)}
                </button>
            }
        })
    };
    view! {
        <Show when=move || checked.with(Option::is_some)>
            <div class="ledger-wrap">
                <button
                    type="button"
                    class="toggle"
                    data-testid="show-ledger"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || {
                        let (v, u) = counts();
                        crate::i18n::ledger_toggle(open.get(), v, u, lang.get() == crate::i18n::Lang::En)
                    }}
                </button>
                <Show when=move || open.get()>
                    <ol class="ledger" data-testid="ledger">
                        <For each=move || pages.keys(lang.get() == crate::i18n::Lang::En) key=|k| *k children=page_view />
                    </ol>
                    {more}
                </Show>
            </div>
        </Show>
    }
}

/// One entry: consistent or not checkable, its rule, line, quote and detail.
fn entry(e: &LedgerEntry, en: bool) -> impl IntoView {
    let ok = e.outcome == Outcome::Verified;
    view! {
        <li class=if ok { "verified" } else { "unchecked" } data-testid="ledger-entry">
            <span class="icon" aria-hidden="true">{if ok { "✔" } else { "？" }}</span>
            <span class="state">{crate::i18n::ledger_state(ok, en)}</span>
            <code class="rule">{e.rule}</code>
            <span class="line">{crate::i18n::place(None, e.line, en)}</span>
            <q>{e.quote.clone()}</q>
            <span class="detail">{if en { e.detail_en.clone() } else { e.detail.clone() }}</span>
        </li>
    }
}
