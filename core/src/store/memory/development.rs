//! Development records in memory.

use super::{MemoryStore, hub_mut, hub_ref};
use crate::store::{
    DevelopmentStore, corrected_twice_message, duplicate_message, open_coaching_message,
    stale_message,
};
use crate::{
    Assessment, AssessmentId, Coaching, CoachingId, CoachingStatus, CohortCount, Error, HubId,
    JournalEntry, LadderCounts, Measure, Period, Result, Skill, VolunteerId, months_of_membership,
    quarter_start,
};
use chrono::NaiveDate;

#[derive(Debug, Default)]
pub(super) struct DevelopmentData {
    skills: Vec<Skill>,
    pub(super) assessments: Vec<Assessment>,
    coachings: Vec<Coaching>,
}

impl DevelopmentData {
    /// Movement on the participation ladder in `period` (see
    /// [`LadderCounts`]): per volunteer, the latest uncorrected step in the
    /// period against the latest before it, latest by date, then id.
    pub(super) fn ladder_counts(&self, period: Period) -> LadderCounts {
        let all = &self.assessments;
        let ladder = Measure::ladder();
        let mut latest: Vec<(VolunteerId, bool, (NaiveDate, AssessmentId), u8)> = Vec::new();
        for a in all
            .iter()
            .filter(|a| a.on <= period.to())
            .filter(|a| !all.iter().any(|b| b.corrects == Some(a.id)))
        {
            let Some(score) = a.scores.iter().find(|s| s.measure == ladder) else {
                continue;
            };
            let inside = a.on >= period.from();
            let key = (a.on, a.id);
            match latest
                .iter_mut()
                .find(|l| l.0 == a.volunteer_id && l.1 == inside)
            {
                Some(l) if l.2 < key => (l.2, l.3) = (key, score.value),
                Some(_) => {}
                None => latest.push((a.volunteer_id, inside, key, score.value)),
            }
        }
        let mut out = LadderCounts::default();
        for now in latest.iter().filter(|l| l.1) {
            out.measured += 1;
            let before = latest.iter().find(|l| !l.1 && l.0 == now.0);
            match before.map(|b| now.3.cmp(&b.3)) {
                Some(std::cmp::Ordering::Greater) => out.up += 1,
                Some(std::cmp::Ordering::Equal) => out.same += 1,
                Some(std::cmp::Ordering::Less) => out.down += 1,
                None => {}
            }
        }
        out
    }
}

#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
impl DevelopmentStore for MemoryStore {
    async fn set_skills(&self, hub: HubId, skills: &[Skill], entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        data.development.skills = skills.to_vec();
        data.journal(entry);
        Ok(())
    }

    async fn skills(&self, hub: HubId) -> Result<Vec<Skill>> {
        let st = self.lock();
        Ok(hub_ref(&st, hub)?.development.skills.clone())
    }

    async fn insert_assessment(
        &self,
        hub: HubId,
        a: &Assessment,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if !data.volunteers.contains(a.volunteer_id.as_uuid()) {
            return Err(Error::not_found(VolunteerId::ENTITY, a.volunteer_id));
        }
        let dev = &data.development;
        if let Some(c) = a.corrects {
            if !dev.assessments.iter().any(|o| o.id == c) {
                return Err(Error::not_found(AssessmentId::ENTITY, c));
            }
            if let Some(by) = dev.assessments.iter().find(|o| o.corrects == Some(c)) {
                return Err(Error::Conflict(corrected_twice_message(c, by.id)));
            }
        }
        if dev.assessments.iter().any(|o| o.id == a.id) {
            return Err(Error::Conflict(duplicate_message(
                AssessmentId::ENTITY,
                a.id,
            )));
        }
        data.development.assessments.push(a.clone());
        data.journal(entry);
        Ok(())
    }

