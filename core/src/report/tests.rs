//! Rendering and suppression of the hub report, from hand-made aggregates.

use super::*;
use crate::{
    ActivityCounts, ActivityId, ActivityMonthCounts, Category, HoursByRole, ImpactRow, Lang, Money,
    MonthCount, PartnerId, Period, ReferralCount, ReferralOutcome, ReferralStatus, SalesRow,
    SignalCounts, SignalDomain, TallyWeek, Urgency, VolunteerRole,
};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

struct Fixture {
    counts: HubCounts,
    hours: Vec<HoursByRole>,
    activities: ActivityCounts,
    signals: SignalCounts,
    sales: Vec<SalesRow>,
    impact: Vec<ImpactRow>,
}

fn fixture(scale: u64) -> Fixture {
    let partner = PartnerId::from(uuid::Uuid::nil());
    Fixture {
        counts: HubCounts {
            volunteers: VolunteerCounts {
                active: 3 * scale,
                started: scale,
                left: 0,
            },
            ladder: LadderCounts {
                measured: 3 * scale,
                up: 2 * scale,
                same: scale,
                down: 0,
            },
            courses: CourseCounts {
                running: 1,
                participants: 4 * scale,
                completions: 3 * scale,
            },
            sales: SaleCounts {
                sales: 12,
                refunds: 1,
            },
        },
        hours: vec![HoursByRole {
            role: VolunteerRole::Cashier,
            minutes: 750,
            shifts: 3,
        }],
        activities: ActivityCounts {
            months: vec![ActivityMonthCounts {
                activity_id: ActivityId::from(uuid::Uuid::nil()),
                activity_name: "Haken <& breien>".into(),
                capacity: None,
                month: d(2026, 3, 1),
                held: 2,
                cancelled: 1,
                planned: 0,
                attendance: 7 * scale,
                first_timers: scale,
            }],
            ideas: vec![],
            tally: vec![TallyWeek {
                week: d(2026, 3, 2),
                days: 2,
                visitors: 40,
                conversations: 12,
            }],
        },
        signals: SignalCounts {
            by_domain: vec![
                MonthCount {
                    month: d(2026, 3, 1),
                    key: SignalDomain::Loneliness,
                    count: 2 * scale,
                },
                MonthCount {
                    month: d(2026, 3, 1),
                    key: SignalDomain::MoneyDebt,
                    count: 20,
                },
            ],
            by_urgency: vec![MonthCount {
                month: d(2026, 3, 1),
                key: Urgency::Normal,
                count: 21,
            }],
            referrals: vec![ReferralCount {
                partner,
                status: ReferralStatus::Completed,
                outcome: Some(ReferralOutcome::GotHelp),
                count: scale,
            }],
            ..Default::default()
        },
        sales: vec![SalesRow {
            period_start: d(2026, 3, 1),
            category: Category::Books,
            revenue: Money::from_cents(123_450),
            units: 1_234,
            weight_grams: 2_500,
        }],
        impact: vec![ImpactRow {
            category: Category::Books,
            weight_grams: 2_500,
            grams_co2e: Some(2_500),
            source: Some("TNO".into()),
        }],
    }
}

fn report(f: &Fixture, threshold: Option<u32>) -> HubReport {
    let period = Period::new(d(2026, 3, 1), d(2026, 3, 31)).unwrap();
    HubReport::publish(
        "oude-bieb",
        period,
        ReportSources {
            counts: &f.counts,
            hours: &f.hours,
            activities: &f.activities,
            signals: &f.signals,
            sales: &f.sales,
            impact: &f.impact,
        },
        threshold,
    )
}

#[test]
fn exact_figures_add_up() {
    let r = report(&fixture(1), None);
    assert_eq!(r.volunteers.active, Some(3));
    assert_eq!(r.ladder.compared, Some(3));
    assert_eq!(r.ladder.up, Some(2));
    assert_eq!(r.hours.minutes, 750);
    assert_eq!(r.activities.sessions_held, 2);
    assert_eq!(r.activities.attendance, Some(7));
    assert_eq!(r.table.visitors, Some(40));
    assert_eq!(r.signals.signals, Some(21));
    assert_eq!(r.referrals.referrals, Some(1));
    assert_eq!(r.sales.revenue, Money::from_cents(123_450));
    assert_eq!(r.sales.items_sold, 1_234);
    assert_eq!(r.reuse.grams_co2e_avoided, 2_500);
    assert!(!r.has_hidden());
}

