//! The export batch: journal entries in order, with the personal fields of
//! signals carried apart from the journal.

use super::decode::{FromJournal, Obj, Read};
use crate::{Error, HubId, JournalRecord, Result, SignalId, SignalPersonal};
use serde::Serialize;
use serde_json::Value;

/// The version of the batch format this build writes and reads.
pub const BATCH_FORMAT: u32 = 1;

/// The most entries an export puts in one batch, and an import accepts (a
/// day at a busy till is a few hundred entries; a month offline a few
/// thousand). A snapshot has no limit.
pub const MAX_BATCH_ENTRIES: usize = 100_000;

/// What a hub recorded after a journal position, ready to be imported by
/// another hub.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    pub personal: Vec<PersonalFields>,
}

/// The personal fields of one signal in a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
        let bad = |why: String| Error::validation("batch", format!("not a sync batch: {why}"));
        let tree: Value = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
        let batch = SyncBatch::from_journal(&tree).map_err(bad)?;
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

impl FromJournal for SyncBatch {
    fn from_journal(v: &Value) -> Read<SyncBatch> {
        let o = Obj::of(v)?;
        Ok(SyncBatch {
            format: o.get("format")?,
            hub_id: o.get("hubId")?,
            hub_slug: o.get("hubSlug")?,
            after_seq: o.get("afterSeq")?,
            up_to_seq: o.get("upToSeq")?,
            entries: o.get("entries")?,
            personal: o
                .get::<Option<Vec<PersonalFields>>>("personal")?
                .unwrap_or_default(),
        })
    }
}

impl FromJournal for JournalRecord {
    fn from_journal(v: &Value) -> Read<JournalRecord> {
        Ok(JournalRecord {
            seq: Obj::of(v)?.get("seq")?,
            entry: crate::JournalEntry::from_journal(v)?,
        })
    }
}

impl FromJournal for PersonalFields {
    fn from_journal(v: &Value) -> Read<PersonalFields> {
        let o = Obj::of(v)?;
        Ok(PersonalFields {
            signal_id: o.get("signalId")?,
            fields: o.get("fields")?,
        })
    }
}
