//! What the store aggregates for the hub report beyond the existing reports
//! (hours per role, activity counts, signal counts, sales per category):
//! volunteers, movement on the participation ladder, courses and the number
//! of sales. Each figure is one aggregate query in the SQL backends.

/// Volunteers in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VolunteerCounts {
    /// Volunteers with at least one worked shift in the period.
    pub active: u64,
    /// Volunteers whose start date lies in the period.
    pub started: u64,
    /// Volunteers who left (status `left` since a day in the period).
    pub left: u64,
}

/// Movement on the participation ladder: for each volunteer with a ladder
/// step assessed in the period, their latest step in the period against
/// their latest step before it (corrected assessments left out; the latest
/// is the one with the latest date, then the highest id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LadderCounts {
    /// Volunteers with a ladder step assessed in the period.
    pub measured: u64,
    /// Of those with a step before the period too: a higher step now.
    pub up: u64,
    /// The same step.
    pub same: u64,
    /// A lower step.
    pub down: u64,
}

/// Courses in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CourseCounts {
    /// Courses running: from their first to their last session date, they
    /// overlap the period.
    pub running: u64,
    /// Places taken (enrolled, not waiting or withdrawn) in those courses.
    pub participants: u64,
    /// Completions in courses whose last session lies in the period (so a
    /// completion counts once, in the period the course ended).
    pub completions: u64,
}

/// Sales and refunds rung up in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SaleCounts {
    /// Sales (not refunds).
    pub sales: u64,
    /// Refunds.
    pub refunds: u64,
}

/// Everything [`ReportStore::hub_counts`](crate::ReportStore::hub_counts)
/// aggregates, from one snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HubCounts {
    /// Volunteers.
    pub volunteers: VolunteerCounts,
    /// The participation ladder.
    pub ladder: LadderCounts,
    /// Courses.
    pub courses: CourseCounts,
    /// Sales.
    pub sales: SaleCounts,
}
