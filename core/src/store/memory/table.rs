//! Records of one kind in id order: a sorted list of ids beside the records.
//!
//! Ids are UUIDv7, so new records almost always go at the end. The lookup
//! (`position`) is not generic, and the rest is a few `Vec` calls per record
//! type: far less code than a `BTreeMap` per key and value type.

use uuid::Uuid;

/// Records keyed by id, iterated in id order (as a `BTreeMap` by id).
#[derive(Debug)]
pub(super) struct Table<T> {
    ids: Vec<Uuid>,
    rows: Vec<T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            ids: Vec::new(),
            rows: Vec::new(),
        }
    }
}

impl<T> Table<T> {
    pub(super) fn get(&self, id: Uuid) -> Option<&T> {
        position(&self.ids, id).ok().and_then(|i| self.rows.get(i))
    }

    pub(super) fn get_mut(&mut self, id: Uuid) -> Option<&mut T> {
        position(&self.ids, id)
            .ok()
            .and_then(|i| self.rows.get_mut(i))
    }

    pub(super) fn contains(&self, id: Uuid) -> bool {
        position(&self.ids, id).is_ok()
    }

    /// Inserts `row` under `id`, replacing the record already there.
    pub(super) fn insert(&mut self, id: Uuid, row: T) {
        match position(&self.ids, id) {
            Ok(i) => {
                if let Some(slot) = self.rows.get_mut(i) {
                    *slot = row;
                }
            }
            Err(i) => {
                self.ids.insert(i, id);
                self.rows.insert(i, row);
            }
        }
    }

    /// The record under `id`, first inserting `new()` there if there is none.
    pub(super) fn get_or_insert_with(&mut self, id: Uuid, new: impl FnOnce() -> T) -> &mut T {
        let i = match position(&self.ids, id) {
            Ok(i) => i,
            Err(i) => {
                self.ids.insert(i, id);
                self.rows.insert(i, new());
                i
            }
        };
        // In range: `i` is the record's position, found or just filled.
        &mut self.rows[i]
    }

    /// The records in id order.
    pub(super) fn values(&self) -> std::slice::Iter<'_, T> {
        self.rows.iter()
    }
}

/// Where `id` is in the sorted `ids`, or where it would go.
#[inline(never)]
fn position(ids: &[Uuid], id: Uuid) -> Result<usize, usize> {
    // Nearly every lookup is for a recent record: try the end first.
    match ids.last() {
        Some(last) if *last < id => Err(ids.len()),
        _ => ids.binary_search(&id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_id_order_and_replaces() {
        let mut t = Table::default();
        let ids: Vec<Uuid> = [5u128, 1, 9, 3]
            .iter()
            .map(|n| Uuid::from_u128(*n))
            .collect();
        for (n, id) in ids.iter().enumerate() {
            t.insert(*id, n);
        }
        t.insert(ids[2], 20);
        assert_eq!(t.values().copied().collect::<Vec<_>>(), [1, 3, 0, 20]);
        assert_eq!(t.get(ids[0]), Some(&0));
        assert!(t.contains(ids[3]));
        assert!(!t.contains(Uuid::from_u128(7)));
        if let Some(r) = t.get_mut(ids[1]) {
            *r = 11;
        }
        assert_eq!(t.get(ids[1]), Some(&11));
        *t.get_or_insert_with(Uuid::from_u128(7), || 40) += 2;
        *t.get_or_insert_with(ids[1], || 40) += 2;
        assert_eq!(t.values().copied().collect::<Vec<_>>(), [13, 3, 0, 42, 20]);
        assert_eq!(t.get(ids[1]), Some(&13));
    }
}
