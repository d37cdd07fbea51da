//! The in-memory backend: always available, used by WebAssembly and tests.

mod activities;
mod courses;
mod development;
mod report;
mod research;
mod signals;
mod stock;
mod sync;
mod table;

use super::{ShiftQuery, Store, duplicate_message, overlap_message, stale_message};
use crate::{
    Error, HoursByRole, HoursByVolunteer, HubId, HubSlug, JournalEntry, JournalRecord,
    OpeningHours, Period, Result, Shift, ShiftId, ShiftStatus, Volunteer, VolunteerId,
    VolunteerStatus,
};
use chrono::{DateTime, Utc};
use std::sync::{Mutex, MutexGuard};
use table::Table;

/// A store that keeps everything in process memory. Each method runs under
/// one lock and validates before it mutates, so it is atomic like the SQL
/// backends.
#[derive(Debug, Default)]
pub struct MemoryStore {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Few per store: a list.
    hubs: Vec<(HubSlug, HubId)>,
    data: Table<HubData>,
}

#[derive(Debug, Default)]
struct HubData {
    volunteers: Table<Volunteer>,
    shifts: Table<Shift>,
    opening_hours: OpeningHours,
    journal: Vec<JournalRecord>,
    stock: stock::StockData,
    signals: signals::SignalData,
    activities: activities::ActivityData,
    development: development::DevelopmentData,
    courses: courses::CourseData,
    sync: sync::SyncData,
    /// Made on first use of the research tables; never exported.
    research_secret: Option<crate::research::HubSecret>,
}

impl HubData {
    fn journal(&mut self, entry: &JournalEntry) {
        let seq = self.journal.last().map_or(1, |r| r.seq + 1);
        self.journal.push(JournalRecord {
            seq,
            entry: entry.clone(),
        });
    }

    /// Whether the journal holds entry `id` (entries are in seq order, not
    /// id order, so this scans; only imports ask).
    fn has_entry(&self, id: crate::JournalEntryId) -> bool {
        self.journal.iter().rev().any(|r| r.entry.id == id)
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
        .get_mut(hub.as_uuid())
        .ok_or_else(|| Error::not_found("hub", hub))
}

fn hub_ref(state: &State, hub: HubId) -> Result<&HubData> {
    state
        .data
        .get(hub.as_uuid())
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
        if let Some((_, id)) = st.hubs.iter().find(|(s, _)| s == slug) {
            return Ok(*id);
        }
        st.hubs.push((slug.clone(), new_id));
        st.data.insert(new_id.as_uuid(), HubData::default());
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
        if data.volunteers.contains(v.id.as_uuid()) {
            return Err(Error::conflict(duplicate_message("volunteer", v.id)));
        }
        data.volunteers.insert(v.id.as_uuid(), v.clone());
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
            .get(v.id.as_uuid())
            .ok_or_else(|| Error::not_found("volunteer", v.id))?;
        if current.version != expected_version {
            return Err(Error::conflict(stale_message("volunteer")));
        }
        data.volunteers.insert(v.id.as_uuid(), v.clone());
        data.journal(entry);
        Ok(())
    }

    async fn volunteer(&self, hub: HubId, id: VolunteerId) -> Result<Volunteer> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .volunteers
            .get(id.as_uuid())
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
        crate::order::sort_by(&mut out, |a, b| {
            (a.display_name.as_str(), a.id).cmp(&(b.display_name.as_str(), b.id))
        });
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
            .get(shift.volunteer_id.as_uuid())
            .ok_or_else(|| Error::not_found("volunteer", shift.volunteer_id))?;
        if v.version != volunteer_version {
            return Err(Error::conflict(stale_message("volunteer")));
        }
        if data.shifts.contains(shift.id.as_uuid()) {
            return Err(Error::conflict(duplicate_message("shift", shift.id)));
        }
        if let Some(other) = data.overlapping(shift) {
            return Err(Error::conflict(overlap_message(shift.date, other.id)));
        }
        data.shifts.insert(shift.id.as_uuid(), shift.clone());
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
            .get(shift.id.as_uuid())
            .ok_or_else(|| Error::not_found("shift", shift.id))?;
        if current.status != expected {
            return Err(Error::conflict(stale_message("shift")));
        }
        if shift.is_live()
            && let Some(other) = data.overlapping(shift)
        {
            return Err(Error::conflict(overlap_message(shift.date, other.id)));
        }
        data.shifts.insert(shift.id.as_uuid(), shift.clone());
        data.journal(entry);
        Ok(())
    }

    async fn shift(&self, hub: HubId, id: ShiftId) -> Result<Shift> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .shifts
            .get(id.as_uuid())
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
        crate::order::sort_by_key(&mut out, |s| (s.date, s.span.start(), s.role, s.id));
        Ok(out)
    }

    async fn hours_by_volunteer(
        &self,
        hub: HubId,
        period: Period,
    ) -> Result<Vec<HoursByVolunteer>> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        let sums = crate::order::group_by_key(
            data.worked(period)
                .map(|s| (s.volunteer_id, i64::from(s.minutes()), 1))
                .collect(),
            |r: &(VolunteerId, i64, i64)| r.0,
            |a, b| {
                a.1 += b.1;
                a.2 += b.2;
            },
        );
        let mut out: Vec<HoursByVolunteer> = sums
            .into_iter()
            .filter_map(|(id, minutes, shifts)| {
                data.volunteers.get(id.as_uuid()).map(|v| HoursByVolunteer {
                    volunteer_id: id,
                    display_name: v.display_name.clone(),
                    minutes,
                    shifts,
                })
            })
            .collect();
        crate::order::sort_by(&mut out, |a, b| {
            (a.display_name.as_str(), a.volunteer_id)
                .cmp(&(b.display_name.as_str(), b.volunteer_id))
        });
        Ok(out)
    }

    async fn hours_by_role(&self, hub: HubId, period: Period) -> Result<Vec<HoursByRole>> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        // One row per worked shift, then summed per role code, in code order.
        let sums = crate::order::group_by_key(
            data.worked(period)
                .map(|s| HoursByRole {
                    role: s.role,
                    minutes: i64::from(s.minutes()),
                    shifts: 1,
                })
                .collect(),
            |r: &HoursByRole| r.role.code(),
            |a, b| {
                a.minutes += b.minutes;
                a.shifts += b.shifts;
            },
        );
        Ok(sums)
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
