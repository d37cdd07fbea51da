//! Raw rows from the store, and the columnar batches made from them.

use super::{ColumnKind, DataType, Pseudonymiser, ResearchTable};
use crate::calendar::parse_date;
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate};

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

    /// A date as `YYYY-MM-DD`.
    pub fn date(d: NaiveDate) -> Cell {
        Cell::Text(d.format("%Y-%m-%d").to_string())
    }
}

/// Where a batch ended in its table: the position (the store's sort key) of
/// its last row. The next batch starts after it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ResearchCursor(pub Vec<Cell>);

/// Raw rows of a research table, in the column order of
/// [`ResearchTable::columns`], sorted by their position, with the position
/// of the last one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResearchRows {
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// The position of the last row (`None` when there are no rows).
    pub last: Option<ResearchCursor>,
}

/// The values of one column of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Values {
    /// Keys and codes.
    Text(Vec<Option<String>>),
    /// Integers.
    Int(Vec<Option<i64>>),
    /// Dates.
    Date(Vec<Option<NaiveDate>>),
    /// Flags.
    Bool(Vec<Option<bool>>),
}

impl Values {
    fn with_capacity(t: DataType, n: usize) -> Values {
        match t {
            DataType::Text => Values::Text(Vec::with_capacity(n)),
            DataType::Int => Values::Int(Vec::with_capacity(n)),
            DataType::Date => Values::Date(Vec::with_capacity(n)),
            DataType::Bool => Values::Bool(Vec::with_capacity(n)),
        }
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        match self {
            Values::Text(v) => v.len(),
            Values::Int(v) => v.len(),
            Values::Date(v) => v.len(),
            Values::Bool(v) => v.len(),
        }
    }

