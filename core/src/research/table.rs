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
        let mut c: Vec<Column> = self
            .fixed_columns()
            .iter()
            .map(|&(name, kind)| col(name, kind))
            .collect();
        match self {
            ResearchTable::Volunteers => {
                for r in VolunteerRole::ALL {
                    c.push(col(&format!("role_{}", r.code()), Bool));
                }
            }
            ResearchTable::Signals => {
                for d in SignalDomain::ALL {
                    c.push(col(&format!("domain_{}", d.code()), Bool));
                }
            }
            _ => {}
        }
        c
    }

    /// The columns every row has, before any flags per code: a table of
    /// names and kinds (data, not code: one `col` call per column would
    /// compile to about 7 KB in the browser packages).
    fn fixed_columns(self) -> &'static [(&'static str, ColumnKind)] {
        match self {
            ResearchTable::Volunteers => &[
                ("volunteer_key", Key("volunteer")),
                ("start_date", Date),
                ("status", Code),
                ("status_since", Date),
                ("vog_date", Date),
            ],
            ResearchTable::Shifts => &[
                ("shift_key", Key("shift")),
                ("volunteer_key", Key("volunteer")),
                ("date", Date),
                ("role", Code),
                ("status", Code),
                ("start_minute", Int),
                ("end_minute", Int),
                ("minutes", Int),
            ],
            ResearchTable::Assessments => &[
                ("assessment_key", Key("assessment")),
                ("volunteer_key", Key("volunteer")),
                ("assessed_on", Date),
                ("assessor_key", Key("actor")),
                ("instrument", Code),
                ("measure", Code),
                ("value", Int),
                ("corrects_key", Key("assessment")),
                ("corrected", Bool),
            ],
            ResearchTable::Courses => &[
                ("course_key", Key("course")),
                ("first_session", Date),
                ("last_session", Date),
                ("sessions", Int),
                ("capacity", Int),
            ],
            ResearchTable::Enrolments => &[
                ("course_key", Key("course")),
                ("volunteer_key", Key("volunteer")),
                ("status", Code),
                ("enrolled_on", Date),
                ("sessions_attended", Int),
                ("completed", Bool),
            ],
            ResearchTable::ActivitySessions => &[
                ("session_key", Key("session")),
                ("activity_key", Key("activity")),
                ("activity_kind", Code),
                ("date", Date),
                ("start_minute", Int),
                ("end_minute", Int),
                ("status", Code),
                ("scheduled", Bool),
                ("headcount", Int),
                ("first_timers", Int),
                ("recorder_key", Key("actor")),
            ],
            ResearchTable::Attendance => &[
                ("session_key", Key("session")),
                ("date", Date),
                ("participant_kind", Code),
                ("participant_key", TaggedKey),
            ],
            ResearchTable::StockMoves => &[
                ("move_key", Key("move")),
                ("item_key", Key("item")),
                ("category", Code),
                ("condition", Code),
                ("kind", Code),
                ("quantity", Int),
                ("date", Date),
                ("unit_price", Int),
                ("sale_key", Key("sale")),
                ("actor_key", Key("actor")),
            ],
            ResearchTable::SaleLines => &[
                ("sale_key", Key("sale")),
                ("line_no", Int),
                ("item_key", Key("item")),
                ("date", Date),
                ("category", Code),
                ("quantity", Int),
                ("unit_price", Int),
                ("line_total", Int),
                ("net", Int),
                ("weight_grams", Int),
                ("payment", Code),
                ("city_pass", Bool),
                ("refund", Bool),
                ("seller_key", Key("actor")),
            ],
            ResearchTable::Signals => &[
                ("signal_key", Key("signal")),
                ("recorded_on", Date),
                ("recorder_key", Key("actor")),
                ("urgency", Code),
                ("consent", Code),
                ("do_not_contact", Bool),
                ("status", Code),
                ("closed_on", Date),
            ],
            ResearchTable::Referrals => &[
                ("referral_key", Key("referral")),
                ("signal_key", Key("signal")),
                ("partner_key", Key("partner")),
                ("status", Code),
                ("created_on", Date),
                ("creator_key", Key("actor")),
                ("consent_exception", Bool),
                ("requested_on", Date),
                ("follow_up", Date),
                ("outcome", Code),
                ("closed_on", Date),
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
