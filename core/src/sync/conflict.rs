//! What an import reports, and the conflicts it records for the coordinator.

use crate::{HubId, JournalEntry, JournalEntryId};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// An entry of an imported batch that could not be applied: the same unit
/// sold offline at two tills, a shift checked in after it was cancelled, an
/// action that only the hub itself may perform. Recorded once; a coordinator
/// resolves it with ordinary calls (a refund, a correction move).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncConflict {
    /// The refused entry's id.
    pub entry_id: JournalEntryId,
    /// The hub the batch came from.
    pub source_hub: HubId,
    /// The refused entry's action, e.g. `sale.made`.
    pub action: String,
    /// What it was about.
    pub entity: String,
    /// The id of what it was about.
    pub entity_id: String,
    /// Why it could not be applied (the receiving hub's error).
    pub reason: String,
    /// When the import met it.
    pub detected_at: DateTime<Utc>,
    /// The refused entry as it was sent (no personal fields: the journal
    /// never holds them).
    pub entry: JournalEntry,
}

/// The outcome of one import.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// The hub the batch came from.
    pub source_hub: HubId,
    /// Entries applied now.
    pub applied: u32,
    /// Entries skipped because this hub already had them (applied or
    /// recorded as a conflict by an earlier import).
    pub seen: u32,
    /// Entries that could not be applied, recorded now.
    pub conflicts: Vec<SyncConflict>,
    /// The last source position covered; send later batches after it.
    pub up_to_seq: i64,
}
