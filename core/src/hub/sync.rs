//! Hub operations for journal sync: export a batch, import one, list the
//! conflicts imports recorded. The protocol is in `docs/sync.md`.

use super::{Hub, JOURNAL_PAGE_MAX};
use crate::sync::{BATCH_FORMAT, MAX_BATCH_ENTRIES, PersonalFields, Replay};
use crate::{
    Action, Actor, Error, ErrorCode, FixedClock, ImportReport, JournalEntry, JournalRecord, Result,
    SignalId, SyncBatch, SyncConflict, VolunteerId, authorize,
};
use serde_json::json;

impl<S: crate::Store + ?Sized> Hub<S> {
    /// The changes after journal position `after` (0 for everything) as a
    /// sync batch, with the personal fields of the signals recorded in it
    /// (coordinators, admins). At most 100 000 entries: when `up_to_seq` is
    /// below the hub's last position, export again after it. Reading the
    /// personal fields is journalled like every read of them.
    pub async fn export_journal(&self, actor: &Actor, after: i64) -> Result<SyncBatch> {
        authorize(actor, Action::ExportJournal)?;
        if after < 0 {
            return Err(Error::validation(
                "after",
                "must be 0 or a journal position",
            ));
        }
        let mut entries: Vec<JournalRecord> = Vec::new();
        let mut pos = after;
        while entries.len() < MAX_BATCH_ENTRIES {
            let room = (MAX_BATCH_ENTRIES - entries.len()).min(JOURNAL_PAGE_MAX as usize);
            // `room` is at most JOURNAL_PAGE_MAX, a u32.
            let page = self.store.journal(self.id, pos, room as u32).await?;
            let Some(last) = page.last() else { break };
            pos = last.seq;
            entries.extend(page);
        }
        let signals: Vec<SignalId> = entries
            .iter()
            .filter(|r| r.entry.action == "signal.recorded")
            .filter_map(|r| r.entry.entity_id.parse().ok())
            .collect();
        let personal = if signals.is_empty() {
            Vec::new()
        } else {
            let reads: Vec<JournalEntry> = signals
                .iter()
                .map(|id| {
                    JournalEntry::new(
                        self.clock(),
                        actor,
                        "signal.personal_read",
                        SignalId::ENTITY,
                        id,
                        json!({ "for": "sync export" }),
                    )
                })
                .collect();
            self.store
                .read_signal_personal(self.id, &signals, &reads)
                .await?
                .into_iter()
                .map(|(signal_id, fields)| PersonalFields { signal_id, fields })
                .collect()
        };
        Ok(SyncBatch {
            format: BATCH_FORMAT,
            hub_id: self.id,
            hub_slug: self.slug.as_str().to_string(),
            after_seq: after,
            up_to_seq: pos,
            entries,
            personal,
        })
    }

    /// Imports another hub's batch (coordinators, admins): applies each
    /// entry in order as its own unit of work, through the same store
    /// operations and checks a live call uses, keeping the entry's ids, time
    /// and actor. Entries this hub already has are skipped, so importing a
    /// batch twice, or re-sending one cut off halfway, changes nothing more.
    /// An entry that cannot apply (the same unit sold at two tills, an action
    /// only the hub itself performs) is recorded as a [`SyncConflict`] with a
    /// `sync.conflict` journal entry and skipped. A storage failure stops the
    /// import with an error; what was applied stays, and re-sending resumes.
    pub async fn import_journal(&self, actor: &Actor, batch: &SyncBatch) -> Result<ImportReport> {
        authorize(actor, Action::ImportJournal)?;
        batch.check()?;
        let mut report = ImportReport {
            source_hub: batch.hub_id,
            applied: 0,
            seen: 0,
            conflicts: Vec::new(),
            up_to_seq: batch.up_to_seq,
        };
        for record in &batch.entries {
            let entry = &record.entry;
            if self.store.journal_entry_known(self.id, entry.id).await? {
                report.seen += 1;
                continue;
            }
            let Err(refusal) = self.replay(entry, batch).await else {
                report.applied += 1;
                continue;
            };
            // Another import may have applied it meanwhile: then it is seen.
            if self.store.journal_entry_known(self.id, entry.id).await? {
                report.seen += 1;
                continue;
            }
            if !matches!(
                refusal.code(),
                ErrorCode::Validation | ErrorCode::NotFound | ErrorCode::Conflict
            ) {
                return Err(refusal);
            }
            let conflict = SyncConflict {
                entry_id: entry.id,
                source_hub: batch.hub_id,
                action: entry.action.clone(),
                entity: entry.entity.clone(),
                entity_id: entry.entity_id.clone(),
                reason: refusal.to_string(),
                detected_at: self.clock().now(),
                entry: entry.clone(),
            };
            let note = JournalEntry::new(
                self.clock(),
                actor,
                "sync.conflict",
                &entry.entity,
                &entry.entity_id,
                json!({
                    "entryId": entry.id,
                    "action": entry.action,
                    "sourceHub": batch.hub_id,
                    "reason": conflict.reason,
                }),
            );
            match self
                .store
                .insert_sync_conflict(self.id, &conflict, &note)
                .await
            {
                Ok(()) => report.conflicts.push(conflict),
                // Recorded by an import racing this one.
                Err(Error::Conflict(_)) => report.seen += 1,
                Err(e) => return Err(e),
            }
        }
        Ok(report)
    }

