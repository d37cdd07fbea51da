//! The in-memory backend: always available, used by WebAssembly and tests.

mod stock;

use super::{ShiftQuery, Store, duplicate_message, overlap_message, stale_message};
use crate::{
    Error, HoursByRole, HoursByVolunteer, HubId, HubSlug, JournalEntry, JournalRecord,
    OpeningHours, Period, Result, Shift, ShiftId, ShiftStatus, Volunteer, VolunteerId,
    VolunteerRole, VolunteerStatus,
};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};

/// A store that keeps everything in process memory. Each method runs under
/// one lock and validates before it mutates, so it is atomic like the SQL
/// backends.
#[derive(Debug, Default)]
pub struct MemoryStore {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    hubs: HashMap<HubSlug, HubId>,
    data: HashMap<HubId, HubData>,
}

#[derive(Debug, Default)]
struct HubData {
    volunteers: BTreeMap<VolunteerId, Volunteer>,
    shifts: BTreeMap<ShiftId, Shift>,
    opening_hours: OpeningHours,
    journal: Vec<JournalRecord>,
    stock: stock::StockData,
}

impl HubData {
    fn journal(&mut self, entry: &JournalEntry) {
        let seq = self.journal.last().map_or(1, |r| r.seq + 1);
        self.journal.push(JournalRecord {
            seq,
            entry: entry.clone(),
        });
    }

    fn overlapping(&self, shift: &Shift) -> Option<&Shift> {
        self.shifts.values().find(|s| {
            s.id != shift.id
                && s.is_live()
                && s.volunteer_id == shift.volunteer_id
                && s.date == shift.date
                && s.span.overlaps(&shift.span)
        })
    }

    fn worked(&self, period: Period) -> impl Iterator<Item = &Shift> {
        self.shifts
            .values()
            .filter(move |s| s.status == ShiftStatus::Worked && period.contains(s.date))
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave half a change behind:
        // every method validates first and mutates last. So keep going.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn hub_mut(state: &mut State, hub: HubId) -> Result<&mut HubData> {
    state
        .data
        .get_mut(&hub)
        .ok_or_else(|| Error::not_found("hub", hub))
}

fn hub_ref(state: &State, hub: HubId) -> Result<&HubData> {
    state
        .data
        .get(&hub)
        .ok_or_else(|| Error::not_found("hub", hub))
}

#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
impl Store for MemoryStore {
    async fn ensure_hub(
        &self,
        slug: &HubSlug,
        new_id: HubId,
        _now: DateTime<Utc>,
    ) -> Result<HubId> {
        let mut st = self.lock();
        if let Some(id) = st.hubs.get(slug) {
            return Ok(*id);
        }
        st.hubs.insert(slug.clone(), new_id);
        st.data.insert(new_id, HubData::default());
        Ok(new_id)
    }

    async fn insert_volunteer(
        &self,
        hub: HubId,
        v: &Volunteer,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data.volunteers.contains_key(&v.id) {
            return Err(Error::conflict(duplicate_message("volunteer", v.id)));
        }
        data.volunteers.insert(v.id, v.clone());
        data.journal(entry);
        Ok(())
    }

    async fn update_volunteer(
        &self,
        hub: HubId,
        v: &Volunteer,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let current = data
            .volunteers
            .get(&v.id)
            .ok_or_else(|| Error::not_found("volunteer", v.id))?;
        if current.version != expected_version {
            return Err(Error::conflict(stale_message("volunteer")));
        }
        data.volunteers.insert(v.id, v.clone());
        data.journal(entry);
        Ok(())
    }

    async fn volunteer(&self, hub: HubId, id: VolunteerId) -> Result<Volunteer> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .volunteers
            .get(&id)
            .cloned()
            .ok_or_else(|| Error::not_found("volunteer", id))
    }

    async fn volunteers(
        &self,
        hub: HubId,
        status: Option<VolunteerStatus>,
    ) -> Result<Vec<Volunteer>> {
        let st = self.lock();
        let mut out: Vec<Volunteer> = hub_ref(&st, hub)?
            .volunteers
            .values()
            .filter(|v| status.is_none_or(|s| v.status == s))
            .cloned()
            .collect();
        out.sort_by(|a, b| (a.display_name.as_str(), a.id).cmp(&(b.display_name.as_str(), b.id)));
        Ok(out)
    }

