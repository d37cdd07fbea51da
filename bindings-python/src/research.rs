//! `Hub.table(...)`: a research table as an Arrow C stream
//! (`__arrow_c_stream__`, the Arrow PyCapsule interface), which polars,
//! pyarrow, DuckDB and others import without copying and
//! without kringloop depending on any of them. The stream pulls batches
//! from the core's reader one at a time, so memory stays flat in the
//! number of rows.

use crate::actor::Actor;
use crate::errors::OrRaise;
use crate::runtime::{block_on, block_on_free};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Int64Array, RecordBatch, RecordBatchReader, StringArray,
};
use arrow_buffer::{Buffer, NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use kringloop::research::{self, ResearchBatch, TextValues, Values};
use kringloop::{Period, ResearchReader};
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};
use std::sync::{Arc, Mutex};

/// The Arrow type of a column.
fn arrow_type(t: research::DataType) -> DataType {
    match t {
        research::DataType::Text => DataType::Utf8,
        research::DataType::Int => DataType::Int64,
        research::DataType::Date => DataType::Date32,
        research::DataType::Bool => DataType::Boolean,
    }
}

fn schema(table: research::ResearchTable) -> SchemaRef {
    let fields: Vec<Field> = table
        .columns()
        .into_iter()
        .map(|c| Field::new(c.name, arrow_type(c.kind.data_type()), true))
        .collect();
    Arc::new(Schema::new(fields))
}

