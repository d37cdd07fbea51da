//! One sort for the whole crate.
//!
//! `slice::sort_by` is generic: every element type (and every comparison
//! closure) gets its own copy of the standard library's sort, several KB of
//! WebAssembly each. The functions here sort a list of positions (`usize`)
//! with one comparison behind `dyn`, so the standard sort is compiled once;
//! only the comparison and the final reordering are compiled per type.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: equal elements keep their order, exactly as
/// `slice::sort_by`.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        sorted_positions(items.len(), &|a, b| cmp(&items[a], &items[b]))
    };
    reorder(v, &order);
}

/// Sorts `v` by the key `key`, stably, as `slice::sort_by_key`.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Groups `rows` by `key`: sorts them by key, then folds every later row of
/// a run of equal keys into the run's first row with `merge`. The result is
/// in key order, one row per key, as collecting into a `BTreeMap` (entry of
/// the first row, then the others added in their order) and taking its values.
pub(crate) fn group_by_key<T, K: Ord>(
    mut rows: Vec<T>,
    key: impl Fn(&T) -> K,
    merge: impl Fn(&mut T, T),
) -> Vec<T> {
    sort_by_key(&mut rows, &key);
    let mut out: Vec<T> = Vec::with_capacity(rows.len());
    for row in rows {
        match out.last_mut() {
            Some(last) if key(last) == key(&row) => merge(last, row),
            _ => out.push(row),
        }
    }
    out
}

/// The positions `0..len` in the order `cmp` gives them, stable (ties keep
/// ascending positions). Not generic: the standard sort is compiled once.
#[inline(never)]
fn sorted_positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that its element `i` is the old element `order[i]`.
/// Only the swap is generic; the permutation is walked by [`permute`].
fn reorder<T>(v: &mut [T], order: &[usize]) {
    permute(order, &mut |a, b| v.swap(a, b));
}

/// Applies the permutation `order` (new position `i` takes the old element
/// `order[i]`) as a series of swaps of two positions, at most one per
/// position. Not generic: compiled once for every element type.
#[inline(never)]
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    // `at[p]`: the old position of the element now at `p`;
    // `place[k]`: where the element from old position `k` is now.
    let mut at: Vec<usize> = (0..order.len()).collect();
    let mut place = at.clone();
    for (i, &want) in order.iter().enumerate() {
        let (Some(&j), Some(&here)) = (place.get(want), at.get(i)) else {
            continue;
        };
        if j != i {
            swap(i, j);
            at[j] = here;
            place[here] = j;
            at[i] = want;
            place[want] = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let data: Vec<(u8, u32)> = (0..200u32).map(|i| ((i * 7919 % 13) as u8, i)).collect();
        let mut ours = data.clone();
        sort_by_key(&mut ours, |x| x.0);
        let mut std = data.clone();
        std.sort_by_key(|x| x.0);
        assert_eq!(ours, std);
        let mut rev = data;
        sort_by(&mut rev, |a, b| b.0.cmp(&a.0));
        assert!(
            rev.windows(2)
                .all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1))
        );
    }

    #[test]
    fn reorders_by_any_permutation() {
        // Cycles of several lengths, fixed points and a reversal.
        for order in [
            vec![2usize, 0, 1, 3, 5, 4],
            vec![5, 4, 3, 2, 1, 0],
            vec![1, 2, 3, 4, 5, 0],
            vec![0, 1, 2, 3, 4, 5],
            vec![3, 5, 0, 4, 1, 2],
        ] {
            let mut v: Vec<String> = (0..6).map(|i| format!("e{i}")).collect();
            reorder(&mut v, &order);
            let want: Vec<String> = order.iter().map(|i| format!("e{i}")).collect();
            assert_eq!(v, want);
        }
    }

    #[test]
    fn empty_and_single() {
        let mut e: Vec<u32> = Vec::new();
        sort_by(&mut e, u32::cmp);
        assert!(e.is_empty());
        let mut one = vec![5u32];
        sort_by(&mut one, u32::cmp);
        assert_eq!(one, [5]);
    }

    #[test]
    fn groups_like_a_btreemap() {
        let rows = vec![(3, 1), (1, 10), (3, 2), (2, 5), (1, 20)];
        let grouped = group_by_key(rows.clone(), |r| r.0, |a, b| a.1 += b.1);
        let mut map = std::collections::BTreeMap::new();
        for (k, v) in rows {
            *map.entry(k).or_insert(0) += v;
        }
        assert_eq!(grouped, map.into_iter().collect::<Vec<_>>());
    }
}
