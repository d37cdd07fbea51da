//! The append-only journal: every change records who, when and what. Entries
//! are written by the store in the same atomic unit as the change itself.

use crate::{Actor, Clock, JournalEntryId, Role};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One journalled change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    /// Time-ordered id.
    pub id: JournalEntryId,
    /// When the change happened.
    pub at: DateTime<Utc>,
    /// Who made it (the actor's name).
    pub actor: String,
    /// In which role.
    pub role: Role,
    /// What happened, as a dotted code, e.g. `volunteer.registered`.
    pub action: String,
    /// The kind of thing changed, e.g. `volunteer`.
    pub entity: String,
    /// The id of the thing changed.
    pub entity_id: String,
    /// The new state or the change, as JSON.
    pub detail: serde_json::Value,
}

impl JournalEntry {
    /// A new entry stamped by `clock` for `actor`.
    pub fn new(
        clock: &dyn Clock,
        actor: &Actor,
        action: &str,
        entity: &str,
        entity_id: impl ToString,
        detail: serde_json::Value,
    ) -> JournalEntry {
        JournalEntry {
            id: JournalEntryId::generate(clock),
            at: clock.now(),
            actor: actor.name().to_string(),
            role: actor.role(),
            action: action.to_string(),
            entity: entity.to_string(),
            entity_id: entity_id.to_string(),
            detail,
        }
    }
}

/// Serialises a value for [`JournalEntry::detail`].
pub fn detail<T: Serialize>(value: &T) -> serde_json::Value {
    // Serialising kringloop's own types to a JSON value cannot fail (all map
    // keys are strings); should it ever, the entry keeps the error text rather
    // than losing the change.
    serde_json::to_value(value)
        .unwrap_or_else(|e| serde_json::json!({ "unserialisable": e.to_string() }))
}

/// A stored journal entry with its position in the hub's journal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalRecord {
    /// Position in the hub's journal (strictly increasing, gaps possible).
    pub seq: i64,
    /// The entry.
    #[serde(flatten)]
    pub entry: JournalEntry,
}
