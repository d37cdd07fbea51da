//! Activity, schedule, session, resident, idea and tally rows → domain
//! values, always through the domain's own parse functions. A row that does
//! not parse is `Error::Storage("corrupt <entity> row: <column>: <why>")`,
//! never a panic.

use super::{Parsed, SqlRow, corrupt, date, json, opt_date, span, why};
use crate::code_list::CodeList;
use crate::{
    Activity, ActivityId, ActivityMonthCounts, ActivityName, ActorName, Attendance, Contact,
    Description, Idea, IdeaChange, IdeaId, IdeaStatus, IdeaText, IdeaTitle, Location, Money,
    Participant, PersonName, Reason, Resident, ResidentId, Result, Schedule, ScheduleId, Session,
    SessionId, TableTally, TallyWeek, VolunteerId,
};
use std::collections::HashMap;

fn code<T: CodeList>(row: &impl SqlRow, col: &'static str) -> Parsed<T> {
    T::parse(&row.text(col)?).map_err(why(col))
}

/// An optional text column through a domain parse function.
fn opt_parsed<T>(
    row: &impl SqlRow,
    col: &'static str,
    parse: impl Fn(&str) -> Result<T>,
) -> Parsed<Option<T>> {
    row.opt_text(col)?
        .map(|s| parse(&s))
        .transpose()
        .map_err(why(col))
}

/// A non-negative integer column that fits a `u32`.
fn small(col: &'static str, n: i64) -> Parsed<u32> {
    u32::try_from(n).map_err(|_| format!("{col}: {n} is out of range"))
}

fn opt_small(row: &impl SqlRow, col: &'static str) -> Parsed<Option<u32>> {
    row.opt_int(col)?.map(|n| small(col, n)).transpose()
}

fn count(row: &impl SqlRow, col: &'static str) -> Parsed<u64> {
    let n = row.int(col)?;
    u64::try_from(n).map_err(|_| format!("{col}: {n} is not a count"))
}

/// Rebuilds an activity from its row.
pub(crate) fn activity_from_row(row: &impl SqlRow) -> Result<Activity> {
    let read = || -> Parsed<Activity> {
        let leaders: Vec<String> = json("leaders", &row.text("leaders")?)?;
        Ok(Activity {
            id: ActivityId::parse(&row.text("id")?).map_err(why("id"))?,
            name: ActivityName::parse(row.text("name")?).map_err(why("name"))?,
            kind: code(row, "kind")?,
            description: opt_parsed(row, "description", |s| Description::parse(s))?,
            leaders: leaders
                .iter()
                .map(|l| VolunteerId::parse(l))
                .collect::<Result<Vec<_>>>()
                .map_err(why("leaders"))?,
            location: opt_parsed(row, "location", |s| Location::parse(s))?,
            capacity: opt_small(row, "capacity")?,
            price: Money::from_cents(row.int("price")?),
            status: code(row, "status")?,
            version: row.int("version")?,
        })
    };
    read().map_err(corrupt("activity"))
}

/// Rebuilds a schedule from its row.
pub(crate) fn schedule_from_row(row: &impl SqlRow) -> Result<Schedule> {
    let read = || -> Parsed<Schedule> {
        Ok(Schedule {
            id: ScheduleId::parse(&row.text("id")?).map_err(why("id"))?,
            activity_id: ActivityId::parse(&row.text("activity_id")?)
                .map_err(why("activity_id"))?,
            recurrence: json("recurrence", &row.text("recurrence")?)?,
            starts_on: date("starts_on", &row.text("starts_on")?)?,
            span: span(row)?,
            until: opt_date("until_date", row.opt_text("until_date")?)?,
            count: opt_small(row, "max_count")?,
        })
    };
    read().map_err(corrupt("schedule"))
}

/// Rebuilds the named participants of sessions from their rows (in each
/// session's order), by session id as stored.
pub(crate) fn participants_from_rows<R: SqlRow>(
    rows: &[R],
) -> Result<HashMap<String, Vec<Participant>>> {
    let read = || -> Parsed<HashMap<String, Vec<Participant>>> {
        let mut out: HashMap<String, Vec<Participant>> = HashMap::new();
        for row in rows {
            let id = row.text("participant_id")?;
            let p = match row.text("kind")?.as_str() {
                "volunteer" => {
                    Participant::Volunteer(VolunteerId::parse(&id).map_err(why("participant_id"))?)
                }
                "resident" => {
                    Participant::Resident(ResidentId::parse(&id).map_err(why("participant_id"))?)
                }
                other => return Err(format!("kind: {other:?} is not volunteer or resident")),
            };
            out.entry(row.text("session_id")?).or_default().push(p);
        }
        Ok(out)
    };
    read().map_err(corrupt("session_participant"))
}

/// Rebuilds a session from its row and its named participants (taken out
/// of `participants`, keyed by session id as stored).
pub(crate) fn session_from_row(
    row: &impl SqlRow,
    participants: &mut HashMap<String, Vec<Participant>>,
) -> Result<Session> {
    let mut read = || -> Parsed<Session> {
        let id = row.text("id")?;
        let attendance = match row.opt_int("headcount")? {
            None => None,
            Some(headcount) => {
                let at = row
                    .opt_int("recorded_at")?
                    .ok_or("recorded_at: missing with a headcount")?;
                Some(Attendance {
                    headcount: small("headcount", headcount)?,
                    first_timers: opt_small(row, "first_timers")?
                        .ok_or("first_timers: missing with a headcount")?,
                    participants: participants.remove(&id).unwrap_or_default(),
                    recorded_by: ActorName::parse(
                        row.opt_text("recorded_by")?
                            .ok_or("recorded_by: missing with a headcount")?,
                    )
                    .map_err(why("recorded_by"))?,
                    recorded_at: chrono::DateTime::from_timestamp_micros(at)
                        .ok_or_else(|| format!("recorded_at: {at} is out of range"))?,
                })
            }
        };
        Ok(Session {
            id: SessionId::parse(&id).map_err(why("id"))?,
            activity_id: ActivityId::parse(&row.text("activity_id")?)
                .map_err(why("activity_id"))?,
            date: date("date", &row.text("date")?)?,
            span: span(row)?,
            schedule_id: opt_parsed(row, "schedule_id", ScheduleId::parse)?,
            status: code(row, "status")?,
            cancel_reason: opt_parsed(row, "cancel_reason", |s| Reason::parse(s))?,
            attendance,
            version: row.int("version")?,
        })
    };
    read().map_err(corrupt("session"))
}

