//! The research tables and their columns.

use crate::code_list::CodeList;
use crate::{SignalDomain, VolunteerRole};

crate::code_list! {
    /// A research table (see `docs/research.md` for every column).
    pub enum ResearchTable: "research_table" {
        /// One row per volunteer: start, status, VOG date and roles.
        Volunteers = ("volunteers", "vrijwilligers", "volunteers"),
        /// One row per shift.
        Shifts = ("shifts", "diensten", "shifts"),
        /// One row per score of an assessment (assessment × measure).
        Assessments = ("assessments", "metingen", "assessments"),
        /// One row per course.
        Courses = ("courses", "cursussen", "courses"),
        /// One row per enrolment (course × volunteer).
        Enrolments = ("enrolments", "inschrijvingen", "enrolments"),
        /// One row per activity session.
        ActivitySessions = ("activity_sessions", "activiteitbijeenkomsten", "activity sessions"),
        /// One row per named participant of a session.
        Attendance = ("attendance", "aanwezigheid", "attendance"),
        /// One row per move in the stock ledger.
        StockMoves = ("stock_moves", "voorraadmutaties", "stock moves"),
        /// One row per line of a sale or refund.
        SaleLines = ("sale_lines", "verkoopregels", "sale lines"),
        /// One row per signal: coded facts only.
        Signals = ("signals", "signalen", "signals"),
        /// One row per referral.
        Referrals = ("referrals", "doorverwijzingen", "referrals"),
    }
}

/// The type of a column's values as exported (Arrow: `Utf8`, `Int64`,
/// `Date32`, `Boolean`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataType {
    /// Text: keys and codes.
    Text,
    /// A signed 64-bit integer: counts, minutes, cents, grams.
    Int,
    /// A calendar date.
    Date,
    /// True or false.
    Bool,
}

impl DataType {
    /// A short name: `text`, `int`, `date`, `bool`.
    pub fn name(self) -> &'static str {
        match self {
            DataType::Text => "text",
            DataType::Int => "int",
            DataType::Date => "date",
            DataType::Bool => "bool",
        }
    }
}

/// What a column holds, and so how a raw value from the store becomes its
/// exported value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnKind {
    /// A pseudonymous key of an identifier of this kind (`volunteer`,
    /// `actor`, `sale`, …): the store gives the raw id or actor name.
    Key(&'static str),
    /// A pseudonymous key whose kind comes with the raw value, as
    /// `"<kind>:<id>"` (a participant: volunteer or resident).
    TaggedKey,
    /// A code of a code list.
    Code,
    /// A date (`YYYY-MM-DD` from the store, or a timestamp in microseconds
    /// since the epoch, whose UTC day is taken).
    Date,
    /// An integer.
    Int,
    /// A flag (0 or 1 from the store).
    Bool,
}

impl ColumnKind {
    /// The exported type.
    pub fn data_type(self) -> DataType {
        match self {
            ColumnKind::Key(_) | ColumnKind::TaggedKey | ColumnKind::Code => DataType::Text,
            ColumnKind::Date => DataType::Date,
            ColumnKind::Int => DataType::Int,
            ColumnKind::Bool => DataType::Bool,
        }
    }
}

/// One column of a research table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Column {
    /// The column's name (snake_case).
    pub name: String,
    /// What it holds.
    pub kind: ColumnKind,
}

fn col(name: &str, kind: ColumnKind) -> Column {
    Column {
        name: name.to_string(),
        kind,
    }
}

use ColumnKind::{Bool, Code, Date, Int, Key, TaggedKey};

