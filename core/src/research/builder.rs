//! Building a batch from the store's raw values, one value at a time.

use super::pseudonym::hex_str;
use super::{
    Cell, ColumnData, ColumnKind, DataType, KEY_HEX_LEN, Pseudonymiser, ResearchBatch,
    ResearchCursor, ResearchTable, TextValues, Values,
};
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate};

/// The raw value a key or date column had in the row before.
#[derive(Debug, Default)]
enum Memo {
    /// Nothing yet (or the last value was not remembered).
    #[default]
    None,
    /// A text (the buffer is reused from row to row), and for a key column
    /// its key.
    Text(String, [u8; KEY_HEX_LEN]),
    /// An integer.
    Int(i64),
}

/// Builds one batch of a research table from the store's raw values: the
/// store pushes each row's values in the order of
/// [`ResearchTable::columns`] ([`text`](BatchBuilder::text),
/// [`int`](BatchBuilder::int) or [`cell`](BatchBuilder::cell)), ends the
/// row ([`end_row`](BatchBuilder::end_row)) and, after the last, tells
/// where it was ([`set_last`](BatchBuilder::set_last)). Identifiers become
/// pseudonymous keys and dates are parsed as they arrive, straight into the
/// batch's columns, so no row is ever held on its own.
///
/// A value that does not fit its column (text for a number, a malformed
/// date, a row too short or too long) is a storage error: the store is
/// corrupt.
pub struct BatchBuilder<'k> {
    table: ResearchTable,
    keys: &'k Pseudonymiser,
    columns: Vec<ColumnData>,
    /// For key and date columns: the raw value of the row before. Rows come
    /// in key order, so a sale's lines, an actor's run of sales and a day's
    /// rows repeat it, and the key (an HMAC) is made once per run.
    memo: Vec<Memo>,
    /// The column the next value belongs to.
    at: usize,
    rows: usize,
    last: Option<ResearchCursor>,
}

impl std::fmt::Debug for BatchBuilder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchBuilder")
            .field("table", &self.table)
            .field("rows", &self.rows)
            .finish()
    }
}

fn corrupt(table: ResearchTable, column: &str, why: impl std::fmt::Display) -> Error {
    Error::storage(format!("corrupt {table} research row: {column}: {why}"))
}

