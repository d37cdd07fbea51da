//! Hub operations on courses (enrolment with a waiting list, attendance,
//! completion, the before/after change) and on the conflict register.

use super::Hub;
use crate::journal::detail;
use crate::{
    Action, Actor, Conflict, ConflictId, Course, CourseEffect, CourseId, DEFAULT_MIN_EFFECT_N,
    Enrolment, JournalEntry, Measure, NewConflict, NewConflictFollowUp, NewCourse, Result, Scope,
    VolunteerId, authorize, course_effect, with_attendance, with_completion,
};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;

/// What a withdrawal changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Withdrawal {
    /// The withdrawn enrolment.
    pub withdrawn: Enrolment,
    /// The volunteer who moved up from the waiting list, if any.
    pub promoted: Option<Enrolment>,
}

impl<S: crate::Store + ?Sized> Hub<S> {
    /// Plans a course (coordinators, admins).
    pub async fn create_course(&self, actor: &Actor, input: NewCourse) -> Result<Course> {
        authorize(actor, Action::ManageCourses)?;
        let c = Course::new(CourseId::generate(self.clock()), input)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "course.created",
            CourseId::ENTITY,
            c.id,
            detail(&c),
        );
        self.store.insert_course(self.id, &c, &entry).await?;
        Ok(c)
    }

    /// One course (volunteers too).
    pub async fn course(&self, actor: &Actor, id: CourseId) -> Result<Course> {
        authorize(actor, Action::ReadCourses)?;
        self.store.course(self.id, id).await
    }

    /// All courses, by first session.
    pub async fn courses(&self, actor: &Actor) -> Result<Vec<Course>> {
        authorize(actor, Action::ReadCourses)?;
        self.store.courses(self.id).await
    }

    /// Enrols a volunteer (coordinators, admins): a place while there are
    /// places, otherwise the waiting list.
    pub async fn enrol(
        &self,
        actor: &Actor,
        course: CourseId,
        volunteer: VolunteerId,
    ) -> Result<Enrolment> {
        authorize(actor, Action::ManageCourses)?;
        let c = self.store.course(self.id, course).await?;
        let e = Enrolment::request(&c, volunteer, self.clock());
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "course.enrolment_requested",
            CourseId::ENTITY,
            course,
            json!({ "volunteer": volunteer }),
        );
        self.store.enrol(self.id, &e, &entry).await
    }

    /// Withdraws a volunteer; the first on the waiting list moves up.
    pub async fn withdraw(
        &self,
        actor: &Actor,
        course: CourseId,
        volunteer: VolunteerId,
    ) -> Result<Withdrawal> {
        authorize(actor, Action::ManageCourses)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "course.withdrawn",
            CourseId::ENTITY,
            course,
            json!({ "volunteer": volunteer }),
        );
        let (withdrawn, promoted) = self
            .store
            .withdraw(self.id, course, volunteer, &entry)
            .await?;
        Ok(Withdrawal {
            withdrawn,
            promoted,
        })
    }

    /// A course's enrolments by request time: coordinators all, a volunteer
    /// their own.
    pub async fn enrolments(&self, actor: &Actor, course: CourseId) -> Result<Vec<Enrolment>> {
        let scope = authorize(actor, Action::ReadCourses)?;
        self.store.course(self.id, course).await?;
        let mut all = self.store.enrolments(self.id, course).await?;
        if let Scope::Own(v) = scope {
            all.retain(|e| e.volunteer_id == v);
        }
        Ok(all)
    }

    /// Records who was present at the session on `date` (enrolled volunteers only).
    pub async fn record_course_attendance(
        &self,
        actor: &Actor,
        course: CourseId,
        date: NaiveDate,
        present: &[VolunteerId],
    ) -> Result<Vec<Enrolment>> {
        authorize(actor, Action::ManageCourses)?;
        let c = self.store.course(self.id, course).await?;
        let all = self.store.enrolments(self.id, course).await?;
        let changed = with_attendance(&c, &all, date, present, self.clock().today())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "course.attendance_recorded",
            CourseId::ENTITY,
            course,
            json!({ "date": date, "present": present }),
        );
        self.store
            .update_enrolments(self.id, &changed, &entry)
            .await?;
        self.store.enrolments(self.id, course).await
    }

    /// Marks enrolled volunteers as having completed the course (after its last session).
    pub async fn complete_course(
        &self,
        actor: &Actor,
        course: CourseId,
        volunteers: &[VolunteerId],
    ) -> Result<Vec<Enrolment>> {
        authorize(actor, Action::ManageCourses)?;
        let c = self.store.course(self.id, course).await?;
        let all = self.store.enrolments(self.id, course).await?;
        let changed = with_completion(&c, &all, volunteers, self.clock().today())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "course.completed",
            CourseId::ENTITY,
            course,
            json!({ "volunteers": volunteers }),
        );
        self.store
            .update_enrolments(self.id, &changed, &entry)
            .await?;
        self.store.enrolments(self.id, course).await
    }

    /// The change in `measure` for the participants who completed the
    /// course, from their last assessment before it to the first after it:
    /// n, mean and spread, or "insufficient data" below `min_n` (default 5).
    /// A before/after difference, not a causal effect (coordinators, admins).
    pub async fn course_effect(
        &self,
        actor: &Actor,
        course: CourseId,
        measure: &Measure,
        min_n: Option<u32>,
    ) -> Result<CourseEffect> {
        authorize(actor, Action::ManageCourses)?;
        let c = self.store.course(self.id, course).await?;
        let enrolments = self.store.enrolments(self.id, course).await?;
        let assessments = self.store.assessments(self.id, None).await?;
        Ok(course_effect(
            &c,
            &enrolments,
            &assessments,
            measure,
            min_n.unwrap_or(DEFAULT_MIN_EFFECT_N),
        ))
    }

    /// Registers a conflict between volunteers (coordinators, admins only).
    pub async fn register_conflict(&self, actor: &Actor, input: NewConflict) -> Result<Conflict> {
        authorize(actor, Action::ManageConflicts)?;
        let c = Conflict::register(
            ConflictId::generate(self.clock()),
            input,
            self.clock().today(),
        )?;
        // The journal records that a conflict was registered and between whom, not the description.
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "conflict.registered",
            ConflictId::ENTITY,
            c.id,
            json!({ "parties": c.parties, "step": c.step, "intervention": c.intervention }),
        );
        self.store.insert_conflict(self.id, &c, &entry).await?;
        Ok(c)
    }

    /// Adds a dated follow-up, optionally with a new step, intervention or status.
    pub async fn follow_up_conflict(
        &self,
        actor: &Actor,
        id: ConflictId,
        input: NewConflictFollowUp,
    ) -> Result<Conflict> {
        authorize(actor, Action::ManageConflicts)?;
        let current = self.store.conflict(self.id, id).await?;
        let next = current.followed_up(input, self.clock().today())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "conflict.followed_up",
            ConflictId::ENTITY,
            id,
            json!({ "step": next.step, "status": next.status, "intervention": next.intervention }),
        );
        self.store
            .update_conflict(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// One conflict (coordinators, admins only).
    pub async fn conflict(&self, actor: &Actor, id: ConflictId) -> Result<Conflict> {
        authorize(actor, Action::ManageConflicts)?;
        self.store.conflict(self.id, id).await
    }

    /// The register, by date; only unresolved conflicts when asked.
    pub async fn conflicts(&self, actor: &Actor, unresolved_only: bool) -> Result<Vec<Conflict>> {
        authorize(actor, Action::ManageConflicts)?;
        self.store.conflicts(self.id, unresolved_only).await
    }
}
