//! The storage contract of volunteer development: the hub's skills,
//! assessments, the cohort aggregate and coaching trajectories. The
//! conformance suite (`tests/conformance/development.rs`) shows the behaviour.

use crate::{
    Assessment, AssessmentId, Coaching, CoachingId, CohortCount, HubId, JournalEntry, Measure,
    Period, Result, Skill, VolunteerId,
};

/// Development records. Each method is one atomic unit of work (journal
/// entry included) scoped to one hub.
#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
pub trait DevelopmentStore: Send + Sync {
    /// Replaces the hub's list of skills.
    async fn set_skills(&self, hub: HubId, skills: &[Skill], entry: &JournalEntry) -> Result<()>;

    /// The hub's skills (empty until set).
    async fn skills(&self, hub: HubId) -> Result<Vec<Skill>>;

    /// Stores an assessment. `NotFound` for an unknown volunteer or an
    /// unknown corrected assessment; `Conflict` when the corrected one was
    /// already corrected (correct the correction instead).
    async fn insert_assessment(
        &self,
        hub: HubId,
        a: &Assessment,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One assessment, or `NotFound`.
    async fn assessment(&self, hub: HubId, id: AssessmentId) -> Result<Assessment>;

    /// Assessments (of one volunteer, or all) by date, then id.
    async fn assessments(
        &self,
        hub: HubId,
        volunteer: Option<VolunteerId>,
    ) -> Result<Vec<Assessment>>;

    /// For volunteers who joined in `joined`: the number and sum of their
    /// scores of `measure` per cohort (quarter of joining) and month of
    /// membership, leaving out corrected assessments; aggregated in the
    /// store, by cohort then month.
    async fn cohort_counts(
        &self,
        hub: HubId,
        measure: &Measure,
        joined: Period,
    ) -> Result<Vec<CohortCount>>;

    /// Stores a new coaching trajectory; `Conflict` if the volunteer already
    /// has an open one, `NotFound` for an unknown volunteer or coach.
    async fn insert_coaching(&self, hub: HubId, c: &Coaching, entry: &JournalEntry) -> Result<()>;

    /// Replaces a coaching trajectory if its version is still `expected_version`.
    async fn update_coaching(
        &self,
        hub: HubId,
        c: &Coaching,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One coaching trajectory, or `NotFound`.
    async fn coaching(&self, hub: HubId, id: CoachingId) -> Result<Coaching>;

    /// Coaching trajectories (of one volunteer, or all; only open ones when
    /// asked) by start date, then id.
    async fn coachings(
        &self,
        hub: HubId,
        volunteer: Option<VolunteerId>,
        open_only: bool,
    ) -> Result<Vec<Coaching>>;
}
