//! Disclosure control for published counts: small-cell suppression with
//! secondary suppression, so that no count between 1 and the threshold − 1
//! can be read or worked out from the totals of a table.
//!
//! The method (documented in `docs/privacy.md`):
//! 1. **Primary**: every cell or total with a count from 1 to
//!    `threshold − 1` is hidden (zeros are shown: they identify nobody).
//! 2. **Secondary**: a line (row or column, and the line of row or column
//!    totals) whose total is shown must not hide exactly one of its
//!    values, or that value is its total minus the others. While such a line
//!    exists, the smallest other shown value in it is hidden too (the total
//!    itself when the line has no other value). This repeats until every
//!    line is safe.
//!
//! A single line of counts ([`suppress_line`]) follows the same two steps
//! against its one total.

use serde::Serialize;

/// The default threshold: counts 1–9 are hidden.
pub const DEFAULT_THRESHOLD: u32 = 10;

/// A two-way table of counts with row, column and grand totals, as
/// published. A `None` is a hidden count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountTable {
    /// Row labels.
    pub rows: Vec<String>,
    /// Column labels.
    pub columns: Vec<String>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Option<u64>>>,
    /// The total of each row.
    pub row_totals: Vec<Option<u64>>,
    /// The total of each column.
    pub column_totals: Vec<Option<u64>>,
    /// The grand total.
    pub total: Option<u64>,
    /// The suppression threshold applied, if any.
    pub threshold: Option<u32>,
}

impl CountTable {
    /// An exact table from counts (`counts[row][column]`; short rows are
    /// padded with zeros), with its totals.
    pub fn new(rows: Vec<String>, columns: Vec<String>, counts: Vec<Vec<u64>>) -> CountTable {
        let width = columns.len();
        let cells: Vec<Vec<u64>> = (0..rows.len())
            .map(|i| {
                let mut r = counts.get(i).cloned().unwrap_or_default();
                r.resize(width, 0);
                r
            })
            .collect();
        let row_totals: Vec<u64> = cells.iter().map(|r| r.iter().sum()).collect();
        let column_totals: Vec<u64> = (0..width)
            .map(|j| cells.iter().map(|r| r[j]).sum())
            .collect();
        let total = row_totals.iter().sum();
        CountTable {
            rows,
            columns,
            cells: cells
                .into_iter()
                .map(|r| r.into_iter().map(Some).collect())
                .collect(),
            row_totals: row_totals.into_iter().map(Some).collect(),
            column_totals: column_totals.into_iter().map(Some).collect(),
            total: Some(total),
            threshold: None,
        }
    }

    /// The table with primary and secondary suppression at `threshold`
    /// (counts `1..threshold` hidden). A threshold of 0 or 1 hides nothing.
    pub fn suppressed(mut self, threshold: u32) -> CountTable {
        let t = u64::from(threshold);
        let small = |v: &mut Option<u64>| {
            if matches!(*v, Some(x) if x >= 1 && x < t) {
                *v = None;
            }
        };
        self.cells.iter_mut().flatten().for_each(small);
        self.row_totals.iter_mut().for_each(small);
        self.column_totals.iter_mut().for_each(small);
        small(&mut self.total);
        let (h, w) = (self.rows.len(), self.columns.len());
        loop {
            let mut changed = false;
            for i in 0..h {
                if self.row_totals[i].is_some() {
                    let mut line: Vec<&mut Option<u64>> = self.cells[i].iter_mut().collect();
                    changed |= protect(&mut line, &mut self.row_totals[i]);
                }
            }
            for j in 0..w {
                if self.column_totals[j].is_some() {
                    let mut line: Vec<&mut Option<u64>> =
                        self.cells.iter_mut().map(|r| &mut r[j]).collect();
                    changed |= protect(&mut line, &mut self.column_totals[j]);
                }
            }
            if self.total.is_some() {
                let mut line: Vec<&mut Option<u64>> = self.row_totals.iter_mut().collect();
                changed |= protect(&mut line, &mut self.total);
                let mut line: Vec<&mut Option<u64>> = self.column_totals.iter_mut().collect();
                changed |= protect(&mut line, &mut self.total);
            }
            if !changed {
                break;
            }
        }
        self.threshold = Some(threshold);
        self
    }
}

/// Makes one line safe: when exactly one value is hidden and the total is
/// shown, hides the smallest other shown value (or the total when none is
/// left). Returns whether anything changed.
fn protect(line: &mut [&mut Option<u64>], total: &mut Option<u64>) -> bool {
    if total.is_none() || line.iter().filter(|v| v.is_none()).count() != 1 {
        return false;
    }
    let smallest = line
        .iter()
        .enumerate()
        .filter_map(|(k, v)| v.map(|x| (x, k)))
        .min();
    match smallest {
        Some((_, k)) => *line[k] = None,
        None => *total = None,
    }
    true
}

/// A count published with suppression: hidden (`None`) when from 1 to
/// `threshold − 1`.
pub fn suppress_count(n: u64, threshold: Option<u32>) -> Option<u64> {
    match threshold {
        Some(t) if n >= 1 && n < u64::from(t) => None,
        _ => Some(n),
    }
}

/// One line of counts (cells and their total), as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountLine {
    /// The counts; `None` is hidden.
    pub cells: Vec<Option<u64>>,
    /// Their total; `None` when hidden.
    pub total: Option<u64>,
}

