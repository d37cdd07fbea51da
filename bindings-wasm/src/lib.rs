//! # kringloop for the browser
//!
//! The WebAssembly / JavaScript packages `kringloop` (feature `shop`, the
//! default) and `kringloop-programme` (feature `programme`, built with
//! `--no-default-features`): thin wrappers over the
//! core [`kringloop::Hub`], plain objects in and out, Promises for every
//! operation and real `Error` objects with a `code` on failure. No domain
//! rules live here, only conversions. See `docs/web.md`.
//!
//! | file | holds |
//! | --- | --- |
//! | [`hub`] | the `Hub` class: `Hub.open`, `setNow`, `slug`, `id`, `journal` |
//! | [`volunteers`] | `registerVolunteer`, `volunteer`, `volunteers`; shop only: `updateVolunteer`, `changeVolunteerStatus` |
//! | `shifts` (shop) | `planShift`, `recordShift`, `completeShift`, `cancelShift`, `shifts`, `hoursByVolunteer`, `hoursByRole`, `milestones` |
//! | `roster` (shop) | `setOpeningHours`, `openingHours`, `rosterGaps`, `vogExpiring` |
//! | `stock` (shop) | `takeIn`, `takeInBatch`, `item`, `moves`, `recordMove`, `setPricingPolicy`, `pricingPolicy`, `checkout`, `refund`, `sale`, `cashUp`, `cashUps`, `stockOnHand`, `ageing`, `salesReport`, `inStock`, `suggestPrice` |
//! | `activities` (programme) | `createActivity`, `updateActivity`, `setActivityStatus`, `activity`, `activities`, `setSchedule`, `schedules`, `generateSessions`, `addSession`, `cancelSession`, `recordAttendance`, `session`, `sessions`, `registerResident`, `residents`, `forgetResident`, `submitIdea`, `changeIdea`, `idea`, `ideas`, `recordTally`, `correctTally`, `tallies`, `activityReport` |
//! | `development` (programme) | `setSkills`, `skills`, `recordAssessment`, `assessments`, `trajectory`, `cohortCurve`, `coachingSuggestions`, `openCoaching`, `addCoachingSession`, `closeCoaching`, `coaching`, `coachings`, `createCourse`, `course`, `courses`, `enrol`, `withdraw`, `enrolments`, `recordCourseAttendance`, `completeCourse`, `courseEffect`, `registerConflict`, `followUpConflict`, `conflict`, `conflicts` |
//! | `report` (programme) | `hubReport`, `hubReportMarkdown`, `hubReportHtml` |
//! | `signals` (shop) | `recordSignal`, `signal`, `signals`, `signalViews`, `updateSignal`, `closeSignal`, `registerPartner`, `updatePartner`, `setPartnerStatus`, `partner`, `partners`, `partnersHsds`, `partnerSuggestions`, `refer`, `changeReferral`, `setFollowUp`, `referral`, `referrals`, `followUpsDue`, `setSignalPolicy`, `signalPolicy`, `purgeSignals`, `signalStatistics` |
//! | `sync` (shop) | `exportJournal`; with the feature `offline` also `snapshot`, `Hub.restore`, `importJournal`, `syncConflicts` |
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
pub mod roster;
#[cfg(feature = "shop")]
pub mod shifts;
#[cfg(feature = "shop")]
pub mod signals;
#[cfg(feature = "shop")]
pub mod stock;
#[cfg(feature = "shop")]
pub mod sync;
pub mod types;
pub mod volunteers;

pub use hub::Hub;
pub use labels::{labels, vocabulary_names};
