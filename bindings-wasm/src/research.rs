//! `hub.researchTable(actor, name, { from?, to? })`: a research table (tidy
//! rows, people and records only under pseudonymous keys) read batch by
//! batch, as the Python `hub.table(...)`. Who may read (researchers and
//! admins), the keys and the rows are the core's; this file only converts a
//! core batch into a plain object `{ rows, columns: { [name]: values[] } }`.
//! Built into the shop package `kringloop` (feature `shop`; not the offline
//! or programme packages).

use crate::convert;
use crate::hub::{Hub, promise};
use chrono::{Datelike, NaiveDate};
use js_sys::{JSON, Promise};
use kringloop::research::{self, RESEARCH_BATCH_MAX, RESEARCH_BATCH_ROWS, ResearchBatch, Values};
use kringloop::{Error, MemoryStore, Period, ResearchReader, Result};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Options of `hub.researchTable`: `{ from?, to? }` (ISO dates, inclusive).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TableOptions {
    #[serde(default)]
    from: Option<NaiveDate>,
    #[serde(default)]
    to: Option<NaiveDate>,
}

#[wasm_bindgen]
impl Hub {
    /// The research table `name` (e.g. `"sale_lines"`; the tables and columns are in docs/research.md), optionally only the rows whose date lies in `{ from?, to? }` (either end may be left open). Rows hold codes, dates and numbers; every person and record appears only as a pseudonymous key (16 hex characters, stable within the hub). Researchers and admins only (`forbidden` for the others); a bad name or `from` after `to` is a `validation` error.
    #[wasm_bindgen(js_name = researchTable, unchecked_return_type = "Promise<ResearchTable>")]
    pub fn research_table(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ResearchTableName")] name: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ResearchTableOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let name: String = convert::input(name, "research_table")?;
            let table = research::ResearchTable::parse(&name)?;
            let o: TableOptions = convert::options(options, "options")?;
            let period = Period::between(o.from, o.to)?;
            let reader = hub.research_table(&actor, table, period).await?;
            Ok(ResearchTable {
                table,
                reader: Rc::new(RefCell::new(Some(reader))),
            }
            .into())
        })
    }
}

/// A research table being read: its `name`, its `columns` and
/// `nextBatch(maxRows)` / `readAll()`. Batches continue where the last one
/// ended; each row is returned once.
#[wasm_bindgen]
pub struct ResearchTable {
    table: research::ResearchTable,
    /// The core reader; taken out while a batch is being read.
    reader: Rc<RefCell<Option<ResearchReader<MemoryStore>>>>,
}

#[wasm_bindgen]
impl ResearchTable {
    /// The table's name, e.g. `"sale_lines"`.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.table.code().to_string()
    }

    /// The columns in order, each `{ name, type }` with type `"string"`, `"int64"`, `"date32"` or `"bool"` (as the Python `schema`).
    #[wasm_bindgen(getter, unchecked_return_type = "ResearchColumn[]")]
    pub fn columns(&self) -> JsValue {
        let columns: Vec<ColumnOut> = self
            .table
            .columns()
            .into_iter()
            .map(|c| ColumnOut {
                kind: match c.kind.data_type() {
                    research::DataType::Text => "string",
                    research::DataType::Int => "int64",
                    research::DataType::Date => "date32",
                    research::DataType::Bool => "bool",
                },
                name: c.name,
            })
            .collect();
        convert::output(&columns).unwrap_or(JsValue::NULL)
    }

    /// The next batch of at most `maxRows` rows (1 to 1 000 000, default 8192), or `undefined` when the table is exhausted.
    #[wasm_bindgen(js_name = nextBatch, unchecked_return_type = "Promise<ResearchBatch | undefined>")]
    pub fn next_batch(&self, max_rows: Option<f64>) -> Promise {
        promise(read(self.reader.clone(), self.table, max_rows, false))
    }

    /// Every remaining row as one batch (read 8192 rows at a time); for tables that fit in memory.
    #[wasm_bindgen(js_name = readAll, unchecked_return_type = "Promise<ResearchBatch>")]
    pub fn read_all(&self) -> Promise {
        promise(read(self.reader.clone(), self.table, None, true))
    }
}