    async fn assessment(&self, hub: HubId, id: AssessmentId) -> Result<Assessment> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .development
            .assessments
            .iter()
            .find(|a| a.id == id)
            .cloned()
            .ok_or_else(|| Error::not_found(AssessmentId::ENTITY, id))
    }

    async fn assessments(
        &self,
        hub: HubId,
        volunteer: Option<VolunteerId>,
    ) -> Result<Vec<Assessment>> {
        let st = self.lock();
        let mut out: Vec<Assessment> = hub_ref(&st, hub)?
            .development
            .assessments
            .iter()
            .filter(|a| volunteer.is_none_or(|v| a.volunteer_id == v))
            .cloned()
            .collect();
        crate::order::sort_by_key(&mut out, |a| (a.on, a.id));
        Ok(out)
    }

    async fn cohort_counts(
        &self,
        hub: HubId,
        measure: &Measure,
        joined: Period,
    ) -> Result<Vec<CohortCount>> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        let all = &data.development.assessments;
        let mut out: Vec<CohortCount> = Vec::new();
        for a in all
            .iter()
            .filter(|a| !all.iter().any(|b| b.corrects == Some(a.id)))
        {
            let Some(v) = data.volunteers.get(a.volunteer_id.as_uuid()) else {
                continue;
            };
            if !joined.contains(v.start_date) {
                continue;
            }
            let Some(score) = a.scores.iter().find(|s| s.measure == *measure) else {
                continue;
            };
            let cohort = quarter_start(v.start_date);
            let month = months_of_membership(v.start_date, a.on);
            match out
                .iter_mut()
                .find(|c| c.cohort == cohort && c.month == month)
            {
                Some(c) => {
                    c.n += 1;
                    c.sum += u64::from(score.value);
                }
                None => out.push(CohortCount {
                    cohort,
                    month,
                    n: 1,
                    sum: u64::from(score.value),
                }),
            }
        }
        crate::order::sort_by_key(&mut out, |c| (c.cohort, c.month));
        Ok(out)
    }

    async fn insert_coaching(&self, hub: HubId, c: &Coaching, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        for v in [c.volunteer_id, c.coach_id] {
            if !data.volunteers.contains(v.as_uuid()) {
                return Err(Error::not_found(VolunteerId::ENTITY, v));
            }
        }
        if let Some(open) = data
            .development
            .coachings
            .iter()
            .find(|o| o.volunteer_id == c.volunteer_id && o.status == CoachingStatus::Open)
        {
            return Err(Error::Conflict(open_coaching_message(
                c.volunteer_id,
                open.id,
            )));
        }
        if data.development.coachings.iter().any(|o| o.id == c.id) {
            return Err(Error::Conflict(duplicate_message(CoachingId::ENTITY, c.id)));
        }
        data.development.coachings.push(c.clone());
        data.journal(entry);
        Ok(())
    }

    async fn update_coaching(
        &self,
        hub: HubId,
        c: &Coaching,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let stored = data
            .development
            .coachings
            .iter_mut()
            .find(|o| o.id == c.id)
            .ok_or_else(|| Error::not_found(CoachingId::ENTITY, c.id))?;
        if stored.version != expected_version {
            return Err(Error::Conflict(stale_message(CoachingId::ENTITY)));
        }
        *stored = c.clone();
        data.journal(entry);
        Ok(())
    }

    async fn coaching(&self, hub: HubId, id: CoachingId) -> Result<Coaching> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .development
            .coachings
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .ok_or_else(|| Error::not_found(CoachingId::ENTITY, id))
    }

    async fn coachings(
        &self,
        hub: HubId,
        volunteer: Option<VolunteerId>,
        open_only: bool,
    ) -> Result<Vec<Coaching>> {
        let st = self.lock();
        let mut out: Vec<Coaching> = hub_ref(&st, hub)?
            .development
            .coachings
            .iter()
            .filter(|c| volunteer.is_none_or(|v| c.volunteer_id == v))
            .filter(|c| !open_only || c.status == CoachingStatus::Open)
            .cloned()
            .collect();
        crate::order::sort_by_key(&mut out, |c| (c.opened_on, c.id));
        Ok(out)
    }
}
