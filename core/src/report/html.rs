//! The hub report as one standalone HTML page: inline CSS, a table per
//! section, inline SVG bar charts; no script, no external resource, no URL.

use super::HubReport;
use super::svg::bar_chart;
use crate::Lang;

/// Escapes text for HTML content and attribute values.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;\
padding:0 1rem;color:#222;line-height:1.4}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;\
border-bottom:2px solid #2e7d32;padding-bottom:.2rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0}\
th,td{padding:.25rem .5rem;border-bottom:1px solid #ddd;text-align:right}\
th:first-child,td:first-child{text-align:left}th{font-weight:600}\
.chart{max-width:100%;height:auto;font-size:12px}.chart rect{fill:#2e7d32}\
.chart text{fill:#222}.notes{font-size:.9rem;color:#555}\
@media print{body{margin:0}h2{break-after:avoid}}";

fn cells(tag: &str, row: &[String]) -> String {
    let cells: String = row
        .iter()
        .map(|c| format!("<{tag}>{}</{tag}>", escape(c)))
        .collect();
    format!("<tr>{cells}</tr>")
}

impl HubReport {
    /// The report as one standalone HTML page in `lang` (Dutch or
    /// English): inline CSS and SVG charts, no script and no link to
    /// anything outside the page; all text escaped. Hidden counts show as
    /// `<threshold` with a footnote.
    pub fn to_html(&self, lang: Lang) -> String {
        let code = match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        };
        let heading = escape(&self.heading(lang));
        let mut body = format!("<h1>{heading}</h1>\n<p>{}</p>\n", escape(&self.intro(lang)));
        for s in self.sections(lang) {
            body.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(s.title)));
            if let Some(bars) = &s.chart {
                body.push_str(&bar_chart(s.title, bars));
                body.push('\n');
            }
            body.push_str(&format!(
                "<table>\n<thead>{}</thead>\n<tbody>\n",
                cells("th", &s.head)
            ));
            for r in &s.rows {
                body.push_str(&cells("td", r));
                body.push('\n');
            }
            body.push_str("</tbody>\n</table>\n</section>\n");
        }
        body.push_str("<footer class=\"notes\">\n");
        for note in self.notes(lang) {
            body.push_str(&format!("<p>{}</p>\n", escape(&note)));
        }
        body.push_str("</footer>\n");
        format!(
            "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{heading}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
        )
    }
}
