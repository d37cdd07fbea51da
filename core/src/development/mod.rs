//! Volunteer development: assessments on the instruments Dutch social work
//! uses (Participatieladder, Zelfredzaamheid-Matrix, hub-named skills),
//! trajectories that tell rising from flat and declining (and spot a rise
//! that flattened), cohort curves, coaching suggestions and coaching
//! trajectories, courses with their before/after change, and the conflict
//! register. See `docs/development.md`.

mod assessment;
mod coaching;
mod codes;
mod cohort;
mod conflict;
mod course;
mod trajectory;

pub use assessment::{
    Assessment, MAX_SKILLS, Measure, NewAssessment, NewScore, Score, check_skills,
};
pub use coaching::{
    Coaching, CoachingOutcome, CoachingSession, CoachingStatus, MAX_GOALS, NewCoaching,
};
pub use codes::{Instrument, LadderStep, TrajectoryClass, ZrmDomain};
pub use cohort::{CohortCount, CohortCurve, CohortPoint, months_of_membership, quarter_start};
pub use conflict::{
    Conflict, ConflictFollowUp, ConflictStatus, GlaslPhase, Intervention, MAX_PARTIES, NewConflict,
    NewConflictFollowUp, glasl_phase,
};
pub use course::{
    Course, CourseEffect, DEFAULT_MIN_EFFECT_N, Enrolment, EnrolmentStatus, MAX_COURSE_CAPACITY,
    MAX_COURSE_SESSIONS, NewCourse, course_effect, with_attendance, with_completion,
};
pub use trajectory::{Trajectory, TrajectoryParams, classify, measure_points};