/// Days since 1970-01-01 (Arrow's `Date32`).
fn days(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

/// A packed text column as an Arrow string array: the text buffer is
/// handed over, not copied; only the ends become 32-bit offsets.
fn string_array(values: TextValues) -> Result<StringArray, ArrowError> {
    let (data, ends, valid) = values.into_parts();
    let too_long = |_| ArrowError::ComputeError("a text column over 2 GiB in one batch".into());
    let mut offsets = Vec::with_capacity(ends.len() + 1);
    offsets.push(0i32);
    for end in ends {
        offsets.push(i32::try_from(end).map_err(too_long)?);
    }
    let nulls = NullBuffer::from(valid);
    // `OffsetBuffer::new` panics on offsets that fall: these cannot, each
    // end being the packed text's length after a value was appended.
    StringArray::try_new(
        OffsetBuffer::new(ScalarBuffer::from(offsets)),
        Buffer::from_vec(data.into_bytes()),
        (nulls.null_count() > 0).then_some(nulls),
    )
}

fn record_batch(schema: &SchemaRef, batch: ResearchBatch) -> Result<RecordBatch, ArrowError> {
    let arrays = batch
        .columns
        .into_iter()
        .map(|c| -> Result<ArrayRef, ArrowError> {
            Ok(match c.values {
                Values::Text(v) => Arc::new(string_array(v)?),
                Values::Int(v) => Arc::new(Int64Array::from(v)),
                Values::Date(v) => Arc::new(Date32Array::from(
                    v.into_iter().map(|d| d.map(days)).collect::<Vec<_>>(),
                )),
                Values::Bool(v) => Arc::new(BooleanArray::from(v)),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    RecordBatch::try_new(schema.clone(), arrays)
}

/// The core reader as an Arrow `RecordBatchReader`: each `next` is one
/// batch from the store.
struct Stream {
    reader: ResearchReader,
    schema: SchemaRef,
    batch_size: usize,
}

impl Iterator for Stream {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        let next = block_on_free(self.reader.next_batch(self.batch_size))
            .map_err(|e| ArrowError::ExternalError(e.into()));
        match next {
            Err(e) => Some(Err(e)),
            Ok(Err(e)) => Some(Err(ArrowError::ExternalError(Box::new(e)))),
            Ok(Ok(None)) => None,
            Ok(Ok(Some(batch))) => Some(record_batch(&self.schema, batch)),
        }
    }
}

impl RecordBatchReader for Stream {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }
}

/// A research table of a hub: one row per fact, people only under
/// pseudonymous keys. Pass it to `polars.DataFrame(...)` (or any reader of
/// the Arrow PyCapsule interface), or call `to_polars()` / `to_pandas()`.
/// Each export reads the table afresh, batch by batch.
#[pyclass(frozen, module = "kringloop")]
pub struct ResearchTable {
    hub: kringloop::Hub,
    actor: kringloop::Actor,
    table: research::ResearchTable,
    period: Option<Period>,
    batch_size: usize,
    /// The reader made (and authorised) when the table was asked for,
    /// used by the first export.
    first: Mutex<Option<ResearchReader>>,
}

impl ResearchTable {
    /// Checks the actor's permission and the arguments now, so a refusal
    /// is raised by `hub.table(...)` itself.
    pub fn open(
        py: Python<'_>,
        hub: &kringloop::Hub,
        actor: &Actor,
        name: &str,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        batch_size: usize,
    ) -> PyResult<ResearchTable> {
        let table = research::ResearchTable::parse(name).or_raise()?;
        let period = Period::between(start, end).or_raise()?;
        if !(1..=research::RESEARCH_BATCH_MAX).contains(&batch_size) {
            return Err(kringloop::Error::validation(
                "batch_size",
                format!("must be between 1 and {}", research::RESEARCH_BATCH_MAX),
            ))
            .or_raise();
        }
        let reader = block_on(py, hub.research_table(&actor.inner, table, period))?.or_raise()?;
        Ok(ResearchTable {
            hub: hub.clone(),
            actor: actor.inner.clone(),
            table,
            period,
            batch_size,
            first: Mutex::new(Some(reader)),
        })
    }

    fn reader(&self, py: Python<'_>) -> PyResult<ResearchReader> {
        let first = self.first.lock().map(|mut f| f.take()).unwrap_or(None);
        match first {
            Some(r) => Ok(r),
            None => block_on(
                py,
                self.hub
                    .research_table(&self.actor, self.table, self.period),
            )?
            .or_raise(),
        }
    }

    fn import<'py>(py: Python<'py>, module: &str, extra: &str) -> PyResult<Bound<'py, PyModule>> {
        py.import(module).map_err(|e| {
            if e.is_instance_of::<PyImportError>(py) {
                PyImportError::new_err(format!(
                    "this export needs {module}, which is not installed: \
                     pip install kringloop[{extra}]"
                ))
            } else {
                e
            }
        })
    }
}

#[pymethods]
impl ResearchTable {
    /// The table's name, e.g. `sale_lines`.
    #[getter]
    fn name(&self) -> &'static str {
        self.table.code()
    }

    /// The column names, in order.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.table.columns().into_iter().map(|c| c.name).collect()
    }

    /// The columns with their types: `{name: "string" | "int64" | "date32" | "bool"}`.
    #[getter]
    fn schema<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for c in self.table.columns() {
            let t = match c.kind.data_type() {
                research::DataType::Text => "string",
                research::DataType::Int => "int64",
                research::DataType::Date => "date32",
                research::DataType::Bool => "bool",
            };
            d.set_item(c.name, t)?;
        }
        Ok(d)
    }

    /// The Arrow PyCapsule interface: a capsule named `arrow_array_stream`
    /// holding an `ArrowArrayStream` that reads the table batch by batch.
    /// `requested_schema` is accepted and ignored (the interface allows it).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let stream = Stream {
            reader: self.reader(py)?,
            schema: schema(self.table),
            batch_size: self.batch_size,
        };
        let ffi = FFI_ArrowArrayStream::new(Box::new(stream));
        PyCapsule::new_with_value(py, ffi, c"arrow_array_stream")
    }

    /// The table as a `polars.DataFrame` (needs `pip install kringloop[polars]`).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let pl = Self::import(slf.py(), "polars", "polars")?;
        pl.getattr("DataFrame")?.call1((slf,))
    }

    /// The table as a `pandas.DataFrame` (needs `pip install
    /// kringloop[pandas]`: pandas reads Arrow through pyarrow, in every
    /// version so far).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        Self::import(py, "pandas", "pandas")?;
        let pa = Self::import(py, "pyarrow", "pandas")?;
        pa.call_method1("table", (slf,))?.call_method0("to_pandas")
    }

    fn __repr__(&self) -> String {
        format!(
            "ResearchTable(name='{}', columns={})",
            self.table.code(),
            self.table.columns().len()
        )
    }
}