impl ResearchTable {
    /// The table's columns, in order. Flags per code (`role_<code>`,
    /// `domain_<code>`) follow their code list's declaration order.
    pub fn columns(self) -> Vec<Column> {
        match self {
            ResearchTable::Volunteers => {
                let mut c = vec![
                    col("volunteer_key", Key("volunteer")),
                    col("start_date", Date),
                    col("status", Code),
                    col("status_since", Date),
                    col("vog_date", Date),
                ];
                for r in VolunteerRole::ALL {
                    c.push(col(&format!("role_{}", r.code()), Bool));
                }
                c
            }
            ResearchTable::Shifts => vec![
                col("shift_key", Key("shift")),
                col("volunteer_key", Key("volunteer")),
                col("date", Date),
                col("role", Code),
                col("status", Code),
                col("start_minute", Int),
                col("end_minute", Int),
                col("minutes", Int),
            ],
            ResearchTable::Assessments => vec![
                col("assessment_key", Key("assessment")),
                col("volunteer_key", Key("volunteer")),
                col("assessed_on", Date),
                col("assessor_key", Key("actor")),
                col("instrument", Code),
                col("measure", Code),
                col("value", Int),
                col("corrects_key", Key("assessment")),
                col("corrected", Bool),
            ],
            ResearchTable::Courses => vec![
                col("course_key", Key("course")),
                col("first_session", Date),
                col("last_session", Date),
                col("sessions", Int),
                col("capacity", Int),
            ],
            ResearchTable::Enrolments => vec![
                col("course_key", Key("course")),
                col("volunteer_key", Key("volunteer")),
                col("status", Code),
                col("enrolled_on", Date),
                col("sessions_attended", Int),
                col("completed", Bool),
            ],
            ResearchTable::ActivitySessions => vec![
                col("session_key", Key("session")),
                col("activity_key", Key("activity")),
                col("activity_kind", Code),
                col("date", Date),
                col("start_minute", Int),
                col("end_minute", Int),
                col("status", Code),
                col("scheduled", Bool),
                col("headcount", Int),
                col("first_timers", Int),
                col("recorder_key", Key("actor")),
            ],
            ResearchTable::Attendance => vec![
                col("session_key", Key("session")),
                col("date", Date),
                col("participant_kind", Code),
                col("participant_key", TaggedKey),
            ],
            ResearchTable::StockMoves => vec![
                col("move_key", Key("move")),
                col("item_key", Key("item")),
                col("category", Code),
                col("condition", Code),
                col("kind", Code),
                col("quantity", Int),
                col("date", Date),
                col("unit_price", Int),
                col("sale_key", Key("sale")),
                col("actor_key", Key("actor")),
            ],
            ResearchTable::SaleLines => vec![
                col("sale_key", Key("sale")),
                col("line_no", Int),
                col("item_key", Key("item")),
                col("date", Date),
                col("category", Code),
                col("quantity", Int),
                col("unit_price", Int),
                col("line_total", Int),
                col("net", Int),
                col("weight_grams", Int),
                col("payment", Code),
                col("city_pass", Bool),
                col("refund", Bool),
                col("seller_key", Key("actor")),
            ],
            ResearchTable::Signals => {
                let mut c = vec![
                    col("signal_key", Key("signal")),
                    col("recorded_on", Date),
                    col("recorder_key", Key("actor")),
                    col("urgency", Code),
                    col("consent", Code),
                    col("do_not_contact", Bool),
                    col("status", Code),
                    col("closed_on", Date),
                ];
                for d in SignalDomain::ALL {
                    c.push(col(&format!("domain_{}", d.code()), Bool));
                }
                c
            }
            ResearchTable::Referrals => vec![
                col("referral_key", Key("referral")),
                col("signal_key", Key("signal")),
                col("partner_key", Key("partner")),
                col("status", Code),
                col("created_on", Date),
                col("creator_key", Key("actor")),
                col("consent_exception", Bool),
                col("requested_on", Date),
                col("follow_up", Date),
                col("outcome", Code),
                col("closed_on", Date),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_are_unique_snake_case_and_free_of_personal_words() {
        for t in ResearchTable::ALL {
            let cols = t.columns();
            let mut names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
            for n in &names {
                assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{n}");
                for word in [
                    "name",
                    "contact",
                    "summary",
                    "note",
                    "description",
                    "reason",
                ] {
                    // The do-not-contact flag is a coded fact, not a contact.
                    assert!(!n.contains(word) || *n == "do_not_contact", "{t}: {n}");
                }
            }
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), cols.len(), "{t}");
        }
    }
}
