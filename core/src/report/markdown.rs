//! The hub report as Markdown: a heading, one table per section, footnotes.

use super::HubReport;
use crate::Lang;

/// Escapes text for a Markdown table cell or line: backslash before every
/// character Markdown could read as markup (parentheses and `!` only mean
/// something after a `]`, which is escaped), line breaks as spaces.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '<' | '>' | '~' | '&' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

impl HubReport {
    /// The report as Markdown in `lang` (Dutch or English): one table per
    /// section; hidden counts show as `<threshold` with a footnote.
    pub fn to_markdown(&self, lang: Lang) -> String {
        let mut out = format!(
            "# {}\n\n{}\n",
            escape(&self.heading(lang)),
            escape(&self.intro(lang))
        );
        for s in self.sections(lang) {
            out.push_str(&format!("\n## {}\n\n", escape(s.title)));
            out.push_str(&row(&s.head));
            let align: Vec<&str> = (0..s.head.len())
                .map(|i| if i == 0 { "---" } else { "---:" })
                .collect();
            out.push_str(&format!("| {} |\n", align.join(" | ")));
            for r in &s.rows {
                out.push_str(&row(r));
            }
        }
        out.push('\n');
        for note in self.notes(lang) {
            out.push_str(&format!("{}\n\n", escape(&note)));
        }
        out
    }
}
