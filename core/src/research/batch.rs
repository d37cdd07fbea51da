//! Raw values from the store, and the columnar batches made from them.

use super::{ColumnKind, ResearchTable, TextValues};
use chrono::NaiveDate;

/// A raw value as the store gives it. Ordered (nulls first, then integers,
/// then text), so a row's position in its table can be compared.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cell {
    /// No value.
    Null,
    /// An integer (also flags, 0/1, and timestamps in microseconds).
    Int(i64),
    /// Text: ids, actor names, codes, dates as `YYYY-MM-DD`.
    Text(String),
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A text cell, or null.
    pub fn opt_text<T: ToString>(s: Option<T>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.to_string()))
    }

    /// An integer cell, or null.
    pub fn opt_int(n: Option<i64>) -> Cell {
        n.map_or(Cell::Null, Cell::Int)
    }

    /// A flag.
    pub fn flag(b: bool) -> Cell {
        Cell::Int(i64::from(b))
    }

    /// A date as `YYYY-MM-DD` (chrono's `Display`, which writes exactly
    /// that for years 0–9999, without its `strftime` machinery).
    pub fn date(d: NaiveDate) -> Cell {
        Cell::Text(d.to_string())
    }
}

/// Where a batch ended in its table: the position (the store's sort key) of
/// its last row. The next batch starts after it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ResearchCursor(pub Vec<Cell>);

/// The values of one column of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Values {
    /// Keys and codes.
    Text(TextValues),
    /// Integers.
    Int(Vec<Option<i64>>),
    /// Dates.
    Date(Vec<Option<NaiveDate>>),
    /// Flags.
    Bool(Vec<Option<bool>>),
}

impl Values {
    /// The number of values.
    pub fn len(&self) -> usize {
        match self {
            Values::Text(v) => v.len(),
            Values::Int(v) => v.len(),
            Values::Date(v) => v.len(),
            Values::Bool(v) => v.len(),
        }
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value at `row` as text (`None` for a null), for tests and display.
    pub fn display(&self, row: usize) -> Option<String> {
        match self {
            Values::Text(v) => v.get(row).map(str::to_string),
            Values::Int(v) => v.get(row)?.map(|n| n.to_string()),
            Values::Date(v) => v.get(row)?.map(|d| d.to_string()),
            Values::Bool(v) => v.get(row)?.map(|b| b.to_string()),
        }
    }
}

/// One column of a batch: its name, kind and values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnData {
    /// The column's name.
    pub name: String,
    /// What it holds.
    pub kind: ColumnKind,
    /// One value per row.
    pub values: Values,
}

/// A batch of a research table, column by column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResearchBatch {
    /// The table.
    pub table: ResearchTable,
    /// The number of rows.
    pub rows: usize,
    /// The columns, in the table's order.
    pub columns: Vec<ColumnData>,
}

impl ResearchBatch {
    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&ColumnData> {
        self.columns.iter().find(|c| c.name == name)
    }
}
