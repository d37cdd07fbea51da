//! The storage contract of courses (with enrolments and their waiting list)
//! and of the conflict register. The conformance suite
//! (`tests/conformance/courses.rs`) shows the behaviour.

use crate::{
    Conflict, ConflictId, Course, CourseId, Enrolment, HubId, JournalEntry, Result, VolunteerId,
};

/// Courses, enrolments and conflicts. Each method is one atomic unit of
/// work (journal entry included) scoped to one hub.
#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
pub trait CourseStore: Send + Sync {
    /// Stores a new course.
    async fn insert_course(&self, hub: HubId, c: &Course, entry: &JournalEntry) -> Result<()>;

    /// One course, or `NotFound`.
    async fn course(&self, hub: HubId, id: CourseId) -> Result<Course>;

    /// All courses by first session date, then id.
    async fn courses(&self, hub: HubId) -> Result<Vec<Course>>;

    /// Enrols a volunteer under the course's lock: `enrolled` while places
    /// are left (fewer enrolled than the capacity), otherwise `waiting`.
    /// Returns the stored enrolment. `NotFound` for an unknown course or
    /// volunteer; `Conflict` when the volunteer is already enrolled or
    /// waiting (a withdrawn volunteer may enrol again: a new request).
    async fn enrol(&self, hub: HubId, e: &Enrolment, entry: &JournalEntry) -> Result<Enrolment>;

    /// Withdraws an enrolled or waiting volunteer; when they held a place,
    /// the first on the waiting list (earliest request) takes it. Returns
    /// the withdrawn enrolment and the promoted one, if any. `NotFound`
    /// when the volunteer is not enrolled or waiting.
    async fn withdraw(
        &self,
        hub: HubId,
        course: CourseId,
        volunteer: VolunteerId,
        entry: &JournalEntry,
    ) -> Result<(Enrolment, Option<Enrolment>)>;

    /// A course's enrolments (withdrawn ones too) by request time, then volunteer.
    async fn enrolments(&self, hub: HubId, course: CourseId) -> Result<Vec<Enrolment>>;

    /// Replaces enrolments (attendance, completion), each only if its
    /// stored version is one below the new one and its status unchanged;
    /// otherwise `Conflict` and nothing is written.
    async fn update_enrolments(
        &self,
        hub: HubId,
        changed: &[Enrolment],
        entry: &JournalEntry,
    ) -> Result<()>;

    /// Stores a new conflict; `NotFound` for an unknown party.
    async fn insert_conflict(&self, hub: HubId, c: &Conflict, entry: &JournalEntry) -> Result<()>;

    /// Replaces a conflict if its version is still `expected_version`.
    async fn update_conflict(
        &self,
        hub: HubId,
        c: &Conflict,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One conflict, or `NotFound`.
    async fn conflict(&self, hub: HubId, id: ConflictId) -> Result<Conflict>;

    /// Conflicts (only unresolved ones when asked) by date, then id.
    async fn conflicts(&self, hub: HubId, unresolved_only: bool) -> Result<Vec<Conflict>>;
}
