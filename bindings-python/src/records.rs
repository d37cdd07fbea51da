//! The frozen result objects. Each mirrors one core type with plain Python
//! values: ids as `str`, codes as `str`, dates as `datetime.date`, times as
//! `datetime.time`, timestamps as aware `datetime`. Each has read-only
//! properties, `__eq__`, `__repr__` and `to_dict()`.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::collections::BTreeMap;

/// Declares a frozen record class: fields become read-only properties and
/// `to_dict` keys; the `repr(...)` fields appear in `__repr__`.
macro_rules! record {
    (
        $(#[$meta:meta])*
        $name:ident repr($($r:ident),* $(,)?) {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[pyclass(frozen, eq, get_all, skip_from_py_object, module = "kringloop")]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty ),*
        }

        #[pymethods]
        impl $name {
            /// The fields as a plain `dict` (e.g. for a DataFrame row).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let d = PyDict::new(py);
                $( d.set_item(stringify!($field), self.$field.clone())?; )*
                Ok(d)
            }

            fn __repr__(&self) -> String {
                let parts: Vec<String> =
                    vec![$( format!("{}={}", stringify!($r), Repr::repr(&self.$r)) ),*];
                format!("{}({})", stringify!($name), parts.join(", "))
            }
        }
    };
}

record! {
    /// A volunteer of the hub.
    Volunteer repr(id, display_name, status, roles) {
        id: String,
        display_name: String,
        contact: Option<String>,
        start_date: NaiveDate,
        status: String,
        status_since: NaiveDate,
        status_reason: Option<String>,
        roles: Vec<String>,
        skills: Vec<String>,
        availability: Vec<(String, NaiveTime, NaiveTime)>,
        vog_date: Option<NaiveDate>,
        version: i64,
    }
}

impl From<kringloop::Volunteer> for Volunteer {
    fn from(v: kringloop::Volunteer) -> Self {
        Volunteer {
            id: v.id.to_string(),
            display_name: v.display_name.into(),
            contact: v.contact.map(String::from),
            start_date: v.start_date,
            status: v.status.code().into(),
            status_since: v.status_since,
            status_reason: v.status_reason.map(String::from),
            roles: v.roles.iter().map(|r| r.code().to_string()).collect(),
            skills: v.skills.into_iter().map(String::from).collect(),
            availability: v
                .availability
                .iter()
                .map(|a| (a.weekday.code().to_string(), a.span.start(), a.span.end()))
                .collect(),
            vog_date: v.vog_date,
            version: v.version,
        }
    }
}

record! {
    /// A shift of one volunteer in one role on one day.
    Shift repr(id, volunteer_id, role, date, start, end, status) {
        id: String,
        volunteer_id: String,
        role: String,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        minutes: u32,
        status: String,
        note: Option<String>,
    }
}

impl From<kringloop::Shift> for Shift {
    fn from(s: kringloop::Shift) -> Self {
        Shift {
            id: s.id.to_string(),
            volunteer_id: s.volunteer_id.to_string(),
            role: s.role.code().into(),
            date: s.date,
            start: s.span.start(),
            end: s.span.end(),
            minutes: s.minutes(),
            status: s.status.code().into(),
            note: s.note.map(String::from),
        }
    }
}

record! {
    /// Worked minutes and shifts of one volunteer in a period.
    HoursByVolunteer repr(volunteer_id, display_name, minutes, shifts) {
        volunteer_id: String,
        display_name: String,
        minutes: i64,
        shifts: i64,
    }
}

impl From<kringloop::HoursByVolunteer> for HoursByVolunteer {
    fn from(h: kringloop::HoursByVolunteer) -> Self {
        HoursByVolunteer {
            volunteer_id: h.volunteer_id.to_string(),
            display_name: h.display_name.into(),
            minutes: h.minutes,
            shifts: h.shifts,
        }
    }
}

record! {
    /// Worked minutes and shifts in one role in a period.
    HoursByRole repr(role, minutes, shifts) {
        role: String,
        minutes: i64,
        shifts: i64,
    }
}

impl From<kringloop::HoursByRole> for HoursByRole {
    fn from(h: kringloop::HoursByRole) -> Self {
        HoursByRole {
            role: h.role.code().into(),
            minutes: h.minutes,
            shifts: h.shifts,
        }
    }
}

record! {
    /// A volunteer who passed an hour milestone within a period.
    MilestoneReached repr(volunteer_id, display_name, milestone_hours, total_minutes) {
        volunteer_id: String,
        display_name: String,
        milestone_hours: i64,
        total_minutes: i64,
    }
}

impl From<kringloop::MilestoneReached> for MilestoneReached {
    fn from(m: kringloop::MilestoneReached) -> Self {
        MilestoneReached {
            volunteer_id: m.volunteer_id.to_string(),
            display_name: m.display_name.into(),
            milestone_hours: m.milestone_hours,
            total_minutes: m.total_minutes,
        }
    }
}

record! {
    /// One weekly opening slot and the people each role needs in it.
    OpeningSlot repr(weekday, start, end, staffing) {
        weekday: String,
        start: NaiveTime,
        end: NaiveTime,
        staffing: BTreeMap<String, u32>,
    }
}

