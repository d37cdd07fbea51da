//! Courses for volunteers: sessions on dates, a capacity with a waiting
//! list, attendance per session, completion — and the course effect: the
//! change in a measure from the last assessment before the course to the
//! first after it, stated without a causal claim.

use super::{Assessment, Measure, measure_points};
use crate::text::parse_optional;
use crate::{Clock, CourseId, CourseTitle, Description, Error, Result, VolunteerId, code_list};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Most sessions one course has.
pub const MAX_COURSE_SESSIONS: usize = 52;
/// Largest course capacity.
pub const MAX_COURSE_CAPACITY: u32 = 200;
/// Fewest participants for a course effect to be given as a number (default).
pub const DEFAULT_MIN_EFFECT_N: u32 = 5;

code_list! {
    /// Where a volunteer stands in a course.
    pub enum EnrolmentStatus: "enrolment_status" {
        /// Has a place.
        Enrolled = ("enrolled", "ingeschreven", "enrolled"),
        /// On the waiting list.
        Waiting = ("waiting", "wachtlijst", "waiting list"),
        /// Withdrew.
        Withdrawn = ("withdrawn", "afgemeld", "withdrawn"),
    }
}

/// A course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Course {
    /// Id.
    pub id: CourseId,
    /// Title.
    pub title: CourseTitle,
    /// What it is about.
    pub description: Option<Description>,
    /// The session dates, in order.
    pub sessions: Vec<NaiveDate>,
    /// Places.
    pub capacity: u32,
}

/// Input for a course.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCourse {
    /// Title.
    pub title: String,
    /// What it is about.
    #[serde(default)]
    pub description: Option<String>,
    /// Session dates (1–52, no repeats).
    pub sessions: Vec<NaiveDate>,
    /// Places (1–200).
    pub capacity: u32,
}

/// A volunteer's place in a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Enrolment {
    /// The course.
    pub course_id: CourseId,
    /// The volunteer.
    pub volunteer_id: VolunteerId,
    /// Enrolled, waiting or withdrawn (the store decides enrolled or
    /// waiting when enrolling, by the places left).
    pub status: EnrolmentStatus,
    /// When they enrolled (the waiting list's order).
    pub enrolled_at: DateTime<Utc>,
    /// The session dates they attended.
    pub attended: Vec<NaiveDate>,
    /// Whether they completed the course.
    pub completed: bool,
    /// Optimistic version, raised by every change.
    pub version: i64,
}

impl Course {
    /// Validates a course.
    pub fn new(id: CourseId, input: NewCourse) -> Result<Course> {
        if input.sessions.is_empty() || input.sessions.len() > MAX_COURSE_SESSIONS {
            return Err(Error::validation(
                "sessions",
                format!("a course has 1 to {MAX_COURSE_SESSIONS} sessions"),
            ));
        }
        let mut sessions = input.sessions;
        crate::order::sort_by(&mut sessions, Ord::cmp);
        let n = sessions.len();
        sessions.dedup();
        if sessions.len() != n {
            return Err(Error::validation("sessions", "a date is given twice"));
        }
        if !(1..=MAX_COURSE_CAPACITY).contains(&input.capacity) {
            return Err(Error::validation(
                "capacity",
                format!(
                    "{} is not between 1 and {MAX_COURSE_CAPACITY}",
                    input.capacity
                ),
            ));
        }
        Ok(Course {
            id,
            title: CourseTitle::parse(&input.title)?,
            description: parse_optional(input.description.as_deref(), |s| Description::parse(s))?,
            sessions,
            capacity: input.capacity,
        })
    }

    /// The first session date.
    pub fn first(&self) -> Option<NaiveDate> {
        self.sessions.first().copied()
    }

    /// The last session date.
    pub fn last(&self) -> Option<NaiveDate> {
        self.sessions.last().copied()
    }
}

impl Enrolment {
    /// A new enrolment request (the store sets enrolled or waiting).
    pub fn request(course: &Course, volunteer: VolunteerId, clock: &dyn Clock) -> Enrolment {
        Enrolment {
            course_id: course.id,
            volunteer_id: volunteer,
            status: EnrolmentStatus::Waiting,
            enrolled_at: clock.now(),
            attended: Vec::new(),
            completed: false,
            version: 1,
        }
    }
}

