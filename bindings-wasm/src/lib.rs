//! # kringloop for the browser
//!
//! The WebAssembly / JavaScript packages `kringloop` (feature `shop`, the
//! default), `kringloop-programme` (feature `programme`) and
//! `kringloop-offline` (feature `offline`), the last two built with
//! `--no-default-features`: thin wrappers over the
//! core [`kringloop::Hub`], plain objects in and out, Promises for every
//! operation and real `Error` objects with a `code` on failure. No domain
//! rules live here, only conversions. See `docs/web.md`.
//!
//! The shop package has the shop floor's calls (feature `floor`, not a
//! package of its own) and the office's; the offline package has the shop
//! floor's calls and persistence and journal import, without the office's
//! calls (*office only* below), so that it fits the 250 KB budget. Built with
//! both `shop` and `offline` (what the Rust browser tests run), the crate has
//! everything of both.
//!
//! | file | holds |
//! | --- | --- |
//! | [`hub`] | the `Hub` class: `Hub.open`, `setNow`, `slug`, `id`, `journal` |
//! | [`volunteers`] | `registerVolunteer`, `volunteer`, `volunteers`; office only: `updateVolunteer`, `changeVolunteerStatus` |
//! | `shifts` (shop, offline) | `planShift`, `recordShift`, `completeShift`, `cancelShift`, `shifts`; office only: `hoursByVolunteer`, `hoursByRole`, `milestones` |
//! | `roster` (shop, offline) | `setOpeningHours`, `openingHours`, `rosterGaps`; office only: `vogExpiring` |
//! | `stock` (shop, offline) | `takeIn`, `takeInBatch`, `item`, `moves`, `recordMove`, `pricingPolicy`, `checkout`, `refund`, `sale`, `cashUp`, `stockOnHand`, `inStock`, `suggestPrice`, `salesReport`; office only: `setPricingPolicy`, `setImpactFactors`, `impactFactors`, `reuseImpact`, `cashUps`, `ageing` |
//! | `activities` (programme) | `createActivity`, `updateActivity`, `setActivityStatus`, `activity`, `activities`, `setSchedule`, `schedules`, `generateSessions`, `addSession`, `cancelSession`, `recordAttendance`, `session`, `sessions`, `registerResident`, `residents`, `forgetResident`, `submitIdea`, `changeIdea`, `idea`, `ideas`, `recordTally`, `correctTally`, `tallies`, `activityReport` |
//! | `development` (programme) | `setSkills`, `skills`, `recordAssessment`, `assessments`, `trajectory`, `cohortCurve`, `coachingSuggestions`, `openCoaching`, `addCoachingSession`, `closeCoaching`, `coaching`, `coachings`, `createCourse`, `course`, `courses`, `enrol`, `withdraw`, `enrolments`, `recordCourseAttendance`, `completeCourse`, `courseEffect`, `registerConflict`, `followUpConflict`, `conflict`, `conflicts` |
//! | `report` (programme) | `hubReport`, `hubReportMarkdown`, `hubReportHtml` |
//! | `research` (shop) | `researchTable` and its `ResearchTable` class: `name`, `columns`, `nextBatch`, `readAll` |
//! | `signals` (shop, offline) | `recordSignal`, `signal`, `signals`, `signalViews`, `updateSignal`, `closeSignal`, `registerPartner`, `partner`, `partners`, `partnerSuggestions`, `refer`; office only: `updatePartner`, `setPartnerStatus`, `partnersHsds`, `changeReferral`, `setFollowUp`, `referral`, `referrals`, `followUpsDue`, `setSignalPolicy`, `signalPolicy`, `purgeSignals`, `signalStatistics` |
//! | `sync` (shop, offline) | `exportJournal`; offline only: `snapshot`, `Hub.restore`, `importJournal`, `syncConflicts` |
//! | [`mod@labels`] | `labels(vocabulary)`, `vocabularies()` |
//! | [`errors`] | core errors → JavaScript `Error` with `code` (and `field`) |
//! | [`convert`] | JavaScript values ↔ core types (as JSON: `serde_json` parses, `read` reads the input types from the tree) |
//! | [`types`] | the TypeScript declarations of every input and output |

#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::todo)]

#[cfg(feature = "programme")]
pub mod activities;
pub mod convert;
#[cfg(feature = "programme")]
pub mod development;
pub mod errors;
pub mod hub;
pub mod labels;
mod read;
#[cfg(feature = "programme")]
pub mod report;
#[cfg(feature = "shop")]
pub mod research;
#[cfg(feature = "floor")]
pub mod roster;
#[cfg(feature = "floor")]
pub mod shifts;
#[cfg(feature = "floor")]
pub mod signals;
#[cfg(feature = "floor")]
pub mod stock;
#[cfg(feature = "floor")]
pub mod sync;
pub mod types;
pub mod volunteers;

pub use hub::Hub;
pub use labels::{labels, vocabulary_names};
