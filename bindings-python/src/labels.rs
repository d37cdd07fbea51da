//! `labels(vocabulary)`: the codes of a code list with Dutch and English labels.

use crate::errors::to_py;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Every code of `vocabulary` as `{"code", "nl", "en"}`, in the core's order.
#[pyfunction]
pub fn labels(py: Python<'_>, vocabulary: String) -> PyResult<Vec<Bound<'_, PyDict>>> {
    kringloop::vocabulary(&vocabulary)
        .map_err(to_py)?
        .into_iter()
        .map(|e| {
            let d = PyDict::new(py);
            d.set_item("code", e.code)?;
            d.set_item("nl", e.nl)?;
            d.set_item("en", e.en)?;
            Ok(d)
        })
        .collect()
}

/// The names of every vocabulary `labels` knows.
#[pyfunction]
pub fn vocabularies() -> Vec<&'static str> {
    kringloop::vocabularies()
}
