//! Simple horizontal bar charts as inline SVG: one bar per value, its label
//! on the left and its value on the right; a hidden value gets no bar.
//! Inline in HTML5, an `<svg>` needs no namespace attribute (so no URL).

use super::html::escape;
use super::sections::Bar;

const WIDTH: f64 = 640.0;
const LABEL: f64 = 220.0;
const VALUE: f64 = 110.0;
const ROW: f64 = 24.0;

/// A bar chart of `bars` titled `title` (for screen readers), or an empty
/// string when there is nothing to draw.
pub(super) fn bar_chart(title: &str, bars: &[Bar]) -> String {
    if bars.is_empty() {
        return String::new();
    }
    let max = bars.iter().filter_map(|b| b.value).fold(0.0_f64, f64::max);
    let room = WIDTH - LABEL - VALUE;
    let height = ROW * bars.len() as f64 + 8.0;
    let mut out = format!(
        "<svg class=\"chart\" role=\"img\" \
         width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\">\
         <title>{}</title>",
        escape(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 4.0 + ROW * i as f64;
        let len = match b.value {
            Some(v) if max > 0.0 && v > 0.0 => (v / max * room).max(1.0),
            _ => 0.0,
        };
        out.push_str(&format!(
            "<text x=\"{x}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{len:.1}\" height=\"{h}\"/>\
             <text x=\"{vx:.1}\" y=\"{ty}\">{value}</text>",
            x = LABEL - 8.0,
            ty = y + 15.0,
            label = escape(&b.label),
            h = ROW - 6.0,
            vx = LABEL + len + 6.0,
            value = escape(&b.shown),
        ));
    }
    out.push_str("</svg>");
    out
}