/// A column as `columns` lists it: `{ name, type }`.
#[derive(Serialize)]
struct ColumnOut {
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// `maxRows` as a count: an integer from 1 to [`RESEARCH_BATCH_MAX`]
/// (default [`RESEARCH_BATCH_ROWS`]).
fn batch_size(max_rows: Option<f64>) -> Result<usize> {
    match max_rows {
        None => Ok(RESEARCH_BATCH_ROWS),
        Some(n) if n.fract() == 0.0 && n >= 1.0 && n <= RESEARCH_BATCH_MAX as f64 => Ok(n as usize),
        Some(_) => Err(Error::validation(
            "max_rows",
            format!("must be a whole number between 1 and {RESEARCH_BATCH_MAX}"),
        )),
    }
}

/// The one body of `nextBatch` and `readAll` (one future compiled, not
/// two): reads one batch of at most `max_rows` rows or, with `all`, every
/// remaining batch, and writes them as one batch object (`undefined` from
/// `nextBatch` at the end of the table). The reader is taken out of its
/// cell while the store is asked and put back after, so a second call made
/// before the first settled is refused rather than interleaved.
async fn read(
    cell: Rc<RefCell<Option<ResearchReader<MemoryStore>>>>,
    table: research::ResearchTable,
    max_rows: Option<f64>,
    all: bool,
) -> Result<JsValue> {
    let max_rows = batch_size(max_rows)?;
    let mut reader = cell.borrow_mut().take().ok_or_else(|| {
        Error::conflict("this research table is already reading a batch; await it first")
    })?;
    let mut out = Columns::new(table);
    let mut any = false;
    let result = loop {
        match reader.next_batch(max_rows).await {
            Ok(Some(batch)) => {
                any = true;
                out.append(batch);
                if !all {
                    break Ok(());
                }
            }
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    *cell.borrow_mut() = Some(reader);
    result?;
    if any || all {
        out.finish()
    } else {
        Ok(JsValue::UNDEFINED)
    }
}

/// A batch being written as JSON text: one array of values per column,
/// batches appended in order; [`Columns::finish`] hands the object to
/// `JSON.parse` (one crossing of the wasm boundary for the whole batch).
/// Writes go to byte buffers, which cannot fail (their results are
/// dropped).
struct Columns {
    names: Vec<String>,
    values: Vec<Vec<u8>>,
    rows: usize,
}

impl Columns {
    fn new(table: research::ResearchTable) -> Columns {
        let names: Vec<String> = table.columns().into_iter().map(|c| c.name).collect();
        let values = vec![Vec::new(); names.len()];
        Columns {
            names,
            values,
            rows: 0,
        }
    }

    /// Appends the values of `batch` (whose columns are the table's, in order).
    fn append(&mut self, batch: ResearchBatch) {
        self.rows += batch.rows;
        for (out, column) in self.values.iter_mut().zip(batch.columns) {
            match column.values {
                Values::Text(v) => v.iter().for_each(|s| {
                    next(out);
                    match s {
                        Some(s) => string(out, s),
                        None => out.extend_from_slice(b"null"),
                    }
                }),
                Values::Int(v) => v.into_iter().for_each(|n| {
                    next(out);
                    match n {
                        Some(n) => {
                            let _ = write!(out, "{n}");
                        }
                        None => out.extend_from_slice(b"null"),
                    }
                }),
                Values::Date(v) => v.into_iter().for_each(|d| {
                    next(out);
                    match d {
                        Some(d) => {
                            // `YYYY-MM-DD` without chrono's formatter (dates
                            // lie in years 1–9999).
                            let _ =
                                write!(out, "\"{:04}-{:02}-{:02}\"", d.year(), d.month(), d.day());
                        }
                        None => out.extend_from_slice(b"null"),
                    }
                }),
                Values::Bool(v) => v.into_iter().for_each(|b| {
                    next(out);
                    out.extend_from_slice(match b {
                        Some(true) => b"true",
                        Some(false) => b"false",
                        None => b"null",
                    })
                }),
            }
        }
    }

    /// `{ rows, columns: { [name]: values[] } }` as a JavaScript object.
    fn finish(self) -> Result<JsValue> {
        let mut out = Vec::new();
        let _ = write!(out, "{{\"rows\":{},\"columns\":{{", self.rows);
        for (i, (name, values)) in self.names.iter().zip(&self.values).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            string(&mut out, name);
            out.push(b':');
            out.push(b'[');
            out.extend_from_slice(values);
            out.push(b']');
        }
        out.extend_from_slice(b"}}");
        let text = std::str::from_utf8(&out)
            .map_err(|_| Error::storage("could not convert a research batch"))?;
        JSON::parse(text).map_err(|_| Error::storage("could not convert a research batch"))
    }
}

/// A comma before every value but the first of a column.
fn next(out: &mut Vec<u8>) {
    if !out.is_empty() {
        out.push(b',');
    }
}

/// `s` as a JSON string, escaped by serde_json (writing into a byte buffer
/// cannot fail).
fn string(out: &mut Vec<u8>, s: &str) {
    let _ = serde_json::to_writer(out, s);
}
