//! Volunteers: who they are, what they do, when they can, and their VOG.

mod availability;
mod record;
mod role;
mod status;
mod vog;

pub use availability::AvailabilitySlot;
pub use record::{NewVolunteer, Volunteer, VolunteerUpdate};
pub use role::VolunteerRole;
pub use status::{StatusChange, VolunteerStatus};
pub use vog::{VOG_VALID_YEARS, VogState, VogStatus, vog_expiry};
