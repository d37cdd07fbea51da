//! Signals, referrals and partners in memory. Personal fields sit in their
//! own list, as in the SQL backends, and are dropped by the purge.

use super::{MemoryStore, hub_mut, hub_ref};
use crate::store::{
    ReferralQuery, SignalQuery, SignalStore, duplicate_message, open_referrals_message,
    stale_message,
};
use crate::{
    Bucket, Error, HubId, JournalEntry, MonthCount, Partner, PartnerId, Period, Referral,
    ReferralCount, ReferralId, Result, Signal, SignalCounts, SignalId, SignalPersonal,
    SignalPolicy, bucket_start, median_days,
};
use chrono::{DateTime, Utc};

#[derive(Debug, Default)]
pub(super) struct SignalData {
    pub(super) signals: Vec<Signal>,
    personal: Vec<(SignalId, SignalPersonal)>,
    partners: Vec<Partner>,
    pub(super) referrals: Vec<Referral>,
    policy: Option<SignalPolicy>,
}

impl SignalData {
    fn signal(&self, id: SignalId) -> Result<&Signal> {
        self.signals
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::not_found(SignalId::ENTITY, id))
    }

    fn signal_at(&self, id: SignalId, version: i64) -> Result<&Signal> {
        let s = self.signal(id)?;
        if s.version == version {
            Ok(s)
        } else {
            Err(Error::Conflict(stale_message(SignalId::ENTITY)))
        }
    }
}

fn days_between(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    (to - from).num_seconds() as f64 / 86_400.0
}

fn add<K: PartialEq + Copy>(out: &mut Vec<MonthCount<K>>, month: chrono::NaiveDate, key: K) {
    match out.iter_mut().find(|c| c.month == month && c.key == key) {
        Some(c) => c.count += 1,
        None => out.push(MonthCount {
            month,
            key,
            count: 1,
        }),
    }
}

#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
impl SignalStore for MemoryStore {
    async fn insert_signal(
        &self,
        hub: HubId,
        signal: &Signal,
        personal: &SignalPersonal,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data.signals.signals.iter().any(|s| s.id == signal.id) {
            return Err(Error::Conflict(duplicate_message(
                SignalId::ENTITY,
                signal.id,
            )));
        }
        data.signals.signals.push(signal.clone());
        data.signals.personal.push((signal.id, personal.clone()));
        data.journal(entry);
        Ok(())
    }

    async fn update_signal(
        &self,
        hub: HubId,
        signal: &Signal,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let stored = data.signals.signal_at(signal.id, expected_version)?;
        if stored.is_open()
            && !signal.is_open()
            && data
                .signals
                .referrals
                .iter()
                .any(|r| r.signal_id == signal.id && r.status.is_open())
        {
            return Err(Error::Conflict(open_referrals_message(signal.id)));
        }
        if let Some(s) = data.signals.signals.iter_mut().find(|s| s.id == signal.id) {
            *s = signal.clone();
        }
        data.journal(entry);
        Ok(())
    }

    async fn signal(&self, hub: HubId, id: SignalId) -> Result<Signal> {
        let st = self.lock();
        hub_ref(&st, hub)?.signals.signal(id).cloned()
    }

