//! The text values of a column, packed.

/// The text values of one column of a batch, packed the way Arrow keeps
/// strings: every value's bytes one after the other in one buffer, where
/// each value ends, and whether it is there (not null). A batch of a
/// million keys is three allocations, not a million, and becomes an Arrow
/// string array without copying the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextValues {
    data: String,
    ends: Vec<usize>,
    valid: Vec<bool>,
}

impl TextValues {
    /// Room for `values` values of `bytes` bytes in all.
    pub fn with_capacity(values: usize, bytes: usize) -> TextValues {
        TextValues {
            data: String::with_capacity(bytes),
            ends: Vec::with_capacity(values),
            valid: Vec::with_capacity(values),
        }
    }

    /// Appends a value (`None` for a null).
    pub fn push(&mut self, value: Option<&str>) {
        if let Some(s) = value {
            self.data.push_str(s);
        }
        self.ends.push(self.data.len());
        self.valid.push(value.is_some());
    }

    fn start(&self, i: usize) -> usize {
        match i.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        }
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The value at `i` (`None` for a null or past the end).
    pub fn get(&self, i: usize) -> Option<&str> {
        if !*self.valid.get(i)? {
            return None;
        }
        self.data.get(self.start(i)..*self.ends.get(i)?)
    }

    /// The values in order.
    pub fn iter(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The parts: every value's bytes in one string, where each value ends
    /// in it (a null ends where the value before it ended), and whether
    /// each value is there.
    pub fn into_parts(self) -> (String, Vec<usize>, Vec<bool>) {
        (self.data, self.ends, self.valid)
    }
}

impl<'a> FromIterator<Option<&'a str>> for TextValues {
    fn from_iter<I: IntoIterator<Item = Option<&'a str>>>(iter: I) -> TextValues {
        let mut out = TextValues::default();
        for v in iter {
            out.push(v);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_nulls_pack_and_read_back() {
        let t: TextValues = [Some("ab"), None, Some(""), Some("cde")]
            .into_iter()
            .collect();
        let read: Vec<Option<&str>> = t.iter().collect();
        assert_eq!(read, [Some("ab"), None, Some(""), Some("cde")]);
        assert_eq!(t.get(4), None);
        let (data, ends, valid) = t.into_parts();
        assert_eq!(data, "abcde");
        assert_eq!(ends, [2, 2, 2, 5]);
        assert_eq!(valid, [true, false, true, true]);
        assert!(TextValues::default().is_empty());
    }
}
