//! The report laid out once for every format: sections with a table each
//! (first column labels, then values as text) and, for some, a bar chart.
//! Markdown and HTML render these; neither decides what goes in.

use super::text::{self, Texts};
use super::{Counted, HubReport};
use crate::Lang;
use crate::code_list::CodeList;

/// One bar of a chart: its label, its value (`None`: hidden, no bar) and
/// the value as shown.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub shown: String,
}

/// One section of the report.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Section {
    pub title: &'static str,
    /// Column headings (the first heads the labels).
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A chart of the rows, if the section has one.
    pub chart: Option<Vec<Bar>>,
}

/// How a count shows: the number, or `<threshold` when hidden.
pub(super) fn shown(n: Option<u64>, threshold: Option<u32>, lang: Lang) -> String {
    match (n, threshold) {
        (Some(n), _) => text::int(i64::try_from(n).unwrap_or(i64::MAX), lang),
        (None, Some(t)) => format!("<{t}"),
        (None, None) => "—".to_string(),
    }
}

/// A section of label–count rows.
fn counts(t: &'static str, head: &Texts, rows: Vec<(&str, String)>) -> Section {
    Section {
        title: t,
        head: vec![String::new(), head.count.to_string()],
        rows: rows
            .into_iter()
            .map(|(l, v)| vec![l.to_string(), v])
            .collect(),
        chart: None,
    }
}

/// Rows and bars for counts per code: zero counts left out, hidden ones kept.
fn coded<K: CodeList>(
    title: &'static str,
    key_head: &str,
    w: &Texts,
    counted: &[Counted<K>],
    threshold: Option<u32>,
    lang: Lang,
) -> Section {
    let kept: Vec<&Counted<K>> = counted.iter().filter(|c| c.count != Some(0)).collect();
    let rows = kept
        .iter()
        .map(|c| {
            vec![
                c.key.label(lang).to_string(),
                shown(c.count, threshold, lang),
            ]
        })
        .collect();
    let bars = kept
        .iter()
        .map(|c| Bar {
            label: c.key.label(lang).to_string(),
            value: c.count.map(|n| n as f64),
            shown: shown(c.count, threshold, lang),
        })
        .collect();
    Section {
        title,
        head: vec![key_head.to_string(), w.count.to_string()],
        rows,
        chart: Some(bars),
    }
}