impl From<&kringloop::OpeningSlot> for OpeningSlot {
    fn from(s: &kringloop::OpeningSlot) -> Self {
        OpeningSlot {
            weekday: s.weekday.code().into(),
            start: s.span.start(),
            end: s.span.end(),
            staffing: s
                .staffing
                .iter()
                .map(|(r, n)| (r.code().to_string(), *n))
                .collect(),
        }
    }
}

/// The slots of the core's opening hours.
pub fn opening_hours(hours: &kringloop::OpeningHours) -> Vec<OpeningSlot> {
    hours.slots().iter().map(OpeningSlot::from).collect()
}

record! {
    /// A stretch of an opening slot where a role has fewer people than needed.
    RosterGap repr(date, start, end, role, required, planned) {
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        role: String,
        required: u32,
        planned: u32,
        candidates: Vec<Candidate>,
    }
}

record! {
    /// A volunteer who could fill a roster gap.
    Candidate repr(volunteer_id, display_name) {
        volunteer_id: String,
        display_name: String,
    }
}

impl From<kringloop::RosterGap> for RosterGap {
    fn from(g: kringloop::RosterGap) -> Self {
        RosterGap {
            date: g.date,
            start: g.span.start(),
            end: g.span.end(),
            role: g.role.code().into(),
            required: g.required,
            planned: g.planned,
            candidates: g
                .candidates
                .into_iter()
                .map(|c| Candidate {
                    volunteer_id: c.volunteer_id.to_string(),
                    display_name: c.display_name.into(),
                })
                .collect(),
        }
    }
}

record! {
    /// A volunteer whose VOG is missing, expired or expiring.
    VogStatus repr(volunteer_id, display_name, state, expires_on) {
        volunteer_id: String,
        display_name: String,
        vog_date: Option<NaiveDate>,
        expires_on: Option<NaiveDate>,
        state: String,
    }
}

impl From<kringloop::VogStatus> for VogStatus {
    fn from(s: kringloop::VogStatus) -> Self {
        VogStatus {
            volunteer_id: s.volunteer_id.to_string(),
            display_name: s.display_name.into(),
            vog_date: s.vog_date,
            expires_on: s.expires_on,
            state: vog_state(s.state),
        }
    }
}

/// The code of a VOG state (a plain serde enum, not a code list), as the
/// core serialises it.
fn vog_state(state: kringloop::VogState) -> String {
    match serde_json::to_value(state) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => e.to_string(),
    }
}

record! {
    /// One journalled change, at its position `seq` in the hub's journal.
    JournalRecord repr(seq, at, actor, role, action, entity, entity_id) {
        seq: i64,
        id: String,
        at: DateTime<Utc>,
        actor: String,
        role: String,
        action: String,
        entity: String,
        entity_id: String,
        detail: Json,
    }
}

impl From<kringloop::JournalRecord> for JournalRecord {
    fn from(r: kringloop::JournalRecord) -> Self {
        let e = r.entry;
        JournalRecord {
            seq: r.seq,
            id: e.id.to_string(),
            at: e.at,
            actor: e.actor,
            role: e.role.code().into(),
            action: e.action,
            entity: e.entity,
            entity_id: e.entity_id,
            detail: Json(e.detail),
        }
    }
}

/// A JSON value, handed to Python as `dict`/`list`/`str`/`int`/`float`/`bool`/`None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Json(pub serde_json::Value);

impl<'py> IntoPyObject<'py> for Json {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0)
    }
}

impl<'py> IntoPyObject<'py> for &Json {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0)
    }
}

fn json_to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, None, f) => f.unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// How a field value shows in `__repr__`: strings quoted, dates ISO, times HH:MM.
trait Repr {
    fn repr(&self) -> String;
}

impl Repr for String {
    fn repr(&self) -> String {
        format!("'{}'", self.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

impl Repr for NaiveDate {
    fn repr(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

impl Repr for NaiveTime {
    fn repr(&self) -> String {
        self.format("%H:%M").to_string()
    }
}

impl Repr for DateTime<Utc> {
    fn repr(&self) -> String {
        self.to_rfc3339()
    }
}

impl Repr for i64 {
    fn repr(&self) -> String {
        self.to_string()
    }
}

impl Repr for u32 {
    fn repr(&self) -> String {
        self.to_string()
    }
}

impl<T: Repr> Repr for Option<T> {
    fn repr(&self) -> String {
        self.as_ref().map_or_else(|| "None".into(), Repr::repr)
    }
}

impl<T: Repr> Repr for Vec<T> {
    fn repr(&self) -> String {
        let items: Vec<String> = self.iter().map(Repr::repr).collect();
        format!("[{}]", items.join(", "))
    }
}

impl<K: Repr, V: Repr> Repr for BTreeMap<K, V> {
    fn repr(&self) -> String {
        let items: Vec<String> = self
            .iter()
            .map(|(k, v)| format!("{}: {}", k.repr(), v.repr()))
            .collect();
        format!("{{{}}}", items.join(", "))
    }
}