    async fn insert_shift(
        &self,
        hub: HubId,
        shift: &Shift,
        volunteer_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let v = data
            .volunteers
            .get(&shift.volunteer_id)
            .ok_or_else(|| Error::not_found("volunteer", shift.volunteer_id))?;
        if v.version != volunteer_version {
            return Err(Error::conflict(stale_message("volunteer")));
        }
        if data.shifts.contains_key(&shift.id) {
            return Err(Error::conflict(duplicate_message("shift", shift.id)));
        }
        if let Some(other) = data.overlapping(shift) {
            return Err(Error::conflict(overlap_message(shift.date, other.id)));
        }
        data.shifts.insert(shift.id, shift.clone());
        data.journal(entry);
        Ok(())
    }

    async fn update_shift(
        &self,
        hub: HubId,
        shift: &Shift,
        expected: ShiftStatus,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let current = data
            .shifts
            .get(&shift.id)
            .ok_or_else(|| Error::not_found("shift", shift.id))?;
        if current.status != expected {
            return Err(Error::conflict(stale_message("shift")));
        }
        if shift.is_live()
            && let Some(other) = data.overlapping(shift)
        {
            return Err(Error::conflict(overlap_message(shift.date, other.id)));
        }
        data.shifts.insert(shift.id, shift.clone());
        data.journal(entry);
        Ok(())
    }

    async fn shift(&self, hub: HubId, id: ShiftId) -> Result<Shift> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .shifts
            .get(&id)
            .cloned()
            .ok_or_else(|| Error::not_found("shift", id))
    }

    async fn shifts(&self, hub: HubId, q: &ShiftQuery) -> Result<Vec<Shift>> {
        let st = self.lock();
        let mut out: Vec<Shift> = hub_ref(&st, hub)?
            .shifts
            .values()
            .filter(|s| q.period.contains(s.date))
            .filter(|s| q.volunteer.is_none_or(|v| s.volunteer_id == v))
            .filter(|s| q.include_cancelled || s.is_live())
            .cloned()
            .collect();
        out.sort_by_key(|s| (s.date, s.span.start(), s.role, s.id));
        Ok(out)
    }

    async fn hours_by_volunteer(
        &self,
        hub: HubId,
        period: Period,
    ) -> Result<Vec<HoursByVolunteer>> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        let mut sums: HashMap<VolunteerId, (i64, i64)> = HashMap::new();
        for s in data.worked(period) {
            let e = sums.entry(s.volunteer_id).or_default();
            e.0 += i64::from(s.minutes());
            e.1 += 1;
        }
        let mut out: Vec<HoursByVolunteer> = sums
            .into_iter()
            .filter_map(|(id, (minutes, shifts))| {
                data.volunteers.get(&id).map(|v| HoursByVolunteer {
                    volunteer_id: id,
                    display_name: v.display_name.clone(),
                    minutes,
                    shifts,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            (a.display_name.as_str(), a.volunteer_id)
                .cmp(&(b.display_name.as_str(), b.volunteer_id))
        });
        Ok(out)
    }

    async fn hours_by_role(&self, hub: HubId, period: Period) -> Result<Vec<HoursByRole>> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        let mut sums: BTreeMap<&'static str, (VolunteerRole, i64, i64)> = BTreeMap::new();
        for s in data.worked(period) {
            let e = sums.entry(s.role.code()).or_insert((s.role, 0, 0));
            e.1 += i64::from(s.minutes());
            e.2 += 1;
        }
        Ok(sums
            .into_values()
            .map(|(role, minutes, shifts)| HoursByRole {
                role,
                minutes,
                shifts,
            })
            .collect())
    }

    async fn set_opening_hours(
        &self,
        hub: HubId,
        hours: &OpeningHours,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        data.opening_hours = hours.clone();
        data.journal(entry);
        Ok(())
    }

    async fn opening_hours(&self, hub: HubId) -> Result<OpeningHours> {
        let st = self.lock();
        Ok(hub_ref(&st, hub)?.opening_hours.clone())
    }

    async fn journal(&self, hub: HubId, after: i64, limit: u32) -> Result<Vec<JournalRecord>> {
        let st = self.lock();
        Ok(hub_ref(&st, hub)?
            .journal
            .iter()
            .filter(|r| r.seq > after)
            .take(limit as usize)
            .cloned()
            .collect())
    }
}
