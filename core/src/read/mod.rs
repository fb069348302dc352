//! Stage 1 of **read** → claims → check → report: the text read. Normalised ([`normalize`]),
//! cut into lines, headings, paragraphs and sentences ([`segment`]), its pasted and laid-out
//! tables rebuilt ([`table`], [`grid`]), every quantity found ([`quantity`], with its
//! tolerance as an [`interval`]): what the [`document::Document`] holds. Nothing here knows
//! what a claim or a rule is.

pub mod document;
pub mod grid;
pub mod interval;
pub mod normalize;
pub mod page;
pub mod quantity;
pub mod search;
pub mod segment;
pub mod table;