impl HubReport {
    /// The report laid out in `lang`.
    pub(super) fn sections(&self, lang: Lang) -> Vec<Section> {
        let w = text::texts(lang);
        let th = self.threshold;
        let n = |v: Option<u64>| shown(v, th, lang);
        let plain = |v: u64| n(Some(v));
        let hours = |m: i64| text::tenths(m, 60, lang);
        let kg = |g: i64| text::tenths(g, 1000, lang);

        let mut role_rows: Vec<Vec<String>> = self
            .hours
            .by_role
            .iter()
            .map(|h| {
                vec![
                    h.role.label(lang).to_string(),
                    hours(h.minutes),
                    text::int(h.shifts, lang),
                ]
            })
            .collect();
        let role_bars = self
            .hours
            .by_role
            .iter()
            .map(|h| Bar {
                label: h.role.label(lang).to_string(),
                value: Some(h.minutes as f64 / 60.0),
                shown: hours(h.minutes),
            })
            .collect();
        role_rows.push(vec![
            w.total.to_string(),
            hours(self.hours.minutes),
            text::int(self.hours.shifts, lang),
        ]);

        let s = &self.sales;
        let mut sales_rows = vec![
            vec![w.sales_count.to_string(), plain(s.sales)],
            vec![w.refunds.to_string(), plain(s.refunds)],
            vec![w.revenue.to_string(), s.revenue.format(lang)],
            vec![w.items_sold.to_string(), text::int(s.items_sold, lang)],
        ];
        sales_rows.extend(s.by_month.iter().map(|m| {
            vec![
                format!("{} {}", w.revenue, text::month(&m.month, lang)),
                m.revenue.format(lang),
            ]
        }));
        let sales_bars = s
            .by_month
            .iter()
            .map(|m| Bar {
                label: text::month(&m.month, lang),
                value: Some(m.revenue.cents() as f64 / 100.0),
                shown: m.revenue.format(lang),
            })
            .collect();

        let mut signals = coded(w.signals, w.domain, w, &self.signals.by_domain, th, lang);
        signals.rows.insert(
            0,
            vec![w.signals_total.to_string(), n(self.signals.signals)],
        );
        let mut by_status = coded(
            w.referrals_status,
            w.status,
            w,
            &self.referrals.by_status,
            th,
            lang,
        );
        by_status.rows.insert(
            0,
            vec![w.referrals_total.to_string(), n(self.referrals.referrals)],
        );

        let l = &self.ladder;
        let a = &self.activities;
        let c = &self.courses;
        let v = &self.volunteers;
        let tb = &self.table;
        vec![
            counts(
                w.volunteers,
                w,
                vec![
                    (w.active, n(v.active)),
                    (w.started, n(v.started)),
                    (w.left, n(v.left)),
                ],
            ),
            Section {
                title: w.hours,
                head: vec![
                    w.role.to_string(),
                    w.hours_col.to_string(),
                    w.shifts.to_string(),
                ],
                rows: role_rows,
                chart: Some(role_bars),
            },
            counts(
                w.ladder,
                w,
                vec![
                    (w.measured, n(l.measured)),
                    (w.compared, n(l.compared)),
                    (w.up, n(l.up)),
                    (w.same, n(l.same)),
                    (w.down, n(l.down)),
                ],
            ),
            counts(
                w.courses,
                w,
                vec![
                    (w.running, plain(c.running)),
                    (w.participants, n(c.participants)),
                    (w.completions, n(c.completions)),
                ],
            ),
            counts(
                w.activities,
                w,
                vec![
                    (w.held, plain(a.sessions_held)),
                    (w.cancelled, plain(a.sessions_cancelled)),
                    (w.attendance, n(a.attendance)),
                    (w.first_timers, n(a.first_timers)),
                ],
            ),
            counts(
                w.table,
                w,
                vec![
                    (w.days, plain(tb.days)),
                    (w.visitors, n(tb.visitors)),
                    (w.conversations, plain(tb.conversations)),
                ],
            ),
            signals,
            by_status,
            coded(
                w.referrals_outcome,
                w.outcome,
                w,
                &self.referrals.by_outcome,
                th,
                lang,
            ),
            Section {
                title: w.sales,
                head: vec![String::new(), String::new()],
                rows: sales_rows,
                chart: Some(sales_bars),
            },
            counts(
                w.reuse,
                w,
                vec![
                    (w.kg_reused, kg(self.reuse.grams_reused)),
                    (w.co2e, kg(self.reuse.grams_co2e_avoided)),
                ],
            ),
        ]
    }

    /// The heading line: `Wijkrapportage <hub>`.
    pub(super) fn heading(&self, lang: Lang) -> String {
        format!("{} {}", text::texts(lang).title, self.hub)
    }

    /// The line under the heading, with the period.
    pub(super) fn intro(&self, lang: Lang) -> String {
        let w = text::texts(lang);
        format!(
            "{}: {} {} {}.",
            w.intro,
            text::date(self.period.from(), lang),
            w.to,
            text::date(self.period.to(), lang)
        )
    }

    /// The footnotes: the hidden-count note (when something is hidden) and
    /// the method note.
    pub(super) fn notes(&self, lang: Lang) -> Vec<String> {
        let w = text::texts(lang);
        let mut out = Vec::new();
        if let (true, Some(t)) = (self.has_hidden(), self.threshold) {
            out.push(format!("<{t}: {}", w.hidden_note));
        }
        out.push(w.method_note.to_string());
        out
    }
}
