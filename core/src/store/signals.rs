//! The storage contract of signals, referrals and partners. Personal fields
//! of a signal live apart from its coded facts (a separate table in SQL), so
//! the purge can erase them alone. The conformance suite
//! (`tests/conformance/signals.rs`) shows the behaviour.

use crate::{
    HubId, JournalEntry, Partner, PartnerId, Period, Referral, ReferralId, Result, Signal,
    SignalCounts, SignalId, SignalPersonal, SignalPolicy, VolunteerId,
};
use chrono::{DateTime, NaiveDate, Utc};

/// Which signals to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SignalQuery {
    /// Only signals recorded by this volunteer.
    pub recorded_by: Option<VolunteerId>,
    /// Only open signals.
    pub open_only: bool,
    /// Only signals recorded on a date in this period.
    pub period: Option<Period>,
}

/// Which referrals to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReferralQuery {
    /// Only the referrals of this signal.
    pub signal: Option<SignalId>,
    /// Only open referrals.
    pub open_only: bool,
    /// Only open referrals with a follow-up on or before this date, ordered
    /// by follow-up date (otherwise by creation).
    pub follow_up_by: Option<NaiveDate>,
}

/// Signals, their personal fields, referrals, partners, the signal policy
/// and the statistics. Each method is one atomic unit of work (journal
/// entries included) scoped to one hub.
#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
pub trait SignalStore: Send + Sync {
    /// Stores a new signal: coded facts and personal fields apart.
    async fn insert_signal(
        &self,
        hub: HubId,
        signal: &Signal,
        personal: &SignalPersonal,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// Replaces a signal's coded facts if its stored version is still
    /// `expected_version` (otherwise `Conflict`, or `NotFound`). Closing a
    /// signal that still has an open referral is a `Conflict`.
    async fn update_signal(
        &self,
        hub: HubId,
        signal: &Signal,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One signal's coded facts, or `NotFound`.
    async fn signal(&self, hub: HubId, id: SignalId) -> Result<Signal>;

    /// Signals' coded facts, oldest first (by recorded time, then id).
    async fn signals(&self, hub: HubId, query: &SignalQuery) -> Result<Vec<Signal>>;

    /// The personal fields of those of `ids` that still have them, in the
    /// order of `ids`; appends `entries` (one per read) in the same unit, so
    /// no read goes unjournalled.
    async fn read_signal_personal(
        &self,
        hub: HubId,
        ids: &[SignalId],
        entries: &[JournalEntry],
    ) -> Result<Vec<(SignalId, SignalPersonal)>>;

    /// Closed signals (closed before `closed_before`) whose personal fields
    /// are not yet erased, oldest first.
    async fn purge_candidates(
        &self,
        hub: HubId,
        closed_before: DateTime<Utc>,
    ) -> Result<Vec<SignalId>>;

    /// Erases the personal fields of `ids` irrecoverably as far as the
    /// backend allows (SQLite: `secure_delete` and a WAL checkpoint) and
    /// stamps `personal_erased_at`, journalling `entry`; returns how many
    /// were erased. With no ids it writes nothing and only retries the
    /// backend's clean-up (the checkpoint) in case an earlier one was blocked.
    async fn erase_signal_personal(
        &self,
        hub: HubId,
        ids: &[SignalId],
        at: DateTime<Utc>,
        entry: &JournalEntry,
    ) -> Result<u64>;

    /// Stores a new partner with its services.
    async fn insert_partner(
        &self,
        hub: HubId,
        partner: &Partner,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// Replaces a partner (and its services) if its stored version is still
    /// `expected_version`; otherwise `Conflict` or `NotFound`.
    async fn update_partner(
        &self,
        hub: HubId,
        partner: &Partner,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One partner, or `NotFound`.
    async fn partner(&self, hub: HubId, id: PartnerId) -> Result<Partner>;

    /// All partners by name (then id), services in the order given.
    async fn partners(&self, hub: HubId) -> Result<Vec<Partner>>;

    /// Stores a new referral if its signal still has `signal_version` (so it
    /// is open and its consent unchanged) and its partner exists; otherwise
    /// `Conflict` or `NotFound`.
    async fn insert_referral(
        &self,
        hub: HubId,
        referral: &Referral,
        signal_version: i64,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// Replaces a referral if its stored version is still `expected_version`
    /// and, when given, its signal still has `signal_version`; otherwise
    /// `Conflict` or `NotFound`.
    async fn update_referral(
        &self,
        hub: HubId,
        referral: &Referral,
        expected_version: i64,
        signal_version: Option<i64>,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One referral, or `NotFound`.
    async fn referral(&self, hub: HubId, id: ReferralId) -> Result<Referral>;

    /// Referrals by creation (time, then id), or by follow-up date (then
    /// creation) when `follow_up_by` is set.
    async fn referrals(&self, hub: HubId, query: &ReferralQuery) -> Result<Vec<Referral>>;

    /// Replaces the hub's signal policy.
    async fn set_signal_policy(
        &self,
        hub: HubId,
        policy: &SignalPolicy,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// The hub's signal policy, if one was set.
    async fn signal_policy(&self, hub: HubId) -> Result<Option<SignalPolicy>>;

    /// Counts for the statistics of signals recorded (and referrals made) in
    /// `period`, aggregated in the store. See [`SignalCounts`].
    async fn signal_counts(&self, hub: HubId, period: Period) -> Result<SignalCounts>;
}