    async fn signals(&self, hub: HubId, q: &SignalQuery) -> Result<Vec<Signal>> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        // Stored in insertion order; ids are time-ordered, so sort to match SQL.
        let mut out: Vec<Signal> = data
            .signals
            .signals
            .iter()
            .filter(|s| {
                q.recorded_by
                    .is_none_or(|v| s.recorded_by_volunteer == Some(v))
            })
            .filter(|s| !q.open_only || s.is_open())
            .filter(|s| q.period.is_none_or(|p| p.contains(s.recorded_on)))
            .cloned()
            .collect();
        crate::order::sort_by_key(&mut out, |s| (s.recorded_at, s.id));
        Ok(out)
    }

    async fn read_signal_personal(
        &self,
        hub: HubId,
        ids: &[SignalId],
        entries: &[JournalEntry],
    ) -> Result<Vec<(SignalId, SignalPersonal)>> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let out: Vec<(SignalId, SignalPersonal)> = ids
            .iter()
            .filter_map(|id| data.signals.personal.iter().find(|(p, _)| p == id).cloned())
            .collect();
        for e in entries {
            data.journal(e);
        }
        Ok(out)
    }

    async fn purge_candidates(
        &self,
        hub: HubId,
        closed_before: DateTime<Utc>,
    ) -> Result<Vec<SignalId>> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        let mut due: Vec<(DateTime<Utc>, SignalId)> = data
            .signals
            .signals
            .iter()
            .filter(|s| s.personal_erased_at.is_none())
            .filter_map(|s| {
                s.closed_at
                    .filter(|c| *c < closed_before)
                    .map(|c| (c, s.id))
            })
            .collect();
        crate::order::sort_by(&mut due, Ord::cmp);
        Ok(due.into_iter().map(|(_, id)| id).collect())
    }

    async fn erase_signal_personal(
        &self,
        hub: HubId,
        ids: &[SignalId],
        at: DateTime<Utc>,
        entry: &JournalEntry,
    ) -> Result<u64> {
        if ids.is_empty() {
            return Ok(0);
        }
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let before = data.signals.personal.len();
        data.signals.personal.retain(|(id, _)| !ids.contains(id));
        let erased = (before - data.signals.personal.len()) as u64;
        for s in data
            .signals
            .signals
            .iter_mut()
            .filter(|s| ids.contains(&s.id))
        {
            if s.personal_erased_at.is_none() {
                s.personal_erased_at = Some(at);
            }
        }
        data.journal(entry);
        Ok(erased)
    }

    async fn insert_partner(&self, hub: HubId, p: &Partner, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data.signals.partners.iter().any(|o| o.id == p.id) {
            return Err(Error::Conflict(duplicate_message(PartnerId::ENTITY, p.id)));
        }
        data.signals.partners.push(p.clone());
        data.journal(entry);
        Ok(())
    }

    async fn update_partner(
        &self,
        hub: HubId,
        p: &Partner,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let stored = data
            .signals
            .partners
            .iter_mut()
            .find(|o| o.id == p.id)
            .ok_or_else(|| Error::not_found(PartnerId::ENTITY, p.id))?;
        if stored.version != expected_version {
            return Err(Error::Conflict(stale_message(PartnerId::ENTITY)));
        }
        *stored = p.clone();
        data.journal(entry);
        Ok(())
    }

    async fn partner(&self, hub: HubId, id: PartnerId) -> Result<Partner> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .signals
            .partners
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .ok_or_else(|| Error::not_found(PartnerId::ENTITY, id))
    }

    async fn partners(&self, hub: HubId) -> Result<Vec<Partner>> {
        let st = self.lock();
        let mut out = hub_ref(&st, hub)?.signals.partners.clone();
        crate::order::sort_by(&mut out, |a, b| (&a.name, a.id).cmp(&(&b.name, b.id)));
        Ok(out)
    }

    async fn insert_referral(
        &self,
        hub: HubId,
        r: &Referral,
        signal_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        data.signals.signal_at(r.signal_id, signal_version)?;
        if !data.signals.partners.iter().any(|p| p.id == r.partner_id) {
            return Err(Error::not_found(PartnerId::ENTITY, r.partner_id));
        }
        if data.signals.referrals.iter().any(|o| o.id == r.id) {
            return Err(Error::Conflict(duplicate_message(ReferralId::ENTITY, r.id)));
        }
        data.signals.referrals.push(r.clone());
        data.journal(entry);
        Ok(())
    }

    async fn update_referral(
        &self,
        hub: HubId,
        r: &Referral,
        expected_version: i64,
        signal_version: Option<i64>,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if let Some(v) = signal_version {
            data.signals.signal_at(r.signal_id, v)?;
        }
        let stored = data
            .signals
            .referrals
            .iter_mut()
            .find(|o| o.id == r.id)
            .ok_or_else(|| Error::not_found(ReferralId::ENTITY, r.id))?;
        if stored.version != expected_version {
            return Err(Error::Conflict(stale_message(ReferralId::ENTITY)));
        }
        *stored = r.clone();
        data.journal(entry);
        Ok(())
    }

    async fn referral(&self, hub: HubId, id: ReferralId) -> Result<Referral> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .signals
            .referrals
            .iter()
            .find(|r| r.id == id)
            .cloned()
            .ok_or_else(|| Error::not_found(ReferralId::ENTITY, id))
    }

    async fn referrals(&self, hub: HubId, q: &ReferralQuery) -> Result<Vec<Referral>> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        let open_only = q.open_only || q.follow_up_by.is_some();
        let mut out: Vec<Referral> = data
            .signals
            .referrals
            .iter()
            .filter(|r| q.signal.is_none_or(|s| r.signal_id == s))
            .filter(|r| !open_only || r.status.is_open())
            .filter(|r| {
                q.follow_up_by
                    .is_none_or(|by| r.follow_up.is_some_and(|f| f <= by))
            })
            .cloned()
            .collect();
        if q.follow_up_by.is_some() {
            crate::order::sort_by(&mut out, |a, b| {
                (a.follow_up, a.created_at, a.id).cmp(&(b.follow_up, b.created_at, b.id))
            });
        } else {
            crate::order::sort_by_key(&mut out, |r| (r.created_at, r.id));
        }
        Ok(out)
    }

    async fn set_signal_policy(
        &self,
        hub: HubId,
        policy: &SignalPolicy,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        data.signals.policy = Some(*policy);
        data.journal(entry);
        Ok(())
    }

    async fn signal_policy(&self, hub: HubId) -> Result<Option<SignalPolicy>> {
        let st = self.lock();
        Ok(hub_ref(&st, hub)?.signals.policy)
    }

    async fn signal_counts(&self, hub: HubId, period: Period) -> Result<SignalCounts> {
        let st = self.lock();
        let data = &hub_ref(&st, hub)?.signals;
        let mut out = SignalCounts::default();
        let mut to_referral = Vec::new();
        let mut to_closure = Vec::new();
        for s in data
            .signals
            .iter()
            .filter(|s| period.contains(s.recorded_on))
        {
            let month = bucket_start(Bucket::Month, s.recorded_on);
            for d in &s.domains {
                add(&mut out.by_domain, month, *d);
            }
            add(&mut out.by_urgency, month, s.urgency);
            let first = data
                .referrals
                .iter()
                .filter(|r| r.signal_id == s.id)
                .filter_map(|r| r.requested_at)
                .min();
            if let Some(at) = first {
                to_referral.push(days_between(s.recorded_at, at));
            }
            if let Some(at) = s.closed_at {
                to_closure.push(days_between(s.recorded_at, at));
            }
        }
        for r in data
            .referrals
            .iter()
            .filter(|r| period.contains(r.created_on))
        {
            match out.referrals.iter_mut().find(|c| {
                c.partner == r.partner_id && c.status == r.status && c.outcome == r.outcome
            }) {
                Some(c) => c.count += 1,
                None => out.referrals.push(ReferralCount {
                    partner: r.partner_id,
                    status: r.status,
                    outcome: r.outcome,
                    count: 1,
                }),
            }
        }
        out.days_to_referral = median_days(to_referral);
        out.days_to_closure = median_days(to_closure);
        Ok(out)
    }
}
