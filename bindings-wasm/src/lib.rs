//! # kringloop for the browser
//!
//! The WebAssembly / JavaScript package `kringloop`: thin wrappers over the
//! core [`kringloop::Hub`], plain objects in and out, Promises for every
//! operation and real `Error` objects with a `code` on failure. No domain
//! rules live here, only conversions. See `docs/web.md`.
//!
//! | file | holds |
//! | --- | --- |
//! | [`hub`] | the `Hub` class: `Hub.open`, `setNow`, `slug`, `id`, `journal` |
//! | [`volunteers`] | `registerVolunteer`, `updateVolunteer`, `changeVolunteerStatus`, `volunteer`, `volunteers` |
//! | [`shifts`] | `planShift`, `recordShift`, `completeShift`, `cancelShift`, `shifts`, `hoursByVolunteer`, `hoursByRole`, `milestones` |
//! | [`roster`] | `setOpeningHours`, `openingHours`, `rosterGaps`, `vogExpiring` |
//! | [`stock`] | `takeIn`, `takeInBatch`, `item`, `moves`, `recordMove`, `setPricingPolicy`, `pricingPolicy`, `checkout`, `refund`, `sale`, `cashUp`, `cashUps`, `stockOnHand`, `ageing`, `salesReport` |
//! | [`signals`] | `recordSignal`, `signal`, `signals`, `signalViews`, `updateSignal`, `closeSignal`, `registerPartner`, `updatePartner`, `setPartnerStatus`, `partner`, `partners`, `partnersHsds`, `partnerSuggestions`, `refer`, `changeReferral`, `setFollowUp`, `referral`, `referrals`, `followUpsDue`, `setSignalPolicy`, `signalPolicy`, `purgeSignals`, `signalStatistics` |
//! | [`labels`] | `labels(vocabulary)`, `vocabularies()` |
//! | [`errors`] | core errors → JavaScript `Error` with `code` (and `field`) |
//! | [`convert`] | JavaScript values ↔ core types (as JSON: `serde_json` parses, `read` reads the input types from the tree) |
//! | [`types`] | the TypeScript declarations of every input and output |

#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::todo)]

pub mod convert;
pub mod errors;
pub mod hub;
pub mod labels;
mod read;
pub mod roster;
pub mod shifts;
pub mod signals;
pub mod stock;
pub mod types;
pub mod volunteers;

pub use hub::Hub;
pub use labels::{labels, vocabulary_names};