/// The enrolments after recording who was present at the session on
/// `date`: present ones get the date, absent enrolled ones lose it. Only
/// enrolled volunteers can be present, only on a course date up to today.
pub fn with_attendance(
    course: &Course,
    enrolments: &[Enrolment],
    date: NaiveDate,
    present: &[VolunteerId],
    today: NaiveDate,
) -> Result<Vec<Enrolment>> {
    if !course.sessions.contains(&date) {
        return Err(Error::validation(
            "date",
            format!("{date} is not a session of this course"),
        ));
    }
    if date > today {
        return Err(Error::validation(
            "date",
            format!("the session on {date} has not happened yet"),
        ));
    }
    for v in present {
        if !enrolments
            .iter()
            .any(|e| e.volunteer_id == *v && e.status == EnrolmentStatus::Enrolled)
        {
            return Err(Error::validation(
                "present",
                format!(
                    "volunteer {v} is not enrolled (waiting or withdrawn volunteers cannot attend)"
                ),
            ));
        }
    }
    let mut changed = Vec::new();
    for e in enrolments
        .iter()
        .filter(|e| e.status == EnrolmentStatus::Enrolled)
    {
        let here = present.contains(&e.volunteer_id);
        if here == e.attended.contains(&date) {
            continue;
        }
        let mut next = e.clone();
        if here {
            next.attended.push(date);
            crate::order::sort_by(&mut next.attended, Ord::cmp);
        } else {
            next.attended.retain(|d| *d != date);
        }
        next.version += 1;
        changed.push(next);
    }
    Ok(changed)
}

/// The enrolments of `completed` volunteers marked complete, once the last
/// session has passed; each must be enrolled.
pub fn with_completion(
    course: &Course,
    enrolments: &[Enrolment],
    completed: &[VolunteerId],
    today: NaiveDate,
) -> Result<Vec<Enrolment>> {
    if course.last().is_some_and(|l| l > today) {
        return Err(Error::validation(
            "completed",
            "a course is completed after its last session",
        ));
    }
    completed
        .iter()
        .map(|v| {
            let e = enrolments
                .iter()
                .find(|e| e.volunteer_id == *v && e.status == EnrolmentStatus::Enrolled)
                .ok_or_else(|| {
                    Error::validation("completed", format!("volunteer {v} is not enrolled"))
                })?;
            let mut next = e.clone();
            next.completed = true;
            next.version += 1;
            Ok(next)
        })
        .collect()
}

/// The change in a measure for the participants who completed a course.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseEffect {
    /// The course.
    pub course_id: CourseId,
    /// The measure.
    pub measure: Measure,
    /// Participants who completed the course and have an assessment before
    /// its first session and one after its last.
    pub n: u32,
    /// Mean change (after − before), unless there are too few participants.
    pub mean_change: Option<f64>,
    /// Sample standard deviation of the change, likewise.
    pub sd_change: Option<f64>,
    /// Fewer than the minimum: no number is given.
    pub insufficient_data: bool,
    /// What the numbers mean, in plain words (no causal claim).
    pub note: String,
}

/// The course effect: for each participant who completed the course, the
/// last score of `measure` before its first session and the first after its
/// last; their n, mean and spread — or "insufficient data" below `min_n`.
pub fn course_effect(
    course: &Course,
    enrolments: &[Enrolment],
    assessments: &[Assessment],
    measure: &Measure,
    min_n: u32,
) -> CourseEffect {
    let (Some(first), Some(last)) = (course.first(), course.last()) else {
        return CourseEffect {
            course_id: course.id,
            measure: measure.clone(),
            n: 0,
            mean_change: None,
            sd_change: None,
            insufficient_data: true,
            note: "the course has no sessions".into(),
        };
    };
    let mut changes: Vec<f64> = Vec::new();
    for e in enrolments.iter().filter(|e| e.completed) {
        let own: Vec<Assessment> = assessments
            .iter()
            .filter(|a| a.volunteer_id == e.volunteer_id)
            .cloned()
            .collect();
        let points = measure_points(&own, measure);
        let before = points.iter().rev().find(|p| p.0 < first).map(|p| p.1);
        let after = points.iter().find(|p| p.0 > last).map(|p| p.1);
        if let (Some(b), Some(a)) = (before, after) {
            changes.push(f64::from(a) - f64::from(b));
        }
    }
    let n = changes.len() as u32;
    let insufficient = n < min_n.max(2);
    let (mean, sd) = if insufficient {
        (None, None)
    } else {
        let m = changes.iter().sum::<f64>() / f64::from(n);
        let var = changes.iter().map(|c| (c - m) * (c - m)).sum::<f64>() / f64::from(n - 1);
        (Some(m), Some(var.sqrt()))
    };
    let note = if insufficient {
        format!(
            "insufficient data: {n} participant(s) with an assessment before and after the course; at least {} needed",
            min_n.max(2)
        )
    } else {
        format!(
            "change in {measure} between the last assessment before and the first after the course, for {n} participants; a before/after difference, not the effect of the course alone"
        )
    };
    CourseEffect {
        course_id: course.id,
        measure: measure.clone(),
        n,
        mean_change: mean,
        sd_change: sd,
        insufficient_data: insufficient,
        note,
    }
}
