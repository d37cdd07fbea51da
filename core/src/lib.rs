//! # kringloop
//!
//! Runs a neighbourhood second-hand shop that is also the social hub of its
//! district: volunteers and their shifts today; coaching, activities, stock
//! and signal referrals as the library grows.
//!
//! The pure domain modules ([`volunteer`], [`shift`], [`roster`], …) hold the
//! types and rules; a [`Store`] persists them (memory, SQLite, PostgreSQL);
//! the [`Hub`] facade is the one entry point that checks permissions,
//! validates, applies rules, persists and journals.
//!
//! ```
//! use kringloop::{Actor, Hub, NewVolunteer, Role, VolunteerRole};
//! # tokio_test_block(async {
//! let hub = Hub::open("memory:", "oude-bieb").await?;
//! let anna = Actor::new("anna", Role::Coordinator)?;
//! let bea = hub
//!     .register_volunteer(&anna, NewVolunteer {
//!         display_name: "Bea".into(),
//!         roles: vec![VolunteerRole::Cashier],
//!         ..Default::default()
//!     })
//!     .await?;
//! assert_eq!(bea.display_name.as_str(), "Bea");
//! # Ok::<(), kringloop::Error>(())
//! # });
//! # fn tokio_test_block<F: std::future::Future<Output = Result<(), kringloop::Error>>>(f: F) {
//! #     tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f).unwrap()
//! # }
//! ```

#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::todo)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod access;
pub mod activity;
pub mod calendar;
pub mod clock;
pub mod code_list;
pub mod development;
pub mod disclosure;
pub mod error;
pub mod hub;
pub mod id;
pub mod journal;
pub mod money;
mod order;
pub mod report;
pub mod research;
pub mod roster;
pub mod shift;
pub mod signal;
pub mod stock;
pub mod store;
pub mod sync;
pub mod text;
pub mod vocabulary;
pub mod volunteer;

pub use access::{Action, Actor, Grant, Role, Scope, authorize};
pub use activity::*;
pub use calendar::{Period, TimeSpan, Weekday};
pub use clock::{Clock, FixedClock, SystemClock};
pub use code_list::{CodeLabel, CodeList, Lang};
pub use development::*;
pub use disclosure::CountTable;
pub use error::{Error, ErrorCode, Result};
pub use hub::Hub;
pub use hub::activities::ScheduleChange;
pub use hub::courses::Withdrawal;
pub use hub::development::CoachingSuggestion;
pub use hub::open::StoreUrl;
pub use hub::research::ResearchReader;
pub use hub::signals::{FollowUpDue, PurgeReport, SignalFilter};
pub use id::{
    ActivityId, AssessmentId, CashUpId, CoachingId, ConflictId, CourseId, HubId, IdeaId, ItemId,
    JournalEntryId, MoveId, PartnerId, PartnerServiceId, ReferralId, ResidentId, SaleId,
    ScheduleId, SessionId, ShiftId, SignalId, VolunteerId,
};
pub use journal::{JournalEntry, JournalRecord};
pub use money::Money;
pub use report::*;
pub use research::{ResearchBatch, ResearchTable};
pub use roster::{Candidate, OpeningHours, OpeningSlot, RosterGap, roster_gaps};
pub use shift::{
    HoursByRole, HoursByVolunteer, MILESTONE_HOURS, MilestoneReached, NewShift, Shift, ShiftStatus,
    milestones_reached,
};
pub use signal::*;
pub use stock::*;
#[cfg(feature = "postgres")]
pub use store::PostgresStore;
#[cfg(feature = "sqlite")]
pub use store::SqliteStore;
pub use store::{
    ActivityStore, CourseStore, DevelopmentStore, MemoryStore, ReferralQuery, ReportStore,
    ResearchStore, SessionQuery, ShiftQuery, SignalQuery, SignalStore, StockStore, Store,
};
pub use sync::{ImportReport, PersonalFields, SyncBatch, SyncConflict};
pub use text::{
    ActivityName, ActorName, Contact, CourseTitle, Description, DisplayName, HubSlug, IdeaText,
    IdeaTitle, ItemDescription, Location, Note, PartnerName, PersonName, Reason, Skill, Summary,
    TillName, Website,
};
pub use vocabulary::{vocabularies, vocabulary};
pub use volunteer::{
    AvailabilitySlot, NewVolunteer, StatusChange, VogState, VogStatus, Volunteer, VolunteerRole,
    VolunteerStatus, VolunteerUpdate, vog_expiry,
};

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
mod readme_doctests {}

#[cfg(doctest)]
#[doc = include_str!("../../docs/signals.md")]
mod signals_doctests {}

#[cfg(doctest)]
#[doc = include_str!("../../docs/activities.md")]
mod activities_doctests {}

#[cfg(doctest)]
#[doc = include_str!("../../docs/development.md")]
mod development_doctests {}

#[cfg(doctest)]
#[doc = include_str!("../../docs/report.md")]
mod report_doctests {}

#[cfg(doctest)]
#[doc = include_str!("../../docs/research.md")]
mod research_doctests {}
