//! Shifts: planned and worked, per role; hours and milestones.

mod hours;
mod milestones;
mod record;

pub use hours::{HoursByRole, HoursByVolunteer};
pub use milestones::{MILESTONE_HOURS, MilestoneReached, milestones_reached};
pub use record::{NewShift, Shift, ShiftStatus};
