//! Hub operations for journal sync — export a batch, import one, list the
//! conflicts imports recorded — and the browser's persistence, which keeps
//! an in-memory hub as its own journal (`snapshot`) and rebuilds it from
//! that (`restore`). The protocol is in `docs/sync.md`.

use super::{Hub, JOURNAL_PAGE_MAX};
use crate::Store as _;
use crate::sync::{BATCH_FORMAT, MAX_BATCH_ENTRIES, PersonalFields, Replay};
use crate::{
    Action, Actor, Clock, Error, ErrorCode, FixedClock, HubSlug, ImportReport, JournalEntry,
    JournalRecord, MemoryStore, ReferralChange, Result, SignalId, SignalPersonal, Summary,
    SyncBatch, SyncConflict, VolunteerId, authorize, check_consent,
};
use serde_json::json;
use std::sync::Arc;

/// How far a replay trusts the batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Another hub's changes: its settings and purges do not apply here.
    Import,
    /// This hub's own history, rebuilt: every change applies.
    Restore,
}

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
        self.batch_after(after, MAX_BATCH_ENTRIES, Some(actor))
            .await
    }

    /// Imports another hub's batch (coordinators, admins): applies each
    /// entry in order as its own unit of work, through the same store
    /// operations and checks a live call uses, keeping the entry's ids, time
    /// and actor. Entries this hub already has are skipped, so importing a
    /// batch twice, or re-sending one cut off halfway, changes nothing more.
    /// An entry that cannot apply (the same unit sold at two tills, a
    /// setting of the other hub) is recorded as a [`SyncConflict`] with a
    /// `sync.conflict` journal entry and skipped. A storage failure stops
    /// the import with an error; what was applied stays, and re-sending
    /// resumes.
    pub async fn import_journal(&self, actor: &Actor, batch: &SyncBatch) -> Result<ImportReport> {
        authorize(actor, Action::ImportJournal)?;
        batch.check()?;
        if batch.entries.len() > MAX_BATCH_ENTRIES {
            return Err(Error::validation(
                "entries",
                format!("a batch holds at most {MAX_BATCH_ENTRIES} entries"),
            ));
        }
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
            let Err(refusal) = self.replay(entry, batch, Mode::Import).await else {
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
            // The note holds the refused entry (which holds no personal
            // value), so a hub rebuilt from its journal has its conflicts.
            let note = JournalEntry::new(
                self.clock(),
                actor,
                "sync.conflict",
                &entry.entity,
                &entry.entity_id,
                json!({
                    "entryId": entry.id,
                    "sourceHub": batch.hub_id,
                    "reason": conflict.reason,
                    "entry": entry,
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

    /// The journal after `after` (at most `max` entries) with the personal
    /// fields of the signals recorded in it. With `reader`, each personal
    /// read is journalled as that actor's; without (a snapshot of the hub's
    /// own storage), nothing is written.
    async fn batch_after(
        &self,
        after: i64,
        max: usize,
        reader: Option<&Actor>,
    ) -> Result<SyncBatch> {
        let mut entries: Vec<JournalRecord> = Vec::new();
        let mut pos = after;
        while entries.len() < max {
            // At most JOURNAL_PAGE_MAX, so it fits the u32.
            let room = (max - entries.len()).min(JOURNAL_PAGE_MAX as usize) as u32;
            let page = self.store.journal(self.id, pos, room).await?;
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
            let reads: Vec<JournalEntry> = match reader {
                Some(actor) => signals
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
                    .collect(),
                None => Vec::new(),
            };
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

    /// Applies one journal entry through the store, re-checking what this
    /// hub knows: versions, statuses, stock on hand, consent.
    async fn replay(&self, entry: &JournalEntry, batch: &SyncBatch, mode: Mode) -> Result<()> {
        let personal = personal_for(entry, batch, mode)?;
        let replay = Replay::decode(entry, personal.as_ref())?;
        if mode == Mode::Import && !replay.crosses_hubs() {
            return Err(Error::validation(
                "action",
                format!(
                    "{} is not importable: it is changed on the hub itself",
                    entry.action
                ),
            ));
        }
        // Records derived on the way in (the ledger's moves, a closing time)
        // get ids and times from the entry's moment, as where it was made.
        let clock = FixedClock::new(entry.at);
        let (hub, store) = (self.id, &self.store);
        match replay {
            Replay::RegisterVolunteer(v) => store.insert_volunteer(hub, &v, entry).await,
            Replay::UpdateVolunteer(v) => {
                store.update_volunteer(hub, &v, v.version - 1, entry).await
            }
            Replay::ChangeVolunteerStatus { from, change } => {
                let id: VolunteerId = entry.entity_id.parse()?;
                let current = store.volunteer(hub, id).await?;
                if current.status != from {
                    return Err(Error::conflict(format!(
                        "volunteer {id} is {} here, not {from}",
                        current.status
                    )));
                }
                let next = current.change_status(change)?;
                store
                    .update_volunteer(hub, &next, current.version, entry)
                    .await
            }
            Replay::InsertShift(shift) => {
                let v = store.volunteer(hub, shift.volunteer_id).await?;
                v.check_can_work(shift.role)?;
                store.insert_shift(hub, &shift, v.version, entry).await
            }
            Replay::SettleShift(shift) => {
                let current = store.shift(hub, shift.id).await?;
                current.status.transition(shift.status)?;
                if current.volunteer_id != shift.volunteer_id || current.date != shift.date {
                    return Err(Error::conflict(format!(
                        "shift {} is another volunteer's or day's here",
                        shift.id
                    )));
                }
                store.update_shift(hub, &shift, current.status, entry).await
            }
            Replay::SetOpeningHours(hours) => store.set_opening_hours(hub, &hours, entry).await,
            Replay::TakeIn(items) => {
                let by = Actor::new(&entry.actor, entry.role)?;
                let moves: Vec<_> = items.iter().map(|it| it.intake_move(&clock, &by)).collect();
                store.insert_items(hub, &items, &moves, entry).await
            }
            Replay::Move(mv) => store.insert_move(hub, &mv, entry).await,
            Replay::Sell(sale) => {
                let moves = sale.moves(&clock);
                store.insert_sale(hub, &sale, &moves, entry).await
            }
            Replay::CashUp(c) => store.insert_cash_up(hub, &c, entry).await,
            Replay::SetPricingPolicy(p) => store.set_pricing_policy(hub, &p, entry).await,
            Replay::SetImpactFactors(f) => store.set_impact_factors(hub, &f, entry).await,
            Replay::RecordSignal(signal, personal) => {
                store.insert_signal(hub, &signal, &personal, entry).await
            }
            Replay::UpdateSignal(s) => store.update_signal(hub, &s, s.version - 1, entry).await,
            Replay::CloseSignal(id, at) => {
                let current = store.signal(hub, id).await?;
                let next = current.closed(&FixedClock::new(at))?;
                store
                    .update_signal(hub, &next, current.version, entry)
                    .await
            }
            Replay::PurgeSignals(ids) => store
                .erase_signal_personal(hub, &ids, entry.at, entry)
                .await
                .map(|_| ()),
            Replay::SetSignalPolicy(p) => store.set_signal_policy(hub, &p, entry).await,
            Replay::RegisterPartner(p) => store.insert_partner(hub, &p, entry).await,
            Replay::UpdatePartner(p) => store.update_partner(hub, &p, p.version - 1, entry).await,
            Replay::CreateReferral(r) => {
                let signal = store.signal(hub, r.signal_id).await?;
                if r.requested_at.is_some() {
                    check_consent(&signal, r.consent_exception.as_ref())?;
                }
                store.insert_referral(hub, &r, signal.version, entry).await
            }
            Replay::ChangeReferral {
                id,
                to,
                outcome,
                follow_up,
            } => {
                let current = store.referral(hub, id).await?;
                let signal = store.signal(hub, current.signal_id).await?;
                // The entry gives the follow-up date after the change; only
                // a new one was part of the change.
                let follow_up = follow_up.filter(|d| current.follow_up != Some(*d));
                let change = ReferralChange {
                    status: to,
                    outcome,
                    follow_up,
                };
                let next = current.changed(change, &signal, &clock)?;
                store
                    .update_referral(hub, &next, current.version, Some(signal.version), entry)
                    .await
            }
            Replay::SetFollowUp(id, date) => {
                let current = store.referral(hub, id).await?;
                let next = current.with_follow_up(date, &clock)?;
                store
                    .update_referral(hub, &next, current.version, None, entry)
                    .await
            }
            Replay::Conflict(c) if mode == Mode::Restore => {
                store.insert_sync_conflict(hub, &c, entry).await
            }
            // Another hub's conflict is its own business: keep the record.
            Replay::Conflict(_) | Replay::AuditOnly => store.append_journal(hub, entry).await,
        }
    }
}

/// The personal fields a `signal.recorded` entry gets from the batch. A hub
/// rebuilding itself may lack them only for a signal its own later purge
/// erased: the signal is recorded with the placeholder, which that purge
/// then erases as it did the first time.
fn personal_for(
    entry: &JournalEntry,
    batch: &SyncBatch,
    mode: Mode,
) -> Result<Option<SignalPersonal>> {
    if entry.action != "signal.recorded" {
        return Ok(None);
    }
    let Ok(id) = entry.entity_id.parse::<SignalId>() else {
        return Ok(None);
    };
    if let Some(p) = batch.personal_of(id) {
        return Ok(Some(p.clone()));
    }
    // Read the purge entries with the same decoder the replay uses.
    let purged_later = batch.entries.iter().any(|r| {
        r.entry.action == "signals.purged"
            && matches!(Replay::decode(&r.entry, None), Ok(Replay::PurgeSignals(ids)) if ids.contains(&id))
    });
    if mode == Mode::Restore && purged_later {
        return Ok(Some(SignalPersonal {
            person: None,
            contact: None,
            summary: Summary::parse("erased by the retention purge")?,
        }));
    }
    Ok(None)
}

impl Hub<MemoryStore> {
    /// Everything this in-memory hub recorded — its whole journal, with the
    /// personal fields of its signals — as one JSON document: what a page
    /// keeps in IndexedDB so a reload finds its hub again
    /// ([`Hub::restore`]). It holds personal fields: keep it like a database
    /// file. Taking it writes nothing.
    pub async fn snapshot(&self) -> Result<String> {
        Ok(self.batch_after(0, usize::MAX, None).await?.to_json())
    }

    /// Rebuilds a hub from its [`Hub::snapshot`] on a fresh memory store:
    /// the same hub id and slug, every change re-applied in order through
    /// the store with its own ids, times and actors, so the records and the
    /// journal are as they were and new changes go on from there. A
    /// document that is not a whole snapshot, or an entry that does not
    /// apply, is refused with a `validation` error on `snapshot`.
    pub async fn restore(snapshot: &str, clock: Arc<dyn Clock>) -> Result<Hub<MemoryStore>> {
        let batch = SyncBatch::from_json(snapshot)?;
        if batch.after_seq != 0 {
            return Err(Error::validation(
                "snapshot",
                "a snapshot holds the journal from its start (afterSeq 0)",
            ));
        }
        let slug = HubSlug::parse(&batch.hub_slug)?;
        let store = Arc::new(MemoryStore::new());
        let id = store.ensure_hub(&slug, batch.hub_id, clock.now()).await?;
        let hub = Hub {
            store,
            clock,
            id,
            slug,
        };
        for (n, record) in batch.entries.iter().enumerate() {
            let entry = &record.entry;
            hub.replay(entry, &batch, Mode::Restore)
                .await
                .map_err(|e| {
                    Error::validation(
                        "snapshot",
                        format!(
                            "entry {} ({}, {}) does not apply: {e}",
                            n + 1,
                            entry.action,
                            entry.id
                        ),
                    )
                })?;
        }
        Ok(hub)
    }
}
