//! The storage contract for journal sync between hubs.

use crate::{HubId, JournalEntry, JournalEntryId, Result, SyncConflict};

/// What an import needs beyond the domain stores: knowing which entries a
/// hub already has, appending audit entries, and the conflict register.
/// Every store method that writes a journal entry refuses an entry id the
/// hub's journal already holds, so an entry cannot be applied twice even by
/// two imports racing.
#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
pub trait SyncStore: Send + Sync {
    /// Whether journal entry `id` is already in this hub: in its journal,
    /// or recorded as a sync conflict.
    async fn journal_entry_known(&self, hub: HubId, id: JournalEntryId) -> Result<bool>;

    /// Appends an entry that changes nothing else (an audit record imported
    /// from another hub). `Conflict` if its id is already in the journal.
    async fn append_journal(&self, hub: HubId, entry: &JournalEntry) -> Result<()>;

    /// Records a sync conflict and its journal entry (`sync.conflict`) in one
    /// unit. `Conflict` if a conflict for the same entry is already recorded.
    async fn insert_sync_conflict(
        &self,
        hub: HubId,
        conflict: &SyncConflict,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// The recorded sync conflicts, oldest first.
    async fn sync_conflicts(&self, hub: HubId) -> Result<Vec<SyncConflict>>;
}