/// Parses a date as the stores write it, `YYYY-MM-DD` (and, as leniently as
/// the rest of the library, with blanks around it or a month or day without
/// its leading zero), by hand: chrono's general parser would link about
/// 25 KB (its format machinery and Unicode case tables) into the browser
/// package that reads research tables. Dates repeat from row to row, so
/// each run of the same day is parsed once.
fn parse_day(s: &str) -> Option<NaiveDate> {
    let number = |p: Option<&str>| -> Option<u32> {
        let p = p?;
        let plain = !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit());
        plain.then(|| p.parse().ok()).flatten()
    };
    let mut parts = s.trim().split('-');
    let year = i32::try_from(number(parts.next())?).ok()?;
    let (month, day) = (number(parts.next())?, number(parts.next())?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

impl<'k> BatchBuilder<'k> {
    /// A builder for a batch of `table` of about `rows` rows, keyed with
    /// `keys`.
    pub fn new(table: ResearchTable, keys: &'k Pseudonymiser, rows: usize) -> BatchBuilder<'k> {
        let columns: Vec<ColumnData> = table
            .columns()
            .into_iter()
            .map(|c| ColumnData {
                values: match c.kind.data_type() {
                    DataType::Text => Values::Text(TextValues::with_capacity(rows, rows * 16)),
                    DataType::Int => Values::Int(Vec::with_capacity(rows)),
                    DataType::Date => Values::Date(Vec::with_capacity(rows)),
                    DataType::Bool => Values::Bool(Vec::with_capacity(rows)),
                },
                name: c.name,
                kind: c.kind,
            })
            .collect();
        BatchBuilder {
            table,
            keys,
            memo: columns.iter().map(|_| Memo::None).collect(),
            columns,
            at: 0,
            rows: 0,
            last: None,
        }
    }

    /// The table being built.
    pub fn table(&self) -> ResearchTable {
        self.table
    }

    /// The rows ended so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The row's next column and its memo, or an error when the row
    /// already has them all.
    fn next_column(&mut self) -> Result<(&mut ColumnData, &mut Memo)> {
        let at = self.at;
        match (self.columns.get_mut(at), self.memo.get_mut(at)) {
            (Some(col), Some(memo)) => {
                self.at += 1;
                Ok((col, memo))
            }
            _ => Err(corrupt(self.table, "*", "more values than columns")),
        }
    }

    /// Pushes a text value (or a null) into the row's next column.
    pub fn text(&mut self, value: Option<&str>) -> Result<()> {
        let (keys, table) = (self.keys, self.table);
        let (col, memo) = self.next_column()?;
        let Some(s) = value else {
            *memo = Memo::None;
            push_null(&mut col.values);
            return Ok(());
        };
        match (&mut col.values, col.kind, &mut *memo) {
            // A key: the row before's when the raw id repeats, else made.
            (Values::Text(v), kind @ (ColumnKind::Key(_) | ColumnKind::TaggedKey), memo) => {
                if let Memo::Text(raw, key) = memo {
                    if raw == s {
                        v.push(Some(hex_str(key)));
                        return Ok(());
                    }
                }
                let key = match kind {
                    ColumnKind::Key(kind) => keys.key_hex(kind, s),
                    _ => keys.tagged_key_hex(s),
                };
                v.push(Some(hex_str(&key)));
                remember(memo, s, key);
            }
            (Values::Text(v), _, _) => v.push(Some(s)),
            // A date: the row before's when the raw text repeats, else parsed.
            (Values::Date(v), _, memo) => {
                if let (Memo::Text(raw, _), Some(&last)) = (&*memo, v.last()) {
                    if raw == s {
                        v.push(last);
                        return Ok(());
                    }
                }
                let Some(day) = parse_day(s) else {
                    *memo = Memo::None;
                    return Err(corrupt(table, &col.name, format!("{s:?} is not a date")));
                };
                v.push(Some(day));
                remember(memo, s, [0; KEY_HEX_LEN]);
            }
            (_, _, memo) => {
                *memo = Memo::None;
                return Err(corrupt(table, &col.name, "text where a number belongs"));
            }
        }
        Ok(())
    }

    /// Pushes an integer (or a null) into the row's next column: a number,
    /// a flag (0 or not), or a date as microseconds since the epoch (its
    /// UTC day).
    pub fn int(&mut self, value: Option<i64>) -> Result<()> {
        let table = self.table;
        let (col, memo) = self.next_column()?;
        let Some(n) = value else {
            *memo = Memo::None;
            push_null(&mut col.values);
            return Ok(());
        };
        match &mut col.values {
            Values::Int(v) => v.push(Some(n)),
            Values::Bool(v) => v.push(Some(n != 0)),
            Values::Date(v) => {
                if matches!(memo, Memo::Int(m) if *m == n) && v.last().is_some() {
                    v.push(v.last().copied().flatten());
                    return Ok(());
                }
                let Some(t) = DateTime::from_timestamp_micros(n) else {
                    *memo = Memo::None;
                    return Err(corrupt(table, &col.name, "timestamp out of range"));
                };
                *memo = Memo::Int(n);
                v.push(Some(t.date_naive()));
            }
            Values::Text(_) => {
                return Err(corrupt(table, &col.name, "a number where text belongs"));
            }
        }
        Ok(())
    }

    /// Pushes a raw cell into the row's next column.
    pub fn cell(&mut self, cell: &Cell) -> Result<()> {
        match cell {
            Cell::Null => self.text(None),
            Cell::Int(n) => self.int(Some(*n)),
            Cell::Text(s) => self.text(Some(s)),
        }
    }

    /// Ends the row; an error when it lacks values.
    pub fn end_row(&mut self) -> Result<()> {
        if self.at != self.columns.len() {
            let n = self.at;
            return Err(corrupt(self.table, "*", format!("{n} cells")));
        }
        self.at = 0;
        self.rows += 1;
        Ok(())
    }

    /// Records the position (the store's sort key) of the last row, where
    /// the next batch starts.
    pub fn set_last(&mut self, position: ResearchCursor) {
        self.last = Some(position);
    }

    /// The batch, and the position of its last row (`None` when it has no
    /// rows); an error when a row was left unfinished.
    pub fn finish(self) -> Result<(ResearchBatch, Option<ResearchCursor>)> {
        if self.at != 0 {
            return Err(corrupt(self.table, "*", "an unfinished row"));
        }
        let last = if self.rows == 0 { None } else { self.last };
        Ok((
            ResearchBatch {
                table: self.table,
                rows: self.rows,
                columns: self.columns,
            },
            last,
        ))
    }
}

fn push_null(values: &mut Values) {
    match values {
        Values::Text(v) => v.push(None),
        Values::Int(v) => v.push(None),
        Values::Date(v) => v.push(None),
        Values::Bool(v) => v.push(None),
    }
}

/// Remembers `raw` (reusing the memo's buffer) and its key.
fn remember(memo: &mut Memo, raw: &str, key: [u8; KEY_HEX_LEN]) {
    match memo {
        Memo::Text(buf, k) => {
            buf.clear();
            buf.push_str(raw);
            *k = key;
        }
        other => *other = Memo::Text(raw.to_string(), key),
    }
}

impl Pseudonymiser {
    /// Turns raw rows of `table` (cells in the order of
    /// [`ResearchTable::columns`]) into a columnar batch, as a store's
    /// pushes into a [`BatchBuilder`] would. A row that does not fit the
    /// table's columns is a storage error.
    pub fn batch(&self, table: ResearchTable, rows: &[Vec<Cell>]) -> Result<ResearchBatch> {
        let mut b = BatchBuilder::new(table, self, rows.len());
        for row in rows {
            for cell in row {
                b.cell(cell)?;
            }
            b.end_row()?;
        }
        b.finish().map(|(batch, _)| batch)
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
        let b = p.batch(ResearchTable::Shifts, &[row]).unwrap();
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
        let short = p.batch(ResearchTable::Shifts, &[vec![Cell::Null]]);
        assert_eq!(short.unwrap_err().code().as_str(), "storage");
        let long = p.batch(ResearchTable::Shifts, &[vec![Cell::Null; 9]]);
        assert_eq!(long.unwrap_err().code().as_str(), "storage");
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
        let mut rows = vec![
            row("s1", "v1"),
            row("s2", "v1"),
            row("s3", "v2"),
            row("s4", "v1"),
        ];
        rows[2][2] = Cell::Null;
        let b = p.batch(ResearchTable::Shifts, &rows).unwrap();
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
        let dates: Vec<Option<String>> = (0..4)
            .map(|r| b.column("date").unwrap().values.display(r))
            .collect();
        let day = Some("2026-03-02".to_string());
        assert_eq!(dates, [day.clone(), day.clone(), None, day]);
    }

    #[test]
    fn a_timestamp_gives_its_utc_day_and_cells_order_by_position() {
        let p = Pseudonymiser::new(&HubSecret::generate());
        let mut row = vec![Cell::Null; ResearchTable::Enrolments.columns().len()];
        row[3] = Cell::Int(1_772_409_600_000_000); // 2026-03-02T00:00:00Z
        let b = p
            .batch(ResearchTable::Enrolments, &[row.clone(), row])
            .unwrap();
        let day = b.column("enrolled_on").unwrap();
        assert_eq!(day.values.display(0).unwrap(), "2026-03-02");
        assert_eq!(day.values.display(1).unwrap(), "2026-03-02");
        assert!(Cell::Null < Cell::Int(-1) && Cell::Int(9) < Cell::text("a"));
    }

    #[test]
    fn bad_values_are_storage_errors() {
        let p = Pseudonymiser::new(&HubSecret::generate());
        let mut row = vec![Cell::Int(0); 8];
        row[0] = Cell::text("s1");
        row[1] = Cell::text("v1");
        row[2] = Cell::text("2 maart");
        row[3] = Cell::text("cashier");
        row[4] = Cell::text("worked");
        let err = p.batch(ResearchTable::Shifts, &[row.clone()]).unwrap_err();
        assert!(err.to_string().contains("date"), "{err}");
        row[2] = Cell::text("2026-03-02");
        row[5] = Cell::text("ten");
        assert!(p.batch(ResearchTable::Shifts, &[row.clone()]).is_err());
        row[5] = Cell::Int(600);
        row[0] = Cell::Int(1);
        assert!(p.batch(ResearchTable::Shifts, &[row]).is_err());
        let mut b = BatchBuilder::new(ResearchTable::Shifts, &p, 1);
        b.text(Some("s1")).unwrap();
        assert!(b.finish().is_err());
    }

    #[test]
    fn dates_parse_by_hand() {
        assert_eq!(parse_day("2026-03-02"), NaiveDate::from_ymd_opt(2026, 3, 2));
        assert_eq!(parse_day("2026-02-30"), None);
        assert_eq!(parse_day("2026-0a-02"), None);
        assert_eq!(
            parse_day(" 2026-03-02"),
            NaiveDate::from_ymd_opt(2026, 3, 2)
        );
        assert_eq!(parse_day("2026-3-2"), NaiveDate::from_ymd_opt(2026, 3, 2));
        assert_eq!(parse_day("2026-03-02-01"), None);
        assert_eq!(parse_day("2026--02"), None);
        assert_eq!(parse_day("gisteren"), None);
    }
}
