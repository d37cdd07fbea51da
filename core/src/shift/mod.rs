//! Shifts: planned and worked, per role; hours and milestones.

mod hours;
mod milestones;
mod record;

pub use hours::{HoursByRole, HoursByVolunteer};
pub use milestones::{milestones_reached, MilestoneReached, MILESTONE_HOURS};
pub use record::{NewShift, Shift, ShiftStatus};