/// A single line of counts with its total, with primary and secondary
/// suppression at `threshold` (`None`: exact). Primary: cells and a total
/// from 1 to `threshold − 1` are hidden. Secondary: when exactly one cell
/// is hidden and the total is shown, the smallest other non-zero cell is
/// hidden too — or, when there is none, the total. (A one-line
/// [`CountTable`] would also publish each cell again as its column total,
/// and would rather hide a zero.)
pub fn suppress_line(counts: &[u64], threshold: Option<u32>) -> CountLine {
    let total: u64 = counts.iter().sum();
    let mut line = CountLine {
        cells: counts
            .iter()
            .map(|n| suppress_count(*n, threshold))
            .collect(),
        total: suppress_count(total, threshold),
    };
    if line.total.is_some() && line.cells.iter().filter(|c| c.is_none()).count() == 1 {
        let smallest = line
            .cells
            .iter()
            .enumerate()
            .filter_map(|(k, v)| v.filter(|x| *x > 0).map(|x| (x, k)))
            .min();
        match smallest {
            Some((_, k)) => line.cells[k] = None,
            None => line.total = None,
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(counts: Vec<Vec<u64>>) -> CountTable {
        let rows = (0..counts.len()).map(|i| format!("r{i}")).collect();
        let cols = (0..counts[0].len()).map(|j| format!("c{j}")).collect();
        CountTable::new(rows, cols, counts)
    }

    /// No hidden value can be recovered from a shown total in its line.
    fn assert_safe(t: &CountTable) {
        for (i, row) in t.cells.iter().enumerate() {
            if t.row_totals[i].is_some() {
                assert_ne!(row.iter().filter(|v| v.is_none()).count(), 1, "row {i}");
            }
        }
        for j in 0..t.columns.len() {
            if t.column_totals[j].is_some() {
                assert_ne!(
                    t.cells.iter().filter(|r| r[j].is_none()).count(),
                    1,
                    "column {j}"
                );
            }
        }
        if t.total.is_some() {
            assert_ne!(t.row_totals.iter().filter(|v| v.is_none()).count(), 1);
            assert_ne!(t.column_totals.iter().filter(|v| v.is_none()).count(), 1);
        }
        let published = t
            .cells
            .iter()
            .flatten()
            .chain(&t.row_totals)
            .chain(&t.column_totals);
        for x in published.flatten() {
            assert!(*x == 0 || *x >= 10, "{x} published");
        }
    }

    #[test]
    fn totals_are_exact_before_suppression() {
        let t = table(vec![vec![1, 2], vec![30, 40]]);
        assert_eq!(t.row_totals, vec![Some(3), Some(70)]);
        assert_eq!(t.column_totals, vec![Some(31), Some(42)]);
        assert_eq!(t.total, Some(73));
    }

    #[test]
    fn a_lonely_small_cell_takes_a_neighbour_with_it() {
        let t = table(vec![vec![3, 50, 60], vec![40, 45, 70]]).suppressed(10);
        assert_eq!(t.cells[0][0], None);
        // row 0 would give 3 back from its total: the smallest other (50) goes too
        assert_eq!(t.cells[0][1], None);
        // and so columns 0 and 1 each need a second hidden cell
        assert_eq!(t.cells[1][0], None);
        assert_eq!(t.cells[1][1], None);
        assert_eq!(t.cells[0][2], Some(60));
        assert_safe(&t);
    }

    #[test]
    fn zeros_stay_and_everything_is_safe() {
        let cases = vec![
            vec![vec![0, 0, 5], vec![0, 12, 0]],
            vec![vec![9]],
            vec![vec![1, 1, 1], vec![1, 1, 1]],
            vec![vec![100, 2], vec![3, 100], vec![0, 0]],
            vec![vec![11, 12, 13], vec![14, 15, 16]],
        ];
        for c in cases {
            let t = table(c).suppressed(10);
            assert_safe(&t);
        }
        let t = table(vec![vec![0, 20], vec![30, 0]]).suppressed(10);
        assert!(t.cells.iter().flatten().all(Option::is_some));
    }

    #[test]
    fn a_line_hides_a_second_non_zero_cell_or_its_total() {
        let l = suppress_line(&[2, 20, 0, 30], Some(10));
        assert_eq!(l.cells, vec![None, None, Some(0), Some(30)]);
        assert_eq!(l.total, Some(52));
        let l = suppress_line(&[2, 0, 0], Some(10));
        assert_eq!((l.cells[0], l.total), (None, None));
        let l = suppress_line(&[2, 3, 40], Some(10));
        assert_eq!(l.cells, vec![None, None, Some(40)]);
        assert_eq!(l.total, Some(45));
        let l = suppress_line(&[2, 3], None);
        assert_eq!((l.cells, l.total), (vec![Some(2), Some(3)], Some(5)));
    }

    #[test]
    fn threshold_is_configurable() {
        let t = table(vec![vec![4, 20], vec![30, 40]]).suppressed(3);
        assert_eq!(t.cells[0][0], Some(4));
        assert_eq!(suppress_count(4, Some(5)), None);
        assert_eq!(suppress_count(0, Some(5)), Some(0));
        assert_eq!(suppress_count(4, None), Some(4));
    }
}
