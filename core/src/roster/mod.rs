//! The roster: the hub's opening hours with required staffing per role, and
//! the gaps between what is needed and what is planned.

mod gaps;
mod opening;

pub use gaps::{Candidate, RosterGap, roster_gaps};
pub use opening::{OpeningHours, OpeningSlot};