/// Rebuilds a resident from its row.
pub(crate) fn resident_from_row(row: &impl SqlRow) -> Result<Resident> {
    let read = || -> Parsed<Resident> {
        Ok(Resident {
            id: ResidentId::parse(&row.text("id")?).map_err(why("id"))?,
            name: PersonName::parse(row.text("name")?).map_err(why("name"))?,
            contact: opt_parsed(row, "contact", |s| Contact::parse(s))?,
            consent_on: date("consent_on", &row.text("consent_on")?)?,
            registered_by: ActorName::parse(row.text("registered_by")?)
                .map_err(why("registered_by"))?,
        })
    };
    read().map_err(corrupt("resident"))
}

/// Rebuilds the status histories of ideas from their rows (oldest first),
/// by idea id as stored.
pub(crate) fn history_from_rows<R: SqlRow>(rows: &[R]) -> Result<HashMap<String, Vec<IdeaChange>>> {
    let read = || -> Parsed<HashMap<String, Vec<IdeaChange>>> {
        let mut out: HashMap<String, Vec<IdeaChange>> = HashMap::new();
        for row in rows {
            let change = IdeaChange {
                on: date("changed_on", &row.text("changed_on")?)?,
                from: code(row, "from_status")?,
                to: code(row, "to_status")?,
                reason: opt_parsed(row, "reason", |s| Reason::parse(s))?,
                by: ActorName::parse(row.text("changed_by")?).map_err(why("changed_by"))?,
            };
            out.entry(row.text("idea_id")?).or_default().push(change);
        }
        Ok(out)
    };
    read().map_err(corrupt("idea_history"))
}

/// Rebuilds an idea from its row and its history (taken out of `history`,
/// keyed by idea id as stored).
pub(crate) fn idea_from_row(
    row: &impl SqlRow,
    history: &mut HashMap<String, Vec<IdeaChange>>,
) -> Result<Idea> {
    let mut read = || -> Parsed<Idea> {
        let id = row.text("id")?;
        Ok(Idea {
            id: IdeaId::parse(&id).map_err(why("id"))?,
            title: IdeaTitle::parse(row.text("title")?).map_err(why("title"))?,
            text: IdeaText::parse(row.text("idea_text")?).map_err(why("idea_text"))?,
            submitted_on: date("submitted_on", &row.text("submitted_on")?)?,
            contact: opt_parsed(row, "contact", |s| Contact::parse(s))?,
            status: code::<IdeaStatus>(row, "status")?,
            history: history.remove(&id).unwrap_or_default(),
            activity_id: opt_parsed(row, "activity_id", ActivityId::parse)?,
            version: row.int("version")?,
        })
    };
    read().map_err(corrupt("idea"))
}

/// Rebuilds a day's tally from its row.
pub(crate) fn tally_from_row(row: &impl SqlRow) -> Result<TableTally> {
    let read = || -> Parsed<TableTally> {
        Ok(TableTally {
            date: date("date", &row.text("date")?)?,
            visitors: small("visitors", row.int("visitors")?)?,
            conversations: small("conversations", row.int("conversations")?)?,
            recorded_by: ActorName::parse(row.text("recorded_by")?).map_err(why("recorded_by"))?,
            version: row.int("version")?,
        })
    };
    read().map_err(corrupt("table_tally"))
}

/// One line of the report: an activity in a month (`month`, its first day).
pub(crate) fn month_counts_from_row(row: &impl SqlRow) -> Result<ActivityMonthCounts> {
    let read = || -> Parsed<ActivityMonthCounts> {
        Ok(ActivityMonthCounts {
            activity_id: ActivityId::parse(&row.text("activity_id")?)
                .map_err(why("activity_id"))?,
            activity_name: row.text("activity_name")?,
            capacity: opt_small(row, "capacity")?,
            month: date("month", &row.text("month")?)?,
            held: count(row, "held")?,
            cancelled: count(row, "cancelled")?,
            planned: count(row, "planned")?,
            attendance: count(row, "attendance")?,
            first_timers: count(row, "first_timers")?,
        })
    };
    read().map_err(corrupt("session"))
}

/// The number of ideas of one status (`status`, `n`).
pub(crate) fn idea_count_from_row(row: &impl SqlRow) -> Result<(IdeaStatus, u64)> {
    let read = || -> Parsed<(IdeaStatus, u64)> { Ok((code(row, "status")?, count(row, "n")?)) };
    read().map_err(corrupt("idea"))
}

/// The tally of one week (`week`, its Monday).
pub(crate) fn tally_week_from_row(row: &impl SqlRow) -> Result<TallyWeek> {
    let read = || -> Parsed<TallyWeek> {
        Ok(TallyWeek {
            week: date("week", &row.text("week")?)?,
            days: count(row, "days")?,
            visitors: count(row, "visitors")?,
            conversations: count(row, "conversations")?,
        })
    };
    read().map_err(corrupt("table_tally"))
}
