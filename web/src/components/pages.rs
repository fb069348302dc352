//! A long list shown a page at a time (the findings): the first page, and the next ones on
//! request. Each page is an item of a keyed `<For>`, rendered once and kept while more are
//! added after it; a new list (a new result, another filter) starts again at one page.

use std::ops::Range;

use leptos::prelude::*;

/// How many items one page holds. A 1 MB text can have thousands of findings; a page renders
/// in a few milliseconds.
pub const PAGE: usize = 50;

/// One page of a list, keyed by the list it shows (`generation`), its number and the
/// language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageKey {
    pub generation: u64,
    pub page: usize,
    pub en: bool,
}

impl PageKey {
    /// The positions of this page's items in a list of `len`.
    pub fn range(self, len: usize) -> Range<usize> {
        let end = ((self.page + 1) * PAGE).min(len);
        (self.page * PAGE).min(end)..end
    }
}

/// How much of a list is shown. Its length is passed in where it is needed, read (tracked or
/// not) by the caller.
#[derive(Clone, Copy)]
pub struct Pages {
    /// Counts the lists shown: a new one whenever what `new` tracks changes.
    generation: Memo<u64>,
    /// Items to show, and the generation that was set for.
    limit: RwSignal<(u64, usize)>,
}

impl Pages {
    /// `track` reads what makes a new list (the result, the filter).
    pub fn new(track: impl Fn() + Send + Sync + 'static) -> Self {
        Pages {
            generation: Memo::new(move |prev: Option<&u64>| {
                track();
                prev.map_or(0, |p| p + 1)
            }),
            limit: RwSignal::new((0, PAGE)),
        }
    }

    fn limit(generation: u64, (set_in, limit): (u64, usize)) -> usize {
        if set_in == generation {
            limit
        } else {
            PAGE
        }
    }

    /// How many of `len` items are shown (tracked).
    pub fn shown(self, len: usize) -> usize {
        len.min(Self::limit(self.generation.get(), self.limit.get()))
    }

    /// How many of `len` items are not shown yet (tracked).
    pub fn hidden(self, len: usize) -> usize {
        len - self.shown(len)
    }

    /// Shows at least the first `n` items, in whole pages.
    pub fn show_until(self, n: usize) {
        let g = self.generation.get_untracked();
        if n > Self::limit(g, self.limit.get_untracked()) {
            self.limit.set((g, n.div_ceil(PAGE) * PAGE));
        }
    }

    /// Shows one more page of a list of `len` items.
    pub fn more(self, len: usize) {
        let shown = self
            .generation
            .with_untracked(|&g| len.min(Self::limit(g, self.limit.get_untracked())));
        self.show_until(shown + PAGE);
    }

    /// The pages shown of the list `len` measures, each rendered by `page`, as a keyed
    /// `<For>`.
    pub fn view<V: IntoView + 'static>(
        self,
        len: impl Fn() -> usize + Send + Sync + 'static,
        page: impl Fn(PageKey) -> V + Send + Clone + 'static,
    ) -> impl IntoView {
        let lang = crate::i18n::lang();
        let keys = move || {
            let (generation, en) = (self.generation.get(), lang.get() == crate::i18n::Lang::En);
            let pages = self.shown(len()).div_ceil(PAGE);
            (0..pages).map(move |page| PageKey {
                generation,
                page,
                en,
            })
        };
        view! { <For each=keys key=|k| *k children=page /> }
    }
}
