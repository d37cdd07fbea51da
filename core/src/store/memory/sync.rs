//! The memory store's sync register.

use super::{MemoryStore, hub_mut, hub_ref};
use crate::store::{SyncStore, duplicate_message};
use crate::{Error, HubId, JournalEntry, JournalEntryId, Result, SyncConflict};

/// Conflicts recorded by imports, oldest first.
#[derive(Debug, Default)]
pub(super) struct SyncData {
    conflicts: Vec<SyncConflict>,
}

#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
impl SyncStore for MemoryStore {
    async fn journal_entry_known(&self, hub: HubId, id: JournalEntryId) -> Result<bool> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        Ok(data.has_entry(id) || data.sync.conflicts.iter().any(|c| c.entry_id == id))
    }

    async fn append_journal(&self, hub: HubId, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data.has_entry(entry.id) {
            return Err(Error::conflict(duplicate_message(
                "journal entry",
                entry.id,
            )));
        }
        data.journal(entry);
        Ok(())
    }

    async fn insert_sync_conflict(
        &self,
        hub: HubId,
        conflict: &SyncConflict,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data
            .sync
            .conflicts
            .iter()
            .any(|c| c.entry_id == conflict.entry_id)
        {
            return Err(Error::conflict(duplicate_message(
                "sync conflict for entry",
                conflict.entry_id,
            )));
        }
        data.sync.conflicts.push(conflict.clone());
        data.journal(entry);
        Ok(())
    }

    async fn sync_conflicts(&self, hub: HubId) -> Result<Vec<SyncConflict>> {
        let st = self.lock();
        Ok(hub_ref(&st, hub)?.sync.conflicts.clone())
    }
}