    /// Pushes a copy of the last value; `false` (and nothing pushed) when empty.
    fn repeat_last(&mut self) -> bool {
        fn again<T: Clone>(v: &mut Vec<T>) -> bool {
            match v.last().cloned() {
                Some(x) => {
                    v.push(x);
                    true
                }
                None => false,
            }
        }
        match self {
            Values::Text(v) => again(v),
            Values::Int(v) => again(v),
            Values::Date(v) => again(v),
            Values::Bool(v) => again(v),
        }
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value at `row` as text (`None` for a null), for tests and display.
    pub fn display(&self, row: usize) -> Option<String> {
        match self {
            Values::Text(v) => v.get(row)?.clone(),
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

fn corrupt(table: ResearchTable, column: &str, why: impl std::fmt::Display) -> Error {
    Error::storage(format!("corrupt {table} research row: {column}: {why}"))
}

impl Pseudonymiser {
    /// Turns raw rows of `table` into a columnar batch: identifiers become
    /// keys, dates and flags are parsed. A row that does not fit the
    /// table's columns is a storage error.
    pub fn batch(&self, table: ResearchTable, rows: Vec<Vec<Cell>>) -> Result<ResearchBatch> {
        let n = rows.len();
        let mut columns: Vec<ColumnData> = table
            .columns()
            .into_iter()
            .map(|c| ColumnData {
                values: Values::with_capacity(c.kind.data_type(), n),
                name: c.name,
                kind: c.kind,
            })
            .collect();
        // The raw value each key or date column had in the row before: rows
        // come in key order, so a sale's lines, an actor's run of sales and
        // a day's rows repeat it, and the key (an HMAC) is made once per run.
        let mut before: Vec<Option<Cell>> = vec![None; columns.len()];
        for row in rows {
            if row.len() != columns.len() {
                return Err(corrupt(table, "*", format!("{} cells", row.len())));
            }
            for ((col, cell), prev) in columns.iter_mut().zip(row).zip(before.iter_mut()) {
                let memo = matches!(
                    col.kind,
                    ColumnKind::Key(_) | ColumnKind::TaggedKey | ColumnKind::Date
                );
                if memo && prev.as_ref() == Some(&cell) && col.values.repeat_last() {
                    continue;
                }
                if memo {
                    *prev = Some(cell.clone());
                }
                self.push(table, col, cell)?;
            }
        }
        Ok(ResearchBatch {
            table,
            rows: n,
            columns,
        })
    }

    fn push(&self, table: ResearchTable, col: &mut ColumnData, cell: Cell) -> Result<()> {
        let bad = |why: &str| corrupt(table, &col.name, why);
        match (&mut col.values, col.kind, cell) {
            (Values::Text(v), _, Cell::Null) => v.push(None),
            (Values::Int(v), _, Cell::Null) => v.push(None),
            (Values::Date(v), _, Cell::Null) => v.push(None),
            (Values::Bool(v), _, Cell::Null) => v.push(None),
            (Values::Text(v), ColumnKind::Key(kind), Cell::Text(id)) => {
                v.push(Some(self.key(kind, &id)))
            }
            (Values::Text(v), ColumnKind::TaggedKey, Cell::Text(id)) => {
                v.push(Some(self.tagged_key(&id)))
            }
            (Values::Text(v), ColumnKind::Code, Cell::Text(code)) => v.push(Some(code)),
            (Values::Int(v), _, Cell::Int(n)) => v.push(Some(n)),
            (Values::Bool(v), _, Cell::Int(n)) => v.push(Some(n != 0)),
            (Values::Date(v), _, Cell::Text(s)) => v.push(Some(
                parse_date("date", &s).map_err(|e| bad(&e.to_string()))?,
            )),
            (Values::Date(v), _, Cell::Int(micros)) => {
                let t = DateTime::from_timestamp_micros(micros)
                    .ok_or_else(|| bad("timestamp out of range"))?;
                v.push(Some(t.date_naive()))
            }
            _ => return Err(bad("unexpected value type")),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::research::HubSecret;

    #[test]
    fn rows_become_keys_codes_dates_and_flags() {
        let p = Pseudonymiser::new(&HubSecret::generate());
        let row = vec![
            Cell::text("s1"),
            Cell::text("v1"),
            Cell::text("2026-03-02"),
            Cell::text("cashier"),
            Cell::text("worked"),
            Cell::Int(600),
            Cell::Int(720),
            Cell::Int(120),
        ];
        let b = p.batch(ResearchTable::Shifts, vec![row]).unwrap();
        assert_eq!(b.rows, 1);
        let key = b
            .column("volunteer_key")
            .unwrap()
            .values
            .display(0)
            .unwrap();
        assert_eq!(key, p.key("volunteer", "v1"));
        assert_eq!(
            b.column("date").unwrap().values,
            Values::Date(vec![NaiveDate::from_ymd_opt(2026, 3, 2)])
        );
        let short = p.batch(ResearchTable::Shifts, vec![vec![Cell::Null]]);
        assert_eq!(short.unwrap_err().code().as_str(), "storage");
    }

    #[test]
    fn repeated_raw_values_give_the_same_key_and_date() {
        let p = Pseudonymiser::new(&HubSecret::generate());
        let row = |shift: &str, v: &str| {
            let mut r = vec![Cell::Int(0); 8];
            r[0] = Cell::text(shift);
            r[1] = Cell::text(v);
            r[2] = Cell::text("2026-03-02");
            r[3] = Cell::text("cashier");
            r[4] = Cell::text("worked");
            r
        };
        let rows = vec![
            row("s1", "v1"),
            row("s2", "v1"),
            row("s3", "v2"),
            row("s4", "v1"),
        ];
        let b = p.batch(ResearchTable::Shifts, rows).unwrap();
        let keys: Vec<String> = (0..4)
            .map(|r| {
                b.column("volunteer_key")
                    .unwrap()
                    .values
                    .display(r)
                    .unwrap()
            })
            .collect();
        let (v1, v2) = (p.key("volunteer", "v1"), p.key("volunteer", "v2"));
        assert_eq!(keys, [v1.clone(), v1.clone(), v2, v1]);
        assert_eq!(
            b.column("date").unwrap().values.display(3).unwrap(),
            "2026-03-02"
        );
    }

    #[test]
    fn a_timestamp_gives_its_utc_day_and_cells_order_by_position() {
        let p = Pseudonymiser::new(&HubSecret::generate());
        let mut row = vec![Cell::Null; ResearchTable::Enrolments.columns().len()];
        row[3] = Cell::Int(1_772_409_600_000_000); // 2026-03-02T00:00:00Z
        let b = p.batch(ResearchTable::Enrolments, vec![row]).unwrap();
        assert_eq!(
            b.column("enrolled_on").unwrap().values.display(0).unwrap(),
            "2026-03-02"
        );
        assert!(Cell::Null < Cell::Int(-1) && Cell::Int(9) < Cell::text("a"));
    }
}
