//! The [`SyncStore`](crate::store::SyncStore) implementation of both SQL
//! backends, written once in [`impl_sql_sync_store!`].
//!
//! - **Schema** (migration 0008): a unique index on `journal (hub_id, id)`,
//!   so no entry id enters a hub's journal twice — every unit of work
//!   appends its entry last (`finish_unit`), so an imported entry that races
//!   another import of itself rolls its whole unit back with a `Conflict`;
//!   and `sync_conflicts`, one row per refused entry (the entry as JSON).
//! - **Locking**: every write is one unit (`begin_unit` / `finish_unit`).

use super::{SqlRow, corrupt, json};
use crate::{HubId, JournalEntryId, Result, SyncConflict};
use chrono::DateTime;

/// The columns of `sync_conflicts`, in the order [`conflict_from_row`] reads.
pub(crate) const CONFLICT_COLUMNS: &str =
    "entry_id, source_hub, action, entity, entity_id, reason, detected_at, entry";

/// Rebuilds a sync conflict from its row.
pub(crate) fn conflict_from_row(row: &impl SqlRow) -> Result<SyncConflict> {
    read_conflict(row).map_err(corrupt("sync conflict"))
}

fn read_conflict(row: &impl SqlRow) -> super::Parsed<SyncConflict> {
    let at = row.int("detected_at")?;
    Ok(SyncConflict {
        entry_id: JournalEntryId::parse(&row.text("entry_id")?).map_err(|e| e.to_string())?,
        source_hub: HubId::parse(&row.text("source_hub")?).map_err(|e| e.to_string())?,
        action: row.text("action")?,
        entity: row.text("entity")?,
        entity_id: row.text("entity_id")?,
        reason: row.text("reason")?,
        detected_at: DateTime::from_timestamp_micros(at)
            .ok_or_else(|| format!("detected_at: {at} is out of range"))?,
        entry: json("entry", &row.text("entry")?)?,
    })
}

/// Instantiates [`SyncStore`](crate::store::SyncStore) for one SQL backend,
/// on top of what [`impl_sql_store!`](super::impl_sql_store) defines
/// (`begin_unit`, `finish_unit`, `require_hub`, `unless_empty`).
macro_rules! impl_sql_sync_store {
    ($store:ident) => {
        #[async_trait::async_trait]
        impl $crate::store::SyncStore for $store {
            async fn journal_entry_known(
                &self,
                hub: $crate::HubId,
                id: $crate::JournalEntryId,
            ) -> $crate::Result<bool> {
                use $crate::store::sql::SqlRow as _;
                let row = sqlx::query(
                    "SELECT (SELECT COUNT(*) FROM journal WHERE hub_id = $1 AND id = $2) \
                          + (SELECT COUNT(*) FROM sync_conflicts WHERE hub_id = $1 AND entry_id = $2) AS n",
                )
                .bind(hub.to_string())
                .bind(id.to_string())
                .fetch_one(&self.pool)
                .await
                .map_err($crate::store::sql::storage)?;
                let n = row.int("n").map_err($crate::store::sql::corrupt("journal"))?;
                if n == 0 {
                    self.require_hub(hub).await?;
                }
                Ok(n > 0)
            }

            async fn append_journal(
                &self,
                hub: $crate::HubId,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (tx, seq) = self.begin_unit(hub).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn insert_sync_conflict(
                &self,
                hub: $crate::HubId,
                conflict: &$crate::SyncConflict,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let sql = format!(
                    "INSERT INTO sync_conflicts (hub_id, {}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    $crate::store::sql::sync::CONFLICT_COLUMNS
                );
                let result = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(conflict.entry_id.to_string())
                    .bind(conflict.source_hub.to_string())
                    .bind(conflict.action.as_str())
                    .bind(conflict.entity.as_str())
                    .bind(conflict.entity_id.as_str())
                    .bind(conflict.reason.as_str())
                    .bind($crate::store::sql::micros(conflict.detected_at))
                    .bind($crate::journal::detail(&conflict.entry).to_string())
                    .execute(&mut *tx)
                    .await;
                $crate::store::sql::inserted(
                    result,
                    "sync conflict for entry",
                    conflict.entry_id,
                )?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn sync_conflicts(
                &self,
                hub: $crate::HubId,
            ) -> $crate::Result<Vec<$crate::SyncConflict>> {
                let sql = format!(
                    "SELECT {} FROM sync_conflicts WHERE hub_id = $1 ORDER BY detected_at, entry_id",
                    $crate::store::sql::sync::CONFLICT_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::sync::conflict_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }
        }
    };
}
pub(crate) use impl_sql_sync_store;
