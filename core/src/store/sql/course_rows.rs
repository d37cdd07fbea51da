//! Course and conflict rows → domain values (and the JSON columns both
//! ways), always through the domain's own parse functions. A row that does
//! not parse is `Error::Storage("corrupt <entity> row: <column>: <why>")`,
//! never a panic.

use super::{Parsed, SqlRow, corrupt, date, date_text, json, storage, why};
use crate::calendar::parse_date;
use crate::code_list::CodeList;
use crate::{
    Conflict, ConflictFollowUp, ConflictId, ConflictStatus, Course, CourseId, CourseTitle,
    Description, Enrolment, Note, Result, VolunteerId,
};
use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Serialize};

/// The columns of a course row, in `SELECT` order.
pub(crate) const COURSE_COLUMNS: &str = "id, title, description, sessions, capacity";

/// The columns of an enrolment row, in `SELECT` order.
pub(crate) const ENROLMENT_COLUMNS: &str =
    "course_id, volunteer_id, status, enrolled_at, attended, completed, version";

/// A conflict joined with its parties (one row per party, `party` NULL for
/// a conflict without parties); binds `$1` hub. Append the filter and the
/// order (ending in `p.pos`).
pub(crate) const CONFLICT_SELECT: &str = "SELECT c.id AS id, c.arose_on AS arose_on, \
     c.description AS description, c.step AS step, c.phase AS phase, \
     c.intervention AS intervention, c.status AS status, c.follow_ups AS follow_ups, \
     c.version AS version, p.volunteer_id AS party \
     FROM conflicts c \
     LEFT JOIN conflict_parties p ON p.hub_id = c.hub_id AND p.conflict_id = c.id \
     WHERE c.hub_id = $1";

/// Dates as stored in a JSON column: an array of `YYYY-MM-DD`, in order.
pub(crate) fn dates_json(dates: &[NaiveDate]) -> Result<String> {
    let texts: Vec<String> = dates.iter().map(|d| date_text(*d)).collect();
    serde_json::to_string(&texts).map_err(storage)
}

fn dates(field: &'static str, s: &str) -> Parsed<Vec<NaiveDate>> {
    let texts: Vec<String> = json(field, s)?;
    texts.iter().map(|t| date(field, t)).collect()
}

fn code<T: CodeList>(row: &impl SqlRow, col: &'static str) -> Parsed<T> {
    T::parse(&row.text(col)?).map_err(why(col))
}

fn small<T: TryFrom<i64>>(row: &impl SqlRow, col: &'static str) -> Parsed<T> {
    let n = row.int(col)?;
    T::try_from(n).map_err(|_| format!("{col}: {n} is out of range"))
}

fn read_course(row: &impl SqlRow) -> Parsed<Course> {
    Ok(Course {
        id: CourseId::parse(&row.text("id")?).map_err(why("id"))?,
        title: CourseTitle::parse(row.text("title")?).map_err(why("title"))?,
        description: row
            .opt_text("description")?
            .map(Description::parse)
            .transpose()
            .map_err(why("description"))?,
        sessions: dates("sessions", &row.text("sessions")?)?,
        capacity: small(row, "capacity")?,
    })
}

/// Rebuilds a course from its row.
pub(crate) fn course_from_row(row: &impl SqlRow) -> Result<Course> {
    read_course(row).map_err(corrupt("course"))
}

fn read_enrolment(row: &impl SqlRow) -> Parsed<Enrolment> {
    let at = row.int("enrolled_at")?;
    let completed = row.int("completed")?;
    Ok(Enrolment {
        course_id: CourseId::parse(&row.text("course_id")?).map_err(why("course_id"))?,
        volunteer_id: VolunteerId::parse(&row.text("volunteer_id")?)
            .map_err(why("volunteer_id"))?,
        status: code(row, "status")?,
        enrolled_at: DateTime::from_timestamp_micros(at)
            .ok_or_else(|| format!("enrolled_at: {at} is out of range"))?,
        attended: dates("attended", &row.text("attended")?)?,
        completed: match completed {
            0 => false,
            1 => true,
            n => return Err(format!("completed: {n} is not 0 or 1")),
        },
        version: row.int("version")?,
    })
}

/// Rebuilds an enrolment from its row.
pub(crate) fn enrolment_from_row(row: &impl SqlRow) -> Result<Enrolment> {
    read_enrolment(row).map_err(corrupt("enrolment"))
}

/// One follow-up as stored in the `follow_ups` JSON array of a conflict.
#[derive(Serialize, Deserialize)]
struct StoredFollowUp {
    on: String,
    note: String,
    step: u8,
    status: String,
}

/// A conflict's follow-ups as stored: a JSON array of
/// `{"on", "note", "step", "status"}`.
pub(crate) fn follow_ups_json(c: &Conflict) -> Result<String> {
    let stored: Vec<StoredFollowUp> = c
        .follow_ups
        .iter()
        .map(|f| StoredFollowUp {
            on: date_text(f.on),
            note: f.note.as_str().to_string(),
            step: f.step,
            status: f.status.code().to_string(),
        })
        .collect();
    serde_json::to_string(&stored).map_err(storage)
}

fn read_conflict(row: &impl SqlRow) -> Parsed<Conflict> {
    let follow_ups: Vec<StoredFollowUp> = json("follow_ups", &row.text("follow_ups")?)?;
    Ok(Conflict {
        id: ConflictId::parse(&row.text("id")?).map_err(why("id"))?,
        parties: Vec::new(),
        on: date("arose_on", &row.text("arose_on")?)?,
        description: Description::parse(row.text("description")?).map_err(why("description"))?,
        step: small(row, "step")?,
        phase: code(row, "phase")?,
        intervention: code(row, "intervention")?,
        status: code(row, "status")?,
        follow_ups: follow_ups
            .into_iter()
            .map(|f| {
                Ok(ConflictFollowUp {
                    on: parse_date("on", &f.on)?,
                    note: Note::parse(&f.note)?,
                    step: f.step,
                    status: ConflictStatus::parse(&f.status)?,
                })
            })
            .collect::<Result<Vec<_>>>()
            .map_err(why("follow_ups"))?,
        version: row.int("version")?,
    })
}

/// Rebuilds conflicts from the rows of a conflict joined with its parties
/// ([`CONFLICT_SELECT`]: one row per party, a conflict's rows together and
/// in party order), keeping the order of the rows.
pub(crate) fn conflicts_from_rows<R: SqlRow>(rows: &[R]) -> Result<Vec<Conflict>> {
    let read = || -> Parsed<Vec<Conflict>> {
        let mut out: Vec<Conflict> = Vec::new();
        for row in rows {
            let id = ConflictId::parse(&row.text("id")?).map_err(why("id"))?;
            let party = row
                .opt_text("party")?
                .map(|p| VolunteerId::parse(&p))
                .transpose()
                .map_err(why("party"))?;
            match out.last_mut() {
                Some(last) if last.id == id => last.parties.extend(party),
                _ => {
                    let mut c = read_conflict(row)?;
                    c.parties.extend(party);
                    out.push(c);
                }
            }
        }
        Ok(out)
    };
    read().map_err(corrupt("conflict"))
}
