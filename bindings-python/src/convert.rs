//! Python values → core inputs. Codes go through the core's
//! `CodeList::parse`, ids through the core's id parsers, spans and periods
//! through their core constructors, so every refusal carries the core's
//! message and raises the matching exception.

use crate::errors::OrRaise;
use chrono::{NaiveDate, NaiveTime};
use kringloop::{
    AvailabilitySlot, CodeList, Error, OpeningSlot, Period, ShiftId, TimeSpan, VolunteerId,
    VolunteerRole, Weekday,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use std::collections::BTreeMap;

/// A code of the code list `T`, e.g. `"cashier"` → `VolunteerRole::Cashier`.
pub fn code<T: CodeList>(s: &str) -> PyResult<T> {
    T::parse(s).or_raise()
}

/// Several codes of one code list.
pub fn codes<T: CodeList>(items: &[String]) -> PyResult<Vec<T>> {
    items.iter().map(|s| code(s)).collect()
}

/// An optional code.
pub fn opt_code<T: CodeList>(s: Option<&str>) -> PyResult<Option<T>> {
    s.map(code).transpose()
}

/// A volunteer id in its string form.
pub fn volunteer_id(s: &str) -> PyResult<VolunteerId> {
    VolunteerId::parse(s).or_raise()
}

/// A shift id in its string form.
pub fn shift_id(s: &str) -> PyResult<ShiftId> {
    ShiftId::parse(s).or_raise()
}

/// A time span; the core refuses an end that is not after the start.
pub fn span(start: NaiveTime, end: NaiveTime) -> PyResult<TimeSpan> {
    TimeSpan::new(start, end).or_raise()
}

/// An inclusive period of dates; the core refuses an end before the start.
pub fn period(start_date: NaiveDate, end_date: NaiveDate) -> PyResult<Period> {
    Period::new(start_date, end_date).or_raise()
}

/// Weekly availability from `(weekday, start, end)` tuples.
pub fn availability(slots: &[Availability]) -> PyResult<Vec<AvailabilitySlot>> {
    slots
        .iter()
        .map(|(weekday, start, end)| {
            Ok(AvailabilitySlot {
                weekday: code(weekday)?,
                span: span(*start, *end)?,
            })
        })
        .collect()
}

/// One availability window as Python passes it: `(weekday, start, end)`.
pub type Availability = (String, NaiveTime, NaiveTime);

/// Any iterable of `str` (list, tuple, set, generator), but not one bare
/// `str`, which would otherwise be taken letter by letter.
#[derive(Debug, Default, Clone)]
pub struct Strings(pub Vec<String>);

impl<'a, 'py> FromPyObject<'a, 'py> for Strings {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "expected an iterable of str (e.g. a list), not a single str",
            ));
        }
        obj.try_iter()?
            .map(|item| item?.extract::<String>())
            .collect::<PyResult<Vec<String>>>()
            .map(Strings)
    }
}

/// A keyword argument of an update where leaving it out keeps the value and
/// `None` clears it (the core's `Option<Option<T>>`).
#[derive(Debug, Default, Clone)]
pub enum Change<T> {
    /// Not given: keep the current value.
    #[default]
    Keep,
    /// Given: the new value, `None` to clear.
    Set(Option<T>),
}

impl<T> Change<T> {
    /// As the core's double option.
    pub fn into_update(self) -> Option<Option<T>> {
        match self {
            Change::Keep => None,
            Change::Set(v) => Some(v),
        }
    }
}

impl<'a, 'py, T> FromPyObject<'a, 'py> for Change<T>
where
    T: FromPyObject<'a, 'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_none() {
            Ok(Change::Set(None))
        } else {
            T::extract(obj)
                .map(|v| Change::Set(Some(v)))
                .map_err(Into::into)
        }
    }
}

const SLOT_KEYS: [&str; 4] = ["weekday", "start", "end", "staffing"];

/// An opening slot from `{"weekday": str, "start": time, "end": time,
/// "staffing": {role: count}}`. Missing or unknown keys are a
/// `ValidationError` on field `opening_hours`.
pub fn opening_slot(index: usize, slot: &Bound<'_, PyDict>) -> PyResult<OpeningSlot> {
    let shape = |reason: String| crate::errors::to_py(Error::validation("opening_hours", reason));
    for key in slot.keys() {
        let key: String = key.extract()?;
        if !SLOT_KEYS.contains(&key.as_str()) {
            return Err(shape(format!(
                "slot {index} has an unknown key {key:?}; expected {}",
                SLOT_KEYS.join(", ")
            )));
        }
    }
    let get = |key: &str| -> PyResult<Bound<'_, PyAny>> {
        slot.get_item(key)?
            .ok_or_else(|| shape(format!("slot {index} has no {key:?}")))
    };
    let weekday: Weekday = code(&get("weekday")?.extract::<String>()?)?;
    let span = span(get("start")?.extract()?, get("end")?.extract()?)?;
    let mut staffing = BTreeMap::new();
    for (role, count) in get("staffing")?.cast_into::<PyDict>()?.iter() {
        let role: VolunteerRole = code(&role.extract::<String>()?)?;
        let count: i64 = count.extract()?;
        let count = u32::try_from(count).map_err(|_| {
            crate::errors::to_py(Error::validation(
                "staffing",
                format!("{count} people for {role} is not a number of people"),
            ))
        })?;
        staffing.insert(role, count);
    }
    Ok(OpeningSlot {
        weekday,
        span,
        staffing,
    })
}
