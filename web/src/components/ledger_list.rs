use gouji_core::Outcome;
use leptos::prelude::*;

use crate::store::Checked;

/// What was checked and found consistent (and what could not be checked), on request.
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
    let rows = move || {
        if !open.get() {
            return None;
        }
        let en = lang.get() == crate::i18n::Lang::En;
        checked.with(|c| {
            let c = c.as_ref()?;
            let items = c
                .report
                .ledger
                .iter()
                .filter(|e| e.outcome != Outcome::Failed)
                .map(|e| {
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
                })
                .collect_view();
            Some(view! { <ol class="ledger" data-testid="ledger">{items}</ol> })
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
                {rows}
            </div>
        </Show>
    }
}