#[test]
fn small_counts_of_people_are_hidden_for_researchers() {
    let r = report(&fixture(1), Some(10));
    assert_eq!(r.volunteers.active, None);
    assert_eq!(r.volunteers.left, Some(0), "zero identifies nobody");
    assert_eq!(r.ladder.up, None);
    assert_eq!(r.ladder.compared, None);
    assert_eq!(r.courses.running, 1, "courses are not people");
    assert_eq!(r.activities.attendance, None);
    assert_eq!(r.activities.sessions_held, 2);
    assert_eq!(r.table.visitors, Some(40));
    let loneliness = r.signals.by_domain[0];
    assert_eq!(loneliness.key, SignalDomain::Loneliness);
    assert_eq!(loneliness.count, None);
    // secondary: the other shown domain would give it away from the total
    assert!(r.signals.by_domain.iter().all(|c| c.count != Some(20)));
    assert_eq!(r.sales.sales, 12);
    assert!(r.has_hidden());
    // 15 measured, 12 of them up: the 3 without an earlier step would
    // follow from measured − compared, so compared (and up) are hidden.
    let mut f = fixture(10);
    f.counts.ladder = LadderCounts {
        measured: 15,
        up: 12,
        same: 0,
        down: 0,
    };
    let l = report(&f, Some(10)).ladder;
    assert_eq!(
        (l.measured, l.compared, l.up, l.same),
        (Some(15), None, None, Some(0))
    );
    let big = report(&fixture(10), Some(10));
    assert_eq!(big.volunteers.active, Some(30));
    assert_eq!(big.ladder.up, Some(20));
}

#[test]
fn markdown_in_both_languages_with_a_footnote_for_hidden_counts() {
    let exact = report(&fixture(1), None);
    let nl = exact.to_markdown(Lang::Nl);
    assert!(nl.starts_with("# Wijkrapportage oude-bieb\n"), "{nl}");
    assert!(nl.contains("1 maart 2026 t/m 31 maart 2026"), "{nl}");
    assert!(nl.contains("| kassa | 12,5 | 3 |"), "{nl}");
    assert!(nl.contains("€ 1.234,50"), "{nl}");
    assert!(nl.contains("| 1.234 |"), "{nl}");
    assert!(nl.contains("eenzaamheid"), "{nl}");
    assert!(!nl.contains("\\<10"), "exact: nothing hidden");
    let en = exact.to_markdown(Lang::En);
    assert!(en.starts_with("# Hub report oude-bieb\n"), "{en}");
    assert!(en.contains("| cashier | 12.5 | 3 |"), "{en}");
    assert!(en.contains("€1,234.50"), "{en}");
    let hidden = report(&fixture(1), Some(10)).to_markdown(Lang::Nl);
    assert!(hidden.contains("| \\<10 |"), "{hidden}");
    assert!(
        hidden.contains("\\<10: een aantal van 1 tot de drempel"),
        "{hidden}"
    );
}

#[test]
fn html_is_standalone_escaped_and_without_urls() {
    let mut r = report(&fixture(1), Some(10));
    r.hub = "<script>alert('x')</script>".into();
    for lang in [Lang::Nl, Lang::En] {
        let html = r.to_html(lang);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.to_lowercase().contains("http"), "no URL at all");
        assert!(!html.contains("<script"), "no script, and text escaped");
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("src="));
        assert!(!html.contains("href="));
        assert!(html.contains("<svg class=\"chart\""));
        assert!(html.contains("<style>"));
        assert!(html.contains("&lt;10"), "hidden counts show as <10");
    }
    let nl = r.to_html(Lang::Nl);
    assert!(nl.contains("<html lang=\"nl\">"));
    assert!(nl.contains("Signalen per domein"));
    let en = r.to_html(Lang::En);
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Signals by domain"));
}

#[test]
fn markdown_escapes_markup() {
    assert_eq!(markdown::escape("a|b*c_<d>"), "a\\|b\\*c\\_\\<d\\>");
    assert_eq!(
        html::escape("<a href=\"x\">&'"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    );
}
