//! The storage contract of activities, schedules, sessions, residents,
//! ideas and the table tally. The conformance suite
//! (`tests/conformance/activities.rs`) shows the behaviour.

use crate::{
    Activity, ActivityCounts, ActivityId, HubId, Idea, IdeaId, IdeaStatus, JournalEntry, Period,
    Resident, ResidentId, Result, Schedule, Session, SessionId, TableTally,
};
use chrono::NaiveDate;

/// Which sessions to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionQuery {
    /// Only this activity's sessions.
    pub activity: Option<ActivityId>,
    /// Session dates (inclusive).
    pub period: Period,
}

/// Activities and everything that hangs off them. Each method is one atomic
/// unit of work (journal entry included) scoped to one hub.
#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
pub trait ActivityStore: Send + Sync {
    /// Stores a new activity.
    async fn insert_activity(&self, hub: HubId, a: &Activity, entry: &JournalEntry) -> Result<()>;

    /// Replaces an activity if its stored version is still `expected_version`.
    async fn update_activity(
        &self,
        hub: HubId,
        a: &Activity,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One activity, or `NotFound`.
    async fn activity(&self, hub: HubId, id: ActivityId) -> Result<Activity>;

    /// All activities by name (then id).
    async fn activities(&self, hub: HubId) -> Result<Vec<Activity>>;

    /// Stores `schedule` and ends the activity's earlier schedules as
    /// `ended` says (their new `until`), removing the sessions of those
    /// schedules dated on or after `drop_from` that were neither held nor
    /// cancelled; returns how many sessions were removed. Past sessions are
    /// never touched. `Conflict` if an ended schedule changed meanwhile.
    async fn insert_schedule(
        &self,
        hub: HubId,
        schedule: &Schedule,
        ended: &[Schedule],
        drop_from: NaiveDate,
        entry: &JournalEntry,
    ) -> Result<u64>;

    /// An activity's schedules, by start date (then id).
    async fn schedules(&self, hub: HubId, activity: ActivityId) -> Result<Vec<Schedule>>;

    /// Stores those `sessions` whose activity has no session yet at the
    /// same date and start time (idempotent generation); journals `entry`
    /// only when at least one was stored. Returns how many were stored.
    async fn insert_sessions(
        &self,
        hub: HubId,
        sessions: &[Session],
        entry: &JournalEntry,
    ) -> Result<u64>;

    /// Replaces a session if its stored version is still `expected_version`;
    /// the named participants must exist (`NotFound` otherwise).
    async fn update_session(
        &self,
        hub: HubId,
        s: &Session,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One session, or `NotFound`.
    async fn session(&self, hub: HubId, id: SessionId) -> Result<Session>;

    /// Sessions by date, start time, then id.
    async fn sessions(&self, hub: HubId, q: &SessionQuery) -> Result<Vec<Session>>;

    /// Stores a registered resident.
    async fn insert_resident(&self, hub: HubId, r: &Resident, entry: &JournalEntry) -> Result<()>;

    /// All registered residents by name (then id).
    async fn residents(&self, hub: HubId) -> Result<Vec<Resident>>;

    /// Forgets a resident: removes the record and their name from every
    /// attendance (headcounts stay). `NotFound` if unknown.
    async fn delete_resident(&self, hub: HubId, id: ResidentId, entry: &JournalEntry)
    -> Result<()>;

    /// Stores a new idea.
    async fn insert_idea(&self, hub: HubId, idea: &Idea, entry: &JournalEntry) -> Result<()>;

    /// Replaces an idea (with its history) if its version is still `expected_version`.
    async fn update_idea(
        &self,
        hub: HubId,
        idea: &Idea,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One idea, or `NotFound`.
    async fn idea(&self, hub: HubId, id: IdeaId) -> Result<Idea>;

    /// Ideas (optionally of one status) by submission date, then id.
    async fn ideas(&self, hub: HubId, status: Option<IdeaStatus>) -> Result<Vec<Idea>>;

    /// Stores a day's tally; a second one for the same day is a `Conflict`.
    async fn insert_tally(&self, hub: HubId, t: &TableTally, entry: &JournalEntry) -> Result<()>;

    /// Replaces a day's tally if its version is still `expected_version`.
    async fn update_tally(
        &self,
        hub: HubId,
        t: &TableTally,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// The tally of a day, if recorded.
    async fn tally(&self, hub: HubId, date: NaiveDate) -> Result<Option<TableTally>>;

    /// Tallies in a period, by date.
    async fn tallies(&self, hub: HubId, period: Period) -> Result<Vec<TableTally>>;

    /// Counts for the activity report of `period`, aggregated in the store.
    async fn activity_counts(&self, hub: HubId, period: Period) -> Result<ActivityCounts>;
}
