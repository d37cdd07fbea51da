//! Research tables: tidy tables, one row per fact, for researchers.
//!
//! Every table holds coded facts, dates and numbers only: no name, no
//! contact, no free text (summaries, notes, descriptions, reasons, titles).
//! Every identifier — of a person (a volunteer, a resident, the actor who
//! sold or recorded something) and of a record (a sale, an item, a signal)
//! — appears only as a **pseudonymous key**: the first 16 hex characters of
//! HMAC-SHA256 under the hub's own secret ([`HubSecret`]) of
//! `"<kind>:<id>"`. Keys are stable within a hub, so tables join on them
//! (`shifts.volunteer_key` = `volunteers.volunteer_key`), and cannot be
//! linked to the records, or across hubs, without the secret, which is
//! never exported.
//!
//! The columns of each table are declared here ([`ResearchTable::columns`]);
//! the store pushes its raw values in that column order into a
//! [`BatchBuilder`], which turns identifiers into keys and parses dates as
//! they arrive, straight into the columns of a [`ResearchBatch`] (text
//! packed as [`TextValues`], ready for Arrow without a copy).
//! `docs/research.md` describes every column.

mod batch;
mod builder;
mod pseudonym;
mod table;
mod text;

pub use batch::{Cell, ColumnData, ResearchBatch, ResearchCursor, Values};
pub use builder::BatchBuilder;
pub use pseudonym::{HubSecret, KEY_HEX_LEN, Pseudonymiser};
pub use table::{Column, ColumnKind, DataType, ResearchTable};
pub use text::TextValues;

/// Rows per batch when the caller does not choose (each batch is one query).
pub const RESEARCH_BATCH_ROWS: usize = 8_192;

/// The most rows one batch may hold.
pub const RESEARCH_BATCH_MAX: usize = 1_000_000;
