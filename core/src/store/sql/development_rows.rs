//! Development rows → domain values (and the JSON columns both ways),
//! always through the domain's own parse functions. A row that does not
//! parse is `Error::Storage("corrupt <entity> row: <column>: <why>")`,
//! never a panic.

use super::{Parsed, SqlRow, corrupt, date, json, opt_date, storage, why};
use crate::calendar::parse_date;
use crate::code_list::CodeList;
use crate::{
    ActorName, Assessment, AssessmentId, Coaching, CoachingId, CoachingSession, CohortCount,
    Measure, Note, Reason, Result, Score, Skill, VolunteerId,
};
use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Serialize};

/// One session as stored in the `sessions` JSON array of a coaching.
#[derive(Serialize, Deserialize)]
struct StoredSession {
    on: String,
    note: Option<String>,
}

/// The JSON columns of a coaching: goals and sessions.
pub(crate) struct CoachingJson {
    /// JSON array of goal texts.
    pub goals: String,
    /// JSON array of `{"on", "note"}`.
    pub sessions: String,
}

impl CoachingJson {
    /// Encodes the list-valued fields of `c`.
    pub(crate) fn of(c: &Coaching) -> Result<CoachingJson> {
        let goals: Vec<&str> = c.goals.iter().map(Reason::as_str).collect();
        let sessions: Vec<StoredSession> = c
            .sessions
            .iter()
            .map(|s| StoredSession {
                on: super::date_text(s.on),
                note: s.note.as_ref().map(|n| n.as_str().to_string()),
            })
            .collect();
        Ok(CoachingJson {
            goals: serde_json::to_string(&goals).map_err(storage)?,
            sessions: serde_json::to_string(&sessions).map_err(storage)?,
        })
    }
}

/// The hub's skills as stored: a JSON array of names.
pub(crate) fn skills_json(skills: &[Skill]) -> Result<String> {
    let names: Vec<&str> = skills.iter().map(Skill::as_str).collect();
    serde_json::to_string(&names).map_err(storage)
}

/// The hub's skills from their settings row.
pub(crate) fn skills_from_row(row: &impl SqlRow) -> Result<Vec<Skill>> {
    let read = || -> Parsed<Vec<Skill>> {
        let names: Vec<String> = json("skills", &row.text("skills")?)?;
        names
            .iter()
            .map(Skill::parse)
            .collect::<Result<Vec<_>>>()
            .map_err(why("skills"))
    };
    read().map_err(corrupt("development_skills"))
}

fn code<T: CodeList>(row: &impl SqlRow, col: &'static str) -> Parsed<T> {
    T::parse(&row.text(col)?).map_err(why(col))
}

fn read_assessment(row: &impl SqlRow) -> Parsed<Assessment> {
    let at = row.int("recorded_at")?;
    Ok(Assessment {
        id: AssessmentId::parse(&row.text("id")?).map_err(why("id"))?,
        volunteer_id: VolunteerId::parse(&row.text("volunteer_id")?)
            .map_err(why("volunteer_id"))?,
        on: date("assessed_on", &row.text("assessed_on")?)?,
        assessor: ActorName::parse(row.text("assessor")?).map_err(why("assessor"))?,
        instrument: code(row, "instrument")?,
        scores: Vec::new(),
        note: row
            .opt_text("note")?
            .map(Note::parse)
            .transpose()
            .map_err(why("note"))?,
        corrects: row
            .opt_text("corrects")?
            .map(|s| AssessmentId::parse(&s))
            .transpose()
            .map_err(why("corrects"))?,
        recorded_at: DateTime::from_timestamp_micros(at)
            .ok_or_else(|| format!("recorded_at: {at} is out of range"))?,
    })
}

fn read_score(row: &impl SqlRow) -> Parsed<Option<Score>> {
    let Some(measure) = row.opt_text("measure")? else {
        return Ok(None);
    };
    let value = row
        .opt_int("value")?
        .ok_or_else(|| "value: NULL with a measure".to_string())?;
    Ok(Some(Score {
        measure: Measure::parse(&measure).map_err(why("measure"))?,
        value: u8::try_from(value).map_err(|_| format!("value: {value} is not a score"))?,
    }))
}

/// Rebuilds assessments from the rows of an assessment joined with its
/// scores (`LEFT JOIN`, one row per score, an assessment's rows together and
/// in score order), keeping the order of the rows.
pub(crate) fn assessments_from_rows<R: SqlRow>(rows: &[R]) -> Result<Vec<Assessment>> {
    let read = || -> Parsed<Vec<Assessment>> {
        let mut out: Vec<Assessment> = Vec::new();
        for row in rows {
            let id = AssessmentId::parse(&row.text("id")?).map_err(why("id"))?;
            let score = read_score(row)?;
            match out.last_mut() {
                Some(last) if last.id == id => last.scores.extend(score),
                _ => {
                    let mut a = read_assessment(row)?;
                    a.scores.extend(score);
                    out.push(a);
                }
            }
        }
        Ok(out)
    };
    read().map_err(corrupt("assessment"))
}

fn read_coaching(row: &impl SqlRow) -> Parsed<Coaching> {
    let goals: Vec<String> = json("goals", &row.text("goals")?)?;
    let sessions: Vec<StoredSession> = json("sessions", &row.text("sessions")?)?;
    Ok(Coaching {
        id: CoachingId::parse(&row.text("id")?).map_err(why("id"))?,
        volunteer_id: VolunteerId::parse(&row.text("volunteer_id")?)
            .map_err(why("volunteer_id"))?,
        coach_id: VolunteerId::parse(&row.text("coach_id")?).map_err(why("coach_id"))?,
        goals: goals
            .iter()
            .map(Reason::parse)
            .collect::<Result<Vec<_>>>()
            .map_err(why("goals"))?,
        opened_on: date("opened_on", &row.text("opened_on")?)?,
        status: code(row, "status")?,
        outcome: row
            .opt_text("outcome")?
            .map(|o| crate::CoachingOutcome::parse(&o))
            .transpose()
            .map_err(why("outcome"))?,
        closed_on: opt_date("closed_on", row.opt_text("closed_on")?)?,
        sessions: sessions
            .into_iter()
            .map(|s| {
                Ok(CoachingSession {
                    on: parse_date("on", &s.on)?,
                    note: s.note.map(Note::parse).transpose()?,
                })
            })
            .collect::<Result<Vec<_>>>()
            .map_err(why("sessions"))?,
        version: row.int("version")?,
    })
}

/// Rebuilds a coaching trajectory from its row.
pub(crate) fn coaching_from_row(row: &impl SqlRow) -> Result<Coaching> {
    read_coaching(row).map_err(corrupt("coaching"))
}

/// Rebuilds one line of the cohort aggregate.
pub(crate) fn cohort_count_from_row(row: &impl SqlRow) -> Result<CohortCount> {
    let read = || -> Parsed<CohortCount> {
        let cohort: NaiveDate = date("cohort", &row.text("cohort")?)?;
        let month = row.int("month")?;
        let n = row.int("n")?;
        let sum = row.int("total")?;
        Ok(CohortCount {
            cohort,
            month: u32::try_from(month).map_err(|_| format!("month: {month} is out of range"))?,
            n: u64::try_from(n).map_err(|_| format!("n: {n} is not a count"))?,
            sum: u64::try_from(sum).map_err(|_| format!("total: {sum} is not a sum"))?,
        })
    };
    read().map_err(corrupt("cohort_count"))
}
