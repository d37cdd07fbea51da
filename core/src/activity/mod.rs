//! Activities, the other half of the hub: crochet and knitting, painting,
//! the walk-in choir, film night and the walk-in idea evening. Schedules are
//! recurrence rules that generate sessions; attendance is an anonymous
//! headcount and/or named participants; residents' ideas move through a
//! small pipeline; the big table keeps a daily tally. See `docs/activities.md`.

#[allow(clippy::module_inception)]
mod activity;
mod codes;
mod idea;
mod reports;
mod resident;
mod schedule;
mod session;
mod tally;

pub use activity::{Activity, MAX_CAPACITY, MAX_LEADERS, NewActivity};
pub use codes::{ActivityKind, ActivityStatus, IdeaStatus, Nth, SessionStatus};
pub use idea::{Idea, IdeaChange, IdeaStatusChange, NewIdea};
pub use reports::{
    ActivityCounts, ActivityMonth, ActivityMonthCounts, ActivityReport, IdeaStatusCount,
    IdeasByStatus, TallyWeek,
};
pub use resident::{NewResident, Resident};
pub use schedule::{
    MAX_COUNT, MAX_GENERATE_DAYS, MAX_INTERVAL, NewSchedule, Recurrence, Schedule,
    check_generate_period,
};
pub use session::{
    Attendance, MAX_HEADCOUNT, MAX_PARTICIPANTS, NewAttendance, Participant, Session,
};
pub use tally::{MAX_TALLY, NewTally, TableTally};
