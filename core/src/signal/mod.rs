//! Signals and referrals, the hub's preventive function: a volunteer records
//! a concern a visitor shared, and with the person's consent the hub refers
//! them to a partner and follows up until the loop is closed. Personal
//! fields live apart from the coded facts so the retention purge can erase
//! them alone. See `docs/signals.md` and `docs/privacy.md`.

mod codes;
mod hsds;
mod partner;
mod policy;
mod record;
mod referral;
mod statistics;

pub use codes::{
    Consent, PartnerStatus, ReferralOutcome, ReferralStatus, SignalDomain, SignalStatus, Urgency,
};
pub use hsds::{
    HsdsAttribute, HsdsExport, HsdsOrganization, HsdsPhone, HsdsService, HsdsTaxonomyTerm,
    hsds_export,
};
pub use partner::{
    MAX_SERVICES, NewPartner, NewPartnerService, Partner, PartnerService, PartnerSuggestion,
    suggest_partners,
};
pub use policy::{
    DEFAULT_RETENTION_MONTHS, MAX_RETENTION_MONTHS, MAX_SUPPRESSION_THRESHOLD, SignalPolicy,
};
pub use record::{NewSignal, Signal, SignalPersonal, SignalUpdate, SignalView};
pub use referral::{NewReferral, Referral, ReferralChange, check_consent};
pub use statistics::{
    DaysSummary, MonthCount, PublishedDays, ReferralCount, SignalCounts, SignalStatistics,
    median_days,
};
