//! A long list shown a page at a time (the findings, the ledger): the first page, and the
//! next ones on request. Each page is an item of a keyed `<For>`, rendered once and kept
//! while more are added after it; a new list (a new result, another filter) starts again at
//! one page.

use std::ops::Range;

use leptos::prelude::*;

/// How many items one page holds. A 1 MB text can have thousands of findings and ledger
/// entries; a page renders in a few milliseconds.
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

/// How much of a list is shown.
#[derive(Clone, Copy)]
pub struct Pages {
    /// Counts the lists shown: a new one whenever what `new` tracks changes.
    generation: Memo<u64>,
    /// Items to show, and the generation that was set for.
    limit: RwSignal<(u64, usize)>,
    len: Signal<usize>,
}

impl Pages {
    /// `track` reads what makes a new list (the result, the filter); `len` is its length.
    pub fn new(
        track: impl Fn() + Send + Sync + 'static,
        len: impl Fn() -> usize + Send + Sync + 'static,
    ) -> Self {
        Pages {
            generation: Memo::new(move |prev: Option<&u64>| {
                track();
                prev.map_or(0, |p| p + 1)
            }),
            limit: RwSignal::new((0, PAGE)),
            len: Signal::derive(len),
        }
    }

    fn limit(generation: u64, (set_in, limit): (u64, usize)) -> usize {
        if set_in == generation {
            limit
        } else {
            PAGE
        }
    }

    /// How many items are shown (tracked).
    pub fn shown(self) -> usize {
        let limit = Self::limit(self.generation.get(), self.limit.get());
        self.len.get().min(limit)
    }

    /// How many items are shown, untracked.
    pub fn shown_untracked(self) -> usize {
        let limit = Self::limit(self.generation.get_untracked(), self.limit.get_untracked());
        self.len.get_untracked().min(limit)
    }

    /// How many items are not shown yet (tracked).
    pub fn hidden(self) -> usize {
        self.len.get() - self.shown()
    }

    /// Shows at least the first `n` items, in whole pages.
    pub fn show_until(self, n: usize) {
        let g = self.generation.get_untracked();
        if n > Self::limit(g, self.limit.get_untracked()) {
            self.limit.set((g, n.div_ceil(PAGE) * PAGE));
        }
    }

    /// Shows one more page.
    pub fn more(self) {
        self.show_until(self.shown_untracked() + PAGE);
    }

    /// The pages shown (tracked), for a keyed `<For>`.
    pub fn keys(self, en: bool) -> impl Iterator<Item = PageKey> {
        let generation = self.generation.get();
        (0..self.shown().div_ceil(PAGE)).map(move |page| PageKey {
            generation,
            page,
            en,
        })
    }
}
