//! Stage 1: reading the text. Normalising it, cutting it into paragraphs and headings,
//! finding every quantity, laying out tables: what the [`document::Document`] holds. Nothing
//! here knows what a claim or a rule is.

pub mod document;
pub mod grid;
pub mod interval;
pub mod normalize;
pub mod quantity;
pub mod search;
pub mod segment;
pub mod table;
