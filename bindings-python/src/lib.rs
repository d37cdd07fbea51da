//! Python bindings for kringloop: the `kringloop._kringloop` extension module.
//!
//! A thin layer over [`kringloop::Hub`]: every method converts its arguments,
//! runs the core call with the GIL released, and converts the result. No
//! domain rules live here; the files read as a table of contents of the core.
//!
//! | file | holds |
//! | --- | --- |
//! | `runtime.rs` | the one process-wide tokio runtime; `block_on` without the GIL |
//! | `errors.rs` | the exception hierarchy, one class per `kringloop::Error` variant |
//! | `convert.rs` | Python values → core inputs (codes, ids, dates, slots) |
//! | `actor.rs` | `Actor` |
//! | `hub.rs` | `Hub`: the operations |
//! | `records.rs` | the frozen result objects (`Volunteer`, `Shift`, `Item`, `Sale`, `Signal`, `Referral`, `Activity`, `Session`, `Assessment`, `Coaching`, `Course`, `Conflict`, …) |
//! | `research.rs` | `ResearchTable`: a research table as an Arrow C stream (`__arrow_c_stream__`) |
//! | `labels.rs` | `labels(vocabulary)`: codes with Dutch and English labels |

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::todo)]

mod actor;
mod convert;
mod errors;
mod hub;
mod labels;
mod records;
mod research;
mod runtime;

use pyo3::prelude::*;

/// The compiled module; `kringloop/__init__.py` re-exports it.
#[pymodule]
fn _kringloop(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // entry points
    m.add_class::<hub::Hub>()?;
    m.add_class::<actor::Actor>()?;
    m.add_class::<research::ResearchTable>()?;
    m.add_function(wrap_pyfunction!(labels::labels, m)?)?;
    m.add_function(wrap_pyfunction!(labels::vocabularies, m)?)?;
    // results
    m.add_class::<records::Volunteer>()?;
    m.add_class::<records::Shift>()?;
    m.add_class::<records::HoursByVolunteer>()?;
    m.add_class::<records::HoursByRole>()?;
    m.add_class::<records::MilestoneReached>()?;
    m.add_class::<records::OpeningSlot>()?;
    m.add_class::<records::RosterGap>()?;
    m.add_class::<records::Candidate>()?;
    m.add_class::<records::VogStatus>()?;
    m.add_class::<records::JournalRecord>()?;
    m.add_class::<records::SyncConflict>()?;
    m.add_class::<records::ImportReport>()?;
    m.add_class::<records::Item>()?;
    m.add_class::<records::ItemView>()?;
    m.add_class::<records::PriceTag>()?;
    m.add_class::<records::StockMove>()?;
    m.add_class::<records::PricingPolicy>()?;
    m.add_class::<records::Sale>()?;
    m.add_class::<records::SaleLine>()?;
    m.add_class::<records::CashUp>()?;
    m.add_class::<records::StockOnHand>()?;
    m.add_class::<records::SalesRow>()?;
    m.add_class::<records::ImpactFactor>()?;
    m.add_class::<records::ImpactRow>()?;
    m.add_class::<records::Signal>()?;
    m.add_class::<records::SignalView>()?;
    m.add_class::<records::Partner>()?;
    m.add_class::<records::PartnerService>()?;
    m.add_class::<records::PartnerSuggestion>()?;
    m.add_class::<records::Referral>()?;
    m.add_class::<records::FollowUpDue>()?;
    m.add_class::<records::SignalPolicy>()?;
    m.add_class::<records::PurgeReport>()?;
    m.add_class::<records::CountTable>()?;
    m.add_class::<records::PublishedDays>()?;
    m.add_class::<records::SignalStatistics>()?;
    m.add_class::<records::Activity>()?;
    m.add_class::<records::Schedule>()?;
    m.add_class::<records::ScheduleChange>()?;
    m.add_class::<records::Session>()?;
    m.add_class::<records::Attendance>()?;
    m.add_class::<records::Resident>()?;
    m.add_class::<records::Idea>()?;
    m.add_class::<records::IdeaChange>()?;
    m.add_class::<records::TableTally>()?;
    m.add_class::<records::ActivityReport>()?;
    m.add_class::<records::ActivityMonth>()?;
    m.add_class::<records::IdeasByStatus>()?;
    m.add_class::<records::TallyWeek>()?;
    m.add_class::<records::Assessment>()?;
    m.add_class::<records::Trajectory>()?;
    m.add_class::<records::CoachingSuggestion>()?;
    m.add_class::<records::CohortCurve>()?;
    m.add_class::<records::CohortPoint>()?;
    m.add_class::<records::Coaching>()?;
    m.add_class::<records::CoachingSession>()?;
    m.add_class::<records::Course>()?;
    m.add_class::<records::Enrolment>()?;
    m.add_class::<records::Withdrawal>()?;
    m.add_class::<records::CourseEffect>()?;
    m.add_class::<records::Conflict>()?;
    m.add_class::<records::ConflictFollowUp>()?;
    m.add_class::<records::HubReport>()?;
    m.add_class::<records::VolunteerFigures>()?;
    m.add_class::<records::HoursFigures>()?;
    m.add_class::<records::LadderFigures>()?;
    m.add_class::<records::CourseFigures>()?;
    m.add_class::<records::ActivityFigures>()?;
    m.add_class::<records::TableFigures>()?;
    m.add_class::<records::SignalFigures>()?;
    m.add_class::<records::ReferralFigures>()?;
    m.add_class::<records::SalesMonth>()?;
    m.add_class::<records::SalesFigures>()?;
    m.add_class::<records::ReuseFigures>()?;
    // errors
    errors::register(m)?;
    Ok(())
}
