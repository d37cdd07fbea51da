//! The export batch: journal entries in order, with the personal fields of
//! signals carried apart from the journal.

use crate::{Error, HubId, JournalRecord, Result, SignalId, SignalPersonal};
use serde::{Deserialize, Serialize};

/// The version of the batch format this build writes and reads.
pub const BATCH_FORMAT: u32 = 1;

/// The most entries an export puts in one batch, and an import accepts (a
/// day at a busy till is a few hundred entries; a month offline a few
/// thousand). A snapshot has no limit.
pub const MAX_BATCH_ENTRIES: usize = 100_000;

/// What a hub recorded after a journal position, ready to be imported by
/// another hub.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SyncBatch {
    /// [`BATCH_FORMAT`] of the writer.
    pub format: u32,
    /// The hub that wrote the entries.
    pub hub_id: HubId,
    /// Its slug (for people reading the file).
    pub hub_slug: String,
    /// The entries follow this journal position of the writing hub.
    pub after_seq: i64,
    /// The last position included (`after_seq` when the batch is empty).
    pub up_to_seq: i64,
    /// The entries, in journal order.
    pub entries: Vec<JournalRecord>,
    /// The personal fields of the signals recorded in `entries`, which the
    /// journal never holds. Erased (purged) signals have none.
    #[serde(default)]
    pub personal: Vec<PersonalFields>,
}

/// The personal fields of one signal in a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonalFields {
    /// The signal.
    pub signal_id: SignalId,
    /// Its personal fields.
    pub fields: SignalPersonal,
}

impl SyncBatch {
    /// Parses a batch from JSON, refusing another format version and
    /// entries out of journal order with a `validation` error.
    pub fn from_json(json: &str) -> Result<SyncBatch> {
        // Parsed to a tree first, then read from it: the decoding of the
        // entries' details reads from the same tree type, so one family of
        // readers serves both.
        let bad =
            |e: serde_json::Error| Error::validation("batch", format!("not a sync batch: {e}"));
        let tree: serde_json::Value = serde_json::from_str(json).map_err(bad)?;
        let batch = SyncBatch::deserialize(&tree).map_err(bad)?;
        batch.check()?;
        Ok(batch)
    }

    /// The batch as JSON.
    pub fn to_json(&self) -> String {
        crate::journal::detail(self).to_string()
    }

    /// Checks what serde cannot: the format and the order.
    pub fn check(&self) -> Result<()> {
        if self.format != BATCH_FORMAT {
            return Err(Error::validation(
                "format",
                format!(
                    "batch format {} is not supported (this build reads {BATCH_FORMAT})",
                    self.format
                ),
            ));
        }
        let mut last = self.after_seq;
        for r in &self.entries {
            if r.seq <= last {
                return Err(Error::validation(
                    "entries",
                    format!(
                        "entry {} is out of journal order (seq {})",
                        r.entry.id, r.seq
                    ),
                ));
            }
            last = r.seq;
        }
        if last > self.up_to_seq {
            return Err(Error::validation(
                "upToSeq",
                format!(
                    "upToSeq {} is below the last entry's seq {last}",
                    self.up_to_seq
                ),
            ));
        }
        Ok(())
    }

    /// The personal fields carried for `signal`, if any.
    pub fn personal_of(&self, signal: SignalId) -> Option<&SignalPersonal> {
        self.personal
            .iter()
            .find(|p| p.signal_id == signal)
            .map(|p| &p.fields)
    }
}
