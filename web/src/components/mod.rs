//! The app's small components.

mod exports;
mod filter_bar;
mod findings_list;
mod ledger_list;
mod pages;
mod paste_area;
mod samples;
mod stats_line;
mod text_view;

pub use exports::{to_csv, to_json, Exports};
pub use filter_bar::FilterBar;
pub use findings_list::FindingsList;
pub use ledger_list::LedgerList;
pub use paste_area::PasteArea;
pub use samples::SamplePicker;
pub use stats_line::StatsLine;
pub use text_view::TextView;

use gouji_core::Severity;

/// A text icon for a severity.
pub fn severity_icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}
