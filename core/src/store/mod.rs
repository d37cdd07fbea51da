//! Storage: one async [`Store`] trait, implemented by every backend.
//!
//! Each method is one atomic unit of work: it either happens completely,
//! journal entry included, or not at all. A store enforces only what needs
//! atomicity — optimistic versions, status compare-and-set, no overlapping
//! shifts for one volunteer — and leaves every other rule to the core.
//! Every method is scoped by a [`HubId`]; no query crosses into another hub.

mod activities;
mod courses;
mod development;
mod memory;
mod report;
mod research;
mod signals;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub(crate) mod sql;
mod stock;
mod sync;

pub use activities::{ActivityStore, SessionQuery};
pub use courses::CourseStore;
pub use development::DevelopmentStore;
pub use memory::MemoryStore;
pub use report::ReportStore;
pub use research::ResearchStore;
pub use signals::{ReferralQuery, SignalQuery, SignalStore};
#[cfg(feature = "postgres")]
pub use sql::postgres::PostgresStore;
#[cfg(feature = "sqlite")]
pub use sql::sqlite::SqliteStore;
pub use stock::StockStore;
pub use sync::SyncStore;

use crate::{
    HoursByRole, HoursByVolunteer, HubId, HubSlug, JournalEntry, JournalRecord, OpeningHours,
    Period, Result, Shift, ShiftId, ShiftStatus, Volunteer, VolunteerId, VolunteerStatus,
};
use chrono::{DateTime, Utc};

/// The conflict message for an overlapping shift (shared by every backend).
pub(crate) fn overlap_message(date: chrono::NaiveDate, other: ShiftId) -> String {
    format!("the volunteer already has a shift on {date} that overlaps this one ({other})")
}

/// The conflict message for a stale optimistic version (shared by every backend).
pub(crate) fn stale_message(entity: &str) -> String {
    format!("the {entity} was changed by someone else meanwhile; reload and try again")
}

/// The conflict message for inserting an id that already exists (shared by every backend).
pub(crate) fn duplicate_message(entity: &str, id: impl std::fmt::Display) -> String {
    format!("{entity} {id} already exists")
}

/// The conflict message for a sale, refund or move line that asks for more
/// than is available (shared by every backend).
pub(crate) fn short_message(item: crate::ItemId, available: i64, wanted: i64) -> String {
    format!("only {available} of item {item} available, {wanted} asked")
}

/// The conflict message for a second cash-up of a till on a day (shared by every backend).
pub(crate) fn cash_up_twice_message(till: &crate::TillName, date: chrono::NaiveDate) -> String {
    format!("till {till} was already cashed up on {date}")
}

/// The conflict message for closing a signal with an open referral (shared by every backend).
pub(crate) fn open_referrals_message(signal: crate::SignalId) -> String {
    format!("signal {signal} still has open referrals; close or cancel them first")
}

/// The conflict message for a second table tally of one day (shared by every backend).
pub(crate) fn tally_twice_message(date: chrono::NaiveDate) -> String {
    format!("the table tally of {date} is already recorded; correct it instead")
}

/// The conflict message for a second correction of one assessment (shared by every backend).
pub(crate) fn corrected_twice_message(id: crate::AssessmentId, by: crate::AssessmentId) -> String {
    format!("assessment {id} was already corrected by {by}; correct that one instead")
}

/// The conflict message for a second open coaching (shared by every backend).
pub(crate) fn open_coaching_message(
    volunteer: crate::VolunteerId,
    open: crate::CoachingId,
) -> String {
    format!("volunteer {volunteer} already has an open coaching trajectory ({open})")
}

/// The conflict message for enrolling a volunteer twice (shared by every backend).
pub(crate) fn already_enrolled_message(
    volunteer: crate::VolunteerId,
    course: crate::CourseId,
) -> String {
    format!("volunteer {volunteer} is already enrolled in (or waiting for) course {course}")
}

/// Which shifts to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShiftQuery {
    /// Dates to cover (inclusive).
    pub period: Period,
    /// Only this volunteer's shifts.
    pub volunteer: Option<VolunteerId>,
    /// Include cancelled shifts.
    pub include_cancelled: bool,
}

/// The storage contract. See the module docs for the atomicity rules and
/// `tests/conformance` for the behaviour every backend must show.
#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
pub trait Store:
    StockStore
    + SignalStore
    + ActivityStore
    + DevelopmentStore
    + CourseStore
    + ReportStore
    + ResearchStore
    + SyncStore
    + Send
    + Sync
{
    /// The id of the hub named `slug`, creating it (with `new_id`) on first use.
    async fn ensure_hub(&self, slug: &HubSlug, new_id: HubId, now: DateTime<Utc>) -> Result<HubId>;

    /// Stores a new volunteer.
    async fn insert_volunteer(&self, hub: HubId, v: &Volunteer, entry: &JournalEntry)
    -> Result<()>;

    /// Replaces a volunteer if its stored version is still `expected_version`;
    /// otherwise `Conflict` (someone else changed it) or `NotFound`.
    async fn update_volunteer(
        &self,
        hub: HubId,
        v: &Volunteer,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One volunteer, or `NotFound`.
    async fn volunteer(&self, hub: HubId, id: VolunteerId) -> Result<Volunteer>;

    /// All volunteers (optionally of one status), ordered by display name.
    async fn volunteers(
        &self,
        hub: HubId,
        status: Option<VolunteerStatus>,
    ) -> Result<Vec<Volunteer>>;

    /// Stores a new shift if the volunteer still has `volunteer_version` and
    /// no live shift of theirs overlaps it; otherwise `NotFound` or `Conflict`.
    async fn insert_shift(
        &self,
        hub: HubId,
        shift: &Shift,
        volunteer_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// Replaces a shift if its stored status is still `expected`, and — unless
    /// it is now cancelled — no other live shift of the volunteer overlaps it.
    async fn update_shift(
        &self,
        hub: HubId,
        shift: &Shift,
        expected: ShiftStatus,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One shift, or `NotFound`.
    async fn shift(&self, hub: HubId, id: ShiftId) -> Result<Shift>;

    /// Shifts in a period, ordered by date, start time, role.
    async fn shifts(&self, hub: HubId, query: &ShiftQuery) -> Result<Vec<Shift>>;

    /// Worked minutes and shifts per volunteer in `period`, aggregated by the
    /// store; volunteers without worked shifts are left out. Ordered by name.
    async fn hours_by_volunteer(&self, hub: HubId, period: Period)
    -> Result<Vec<HoursByVolunteer>>;

    /// Worked minutes and shifts per role in `period`. Ordered by role code.
    async fn hours_by_role(&self, hub: HubId, period: Period) -> Result<Vec<HoursByRole>>;

    /// Replaces the hub's opening hours.
    async fn set_opening_hours(
        &self,
        hub: HubId,
        hours: &OpeningHours,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// The hub's opening hours (empty when never set).
    async fn opening_hours(&self, hub: HubId) -> Result<OpeningHours>;

    /// Journal entries with `seq > after`, oldest first, at most `limit`.
    async fn journal(&self, hub: HubId, after: i64, limit: u32) -> Result<Vec<JournalRecord>>;
}
