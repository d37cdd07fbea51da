//! Courses, enrolments and conflicts in memory.

use super::{MemoryStore, hub_mut, hub_ref};
use crate::store::{CourseStore, already_enrolled_message, duplicate_message, stale_message};
use crate::{
    Conflict, ConflictId, ConflictStatus, Course, CourseCounts, CourseId, Enrolment,
    EnrolmentStatus, Error, HubId, JournalEntry, Period, Result, VolunteerId,
};

#[derive(Debug, Default)]
pub(super) struct CourseData {
    pub(super) courses: Vec<Course>,
    pub(super) enrolments: Vec<Enrolment>,
    conflicts: Vec<Conflict>,
}

fn is_live(e: &Enrolment) -> bool {
    e.status != EnrolmentStatus::Withdrawn
}

impl CourseData {
    /// Courses running in `period`, their places taken and the completions
    /// of the courses that ended in it (see [`CourseCounts`]).
    pub(super) fn course_counts(&self, period: Period) -> CourseCounts {
        let mut out = CourseCounts::default();
        for c in &self.courses {
            let (Some(first), Some(last)) = (c.first(), c.last()) else {
                continue;
            };
            let mine = || self.enrolments.iter().filter(|e| e.course_id == c.id);
            if first <= period.to() && last >= period.from() {
                out.running += 1;
                out.participants += mine()
                    .filter(|e| e.status == EnrolmentStatus::Enrolled)
                    .count() as u64;
            }
            if period.contains(last) {
                out.completions += mine().filter(|e| e.completed).count() as u64;
            }
        }
        out
    }
}

#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
impl CourseStore for MemoryStore {
    async fn insert_course(&self, hub: HubId, c: &Course, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data.courses.courses.iter().any(|o| o.id == c.id) {
            return Err(Error::Conflict(duplicate_message(CourseId::ENTITY, c.id)));
        }
        data.courses.courses.push(c.clone());
        data.journal(entry);
        Ok(())
    }