    /// The conflicts imports recorded, oldest first (coordinators, admins).
    pub async fn sync_conflicts(&self, actor: &Actor) -> Result<Vec<SyncConflict>> {
        authorize(actor, Action::ReadSyncConflicts)?;
        self.store.sync_conflicts(self.id).await
    }

    /// Applies one entry of another hub through the store, re-checking what
    /// the receiving hub knows: versions, statuses, stock on hand.
    async fn replay(&self, entry: &JournalEntry, batch: &SyncBatch) -> Result<()> {
        let personal = match entry.action.as_str() {
            "signal.recorded" => entry
                .entity_id
                .parse::<SignalId>()
                .ok()
                .and_then(|id| batch.personal_of(id)),
            _ => None,
        };
        // Records derived on the way in (the ledger's moves) get ids and
        // times from the entry's moment, as they did where it was made.
        let clock = FixedClock::new(entry.at);
        let hub = self.id;
        match Replay::decode(entry, personal)? {
            Replay::RegisterVolunteer(v) => self.store.insert_volunteer(hub, &v, entry).await,
            Replay::UpdateVolunteer(v) => {
                let expected = v.version - 1;
                self.store.update_volunteer(hub, &v, expected, entry).await
            }
            Replay::ChangeVolunteerStatus { from, change } => {
                let id: VolunteerId = entry.entity_id.parse()?;
                let current = self.store.volunteer(hub, id).await?;
                if current.status != from {
                    return Err(Error::conflict(format!(
                        "volunteer {id} is {} here, not {from}",
                        current.status
                    )));
                }
                let next = current.change_status(change)?;
                self.store
                    .update_volunteer(hub, &next, current.version, entry)
                    .await
            }
            Replay::InsertShift(shift) => {
                let v = self.store.volunteer(hub, shift.volunteer_id).await?;
                v.check_can_work(shift.role)?;
                self.store.insert_shift(hub, &shift, v.version, entry).await
            }
            Replay::SettleShift(shift) => {
                let current = self.store.shift(hub, shift.id).await?;
                current.status.transition(shift.status)?;
                if current.volunteer_id != shift.volunteer_id || current.date != shift.date {
                    return Err(Error::conflict(format!(
                        "shift {} is another volunteer's or day's here",
                        shift.id
                    )));
                }
                self.store
                    .update_shift(hub, &shift, current.status, entry)
                    .await
            }
            Replay::TakeIn(items) => {
                let by = Actor::new(&entry.actor, entry.role)?;
                let moves: Vec<_> = items.iter().map(|it| it.intake_move(&clock, &by)).collect();
                self.store.insert_items(hub, &items, &moves, entry).await
            }
            Replay::Move(mv) => self.store.insert_move(hub, &mv, entry).await,
            Replay::Sell(sale) => {
                let moves = sale.moves(&clock);
                self.store.insert_sale(hub, &sale, &moves, entry).await
            }
            Replay::RecordSignal(signal, personal) => {
                self.store
                    .insert_signal(hub, &signal, &personal, entry)
                    .await
            }
            Replay::AuditOnly => self.store.append_journal(hub, entry).await,
        }
    }
}