    async fn course(&self, hub: HubId, id: CourseId) -> Result<Course> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .courses
            .courses
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .ok_or_else(|| Error::not_found(CourseId::ENTITY, id))
    }

    async fn courses(&self, hub: HubId) -> Result<Vec<Course>> {
        let st = self.lock();
        let mut out = hub_ref(&st, hub)?.courses.courses.clone();
        crate::order::sort_by_key(&mut out, |c| (c.first(), c.id));
        Ok(out)
    }

    async fn enrol(&self, hub: HubId, e: &Enrolment, entry: &JournalEntry) -> Result<Enrolment> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let Some(course) = data.courses.courses.iter().find(|c| c.id == e.course_id) else {
            return Err(Error::not_found(CourseId::ENTITY, e.course_id));
        };
        if !data.volunteers.contains(e.volunteer_id.as_uuid()) {
            return Err(Error::not_found(VolunteerId::ENTITY, e.volunteer_id));
        }
        let mine = |o: &&Enrolment| o.course_id == e.course_id;
        if data
            .courses
            .enrolments
            .iter()
            .filter(mine)
            .any(|o| o.volunteer_id == e.volunteer_id && is_live(o))
        {
            return Err(Error::Conflict(already_enrolled_message(
                e.volunteer_id,
                e.course_id,
            )));
        }
        let taken = data
            .courses
            .enrolments
            .iter()
            .filter(mine)
            .filter(|o| o.status == EnrolmentStatus::Enrolled)
            .count() as u32;
        let mut stored = e.clone();
        stored.status = if taken < course.capacity {
            EnrolmentStatus::Enrolled
        } else {
            EnrolmentStatus::Waiting
        };
        // A withdrawn volunteer enrolling again replaces their old record.
        data.courses
            .enrolments
            .retain(|o| !(o.course_id == e.course_id && o.volunteer_id == e.volunteer_id));
        data.courses.enrolments.push(stored.clone());
        data.journal(entry);
        Ok(stored)
    }

    async fn withdraw(
        &self,
        hub: HubId,
        course: CourseId,
        volunteer: VolunteerId,
        entry: &JournalEntry,
    ) -> Result<(Enrolment, Option<Enrolment>)> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let list = &mut data.courses.enrolments;
        let Some(i) = list
            .iter()
            .position(|o| o.course_id == course && o.volunteer_id == volunteer && is_live(o))
        else {
            return Err(Error::not_found(
                "enrolment",
                format!("{course}/{volunteer}"),
            ));
        };
        let held_place = list[i].status == EnrolmentStatus::Enrolled;
        list[i].status = EnrolmentStatus::Withdrawn;
        list[i].version += 1;
        let withdrawn = list[i].clone();
        let mut promoted = None;
        if held_place {
            let next = list
                .iter()
                .enumerate()
                .filter(|(_, o)| o.course_id == course && o.status == EnrolmentStatus::Waiting)
                .min_by_key(|(_, o)| (o.enrolled_at, o.volunteer_id))
                .map(|(j, _)| j);
            if let Some(j) = next {
                list[j].status = EnrolmentStatus::Enrolled;
                list[j].version += 1;
                promoted = Some(list[j].clone());
            }
        }
        data.journal(entry);
        Ok((withdrawn, promoted))
    }

    async fn enrolments(&self, hub: HubId, course: CourseId) -> Result<Vec<Enrolment>> {
        let st = self.lock();
        let mut out: Vec<Enrolment> = hub_ref(&st, hub)?
            .courses
            .enrolments
            .iter()
            .filter(|e| e.course_id == course)
            .cloned()
            .collect();
        crate::order::sort_by_key(&mut out, |e| (e.enrolled_at, e.volunteer_id));
        Ok(out)
    }

    async fn update_enrolments(
        &self,
        hub: HubId,
        changed: &[Enrolment],
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        for e in changed {
            let ok = data.courses.enrolments.iter().any(|o| {
                o.course_id == e.course_id
                    && o.volunteer_id == e.volunteer_id
                    && o.version + 1 == e.version
                    && o.status == e.status
            });
            if !ok {
                return Err(Error::Conflict(stale_message("enrolment")));
            }
        }
        for e in changed {
            if let Some(o) = data
                .courses
                .enrolments
                .iter_mut()
                .find(|o| o.course_id == e.course_id && o.volunteer_id == e.volunteer_id)
            {
                *o = e.clone();
            }
        }
        data.journal(entry);
        Ok(())
    }

    async fn insert_conflict(&self, hub: HubId, c: &Conflict, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if let Some(p) = c
            .parties
            .iter()
            .find(|p| !data.volunteers.contains(p.as_uuid()))
        {
            return Err(Error::not_found(VolunteerId::ENTITY, p));
        }
        if data.courses.conflicts.iter().any(|o| o.id == c.id) {
            return Err(Error::Conflict(duplicate_message(ConflictId::ENTITY, c.id)));
        }
        data.courses.conflicts.push(c.clone());
        data.journal(entry);
        Ok(())
    }

    async fn update_conflict(
        &self,
        hub: HubId,
        c: &Conflict,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let stored = data
            .courses
            .conflicts
            .iter_mut()
            .find(|o| o.id == c.id)
            .ok_or_else(|| Error::not_found(ConflictId::ENTITY, c.id))?;
        if stored.version != expected_version {
            return Err(Error::Conflict(stale_message(ConflictId::ENTITY)));
        }
        *stored = c.clone();
        data.journal(entry);
        Ok(())
    }

    async fn conflict(&self, hub: HubId, id: ConflictId) -> Result<Conflict> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .courses
            .conflicts
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .ok_or_else(|| Error::not_found(ConflictId::ENTITY, id))
    }

    async fn conflicts(&self, hub: HubId, unresolved_only: bool) -> Result<Vec<Conflict>> {
        let st = self.lock();
        let mut out: Vec<Conflict> = hub_ref(&st, hub)?
            .courses
            .conflicts
            .iter()
            .filter(|c| !unresolved_only || c.status != ConflictStatus::Resolved)
            .cloned()
            .collect();
        crate::order::sort_by_key(&mut out, |c| (c.on, c.id));
        Ok(out)
    }
}
