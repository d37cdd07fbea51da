//! Research tables: every table's columns and rows, pseudonymous keys that
//! are stable within a hub and differ between hubs, no name or free text in
//! any row, researchers and admins only, and batches that return every row
//! exactly once — the same on every backend.

use crate::support::*;
use kringloop::research::{RESEARCH_BATCH_ROWS, ResearchBatch, Values};
use kringloop::{
    ActivityKind, Actor, CodeList, Hub, NewActivity, NewAttendance, NewResident, Participant,
    Period, ResearchTable, Role, VolunteerRole,
};
use std::collections::{BTreeMap, BTreeSet};

/// Every text that the seed puts in a name, contact or free-text field.
const PERSONAL: &[&str] = &[
    "Anneke",
    "Bart",
    "Carla",
    "Dirk",
    "Evi",
    "Karin",
    "Fenna",
    "06 1234",
    "06 9876",
    "Zorgen",
    "brief",
    "verhuisd",
    "zaal bezet",
    "Omgaan",
    "lastige",
    "Haakclub",
    "Schuldhulp",
    "WIJ",
    "roman",
    "shirt",
    "blokken",
    "kassa",
    "anna",
    "beheer",
];

/// The report's seed, plus a session with two named participants.
async fn seed(hub: &Hub) {
    crate::report::seed(hub).await;
    let c = coordinator();
    let fenna = NewResident {
        name: "Fenna".into(),
        contact: Some("06 9876 5432".into()),
        consent: true,
    };
    let fenna = hub.register_resident(&c, fenna).await.unwrap();
    let anneke = hub.volunteers(&c, None).await.unwrap()[0].id;
    let choir = hub
        .create_activity(&c, NewActivity::new("Inloopkoor", ActivityKind::Music))
        .await
        .unwrap();
    let s = hub
        .add_session(&c, choir.id, d(2026, 2, 26), span((19, 0), (21, 0)))
        .await
        .unwrap();
    let input = NewAttendance {
        headcount: Some(2),
        first_timers: 1,
        participants: vec![
            Participant::Volunteer(anneke),
            Participant::Resident(fenna.id),
        ],
    };
    hub.record_attendance(&c, s.id, input).await.unwrap();
}

/// All batches of a table, read `max_rows` at a time.
async fn read(
    hub: &Hub,
    who: &Actor,
    table: ResearchTable,
    period: Option<Period>,
    max_rows: usize,
) -> Vec<ResearchBatch> {
    let mut reader = hub.research_table(who, table, period).await.unwrap();
    let mut out = Vec::new();
    while let Some(b) = reader.next_batch(max_rows).await.unwrap() {
        assert!(b.rows >= 1 && b.rows <= max_rows);
        out.push(b);
    }
    assert!(reader.next_batch(max_rows).await.unwrap().is_none());
    out
}

/// The rows of a table as text, one map per row.
async fn rows(
    hub: &Hub,
    table: ResearchTable,
    period: Option<Period>,
    max_rows: usize,
) -> Vec<BTreeMap<String, Option<String>>> {
    let mut out = Vec::new();
    for b in read(hub, &researcher(), table, period, max_rows).await {
        for r in 0..b.rows {
            out.push(
                b.columns
                    .iter()
                    .map(|c| (c.name.clone(), c.values.display(r)))
                    .collect(),
            );
        }
    }
    out
}

fn column<'a>(rows: &'a [BTreeMap<String, Option<String>>], name: &str) -> Vec<&'a str> {
    rows.iter()
        .map(|r| r[name].as_deref().unwrap_or("-"))
        .collect()
}

fn q1() -> Period {
    Period::new(d(2026, 1, 1), d(2026, 3, 31)).unwrap()
}

pub async fn tables_have_their_columns_and_rows(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    seed(&hub).await;
    let n = b.name;
    let expected = [
        (ResearchTable::Volunteers, 5, 1),
        (ResearchTable::Shifts, 5, 4),
        (ResearchTable::Assessments, 11, 7),
        (ResearchTable::Courses, 3, 2),
        (ResearchTable::Enrolments, 6, 6),
        (ResearchTable::ActivitySessions, 5, 4),
        (ResearchTable::Attendance, 2, 2),
        (ResearchTable::StockMoves, 8, 6),
        (ResearchTable::SaleLines, 5, 4),
        (ResearchTable::Signals, 3, 3),
        (ResearchTable::Referrals, 3, 3),
    ];
    assert_eq!(expected.len(), ResearchTable::ALL.len());
    for (table, all, in_q1) in expected {
        let batches = read(&hub, &researcher(), table, None, RESEARCH_BATCH_ROWS).await;
        let names: Vec<String> = table.columns().into_iter().map(|c| c.name).collect();
        for batch in &batches {
            let got: Vec<&String> = batch.columns.iter().map(|c| &c.name).collect();
            assert_eq!(got, names.iter().collect::<Vec<_>>(), "{n} {table}");
            assert!(batch.columns.iter().all(|c| c.values.len() == batch.rows));
        }
        let count: usize = batches.iter().map(|b| b.rows).sum();
        let q1_count = rows(&hub, table, Some(q1()), RESEARCH_BATCH_ROWS)
            .await
            .len();
        assert_eq!((count, q1_count), (all, in_q1), "{n} {table}");
    }

    // A few facts, to see the columns hold what they say.
    let volunteers = rows(&hub, ResearchTable::Volunteers, None, 100).await;
    let statuses: BTreeSet<&str> = column(&volunteers, "status").into_iter().collect();
    assert_eq!(statuses, BTreeSet::from(["active", "left"]), "{n}");
    assert!(
        column(&volunteers, "role_cashier")
            .iter()
            .all(|v| *v == "true")
    );
    assert!(
        column(&volunteers, "role_driver")
            .iter()
            .all(|v| *v == "false")
    );
    let shifts = rows(&hub, ResearchTable::Shifts, None, 100).await;
    let minutes: i64 = column(&shifts, "minutes")
        .iter()
        .map(|m| m.parse::<i64>().unwrap())
        .sum();
    assert_eq!(minutes, 210 + 180 + 240 + 480 + 180, "{n}");
    let keys: BTreeSet<&str> = column(&volunteers, "volunteer_key").into_iter().collect();
    assert!(
        column(&shifts, "volunteer_key")
            .iter()
            .all(|k| keys.contains(k)),
        "{n}"
    );
    let lines = rows(&hub, ResearchTable::SaleLines, None, 100).await;
    let net: i64 = column(&lines, "net")
        .iter()
        .map(|m| m.parse::<i64>().unwrap())
        .sum();
    let refunds = column(&lines, "refund")
        .iter()
        .filter(|r| **r == "true")
        .count();
    assert_eq!((refunds, column(&lines, "line_no")[0]), (1, "1"), "{n}");
    assert!(net > 0, "{n}");
    let assessments = rows(&hub, ResearchTable::Assessments, None, 100).await;
    let corrected = column(&assessments, "corrected")
        .iter()
        .filter(|c| **c == "true")
        .count();
    let corrections = column(&assessments, "corrects_key")
        .iter()
        .filter(|c| **c != "-")
        .count();
    assert_eq!((corrected, corrections), (1, 1), "{n}");
    let signals = rows(&hub, ResearchTable::Signals, None, 100).await;
    let debt = column(&signals, "domain_money_debt")
        .iter()
        .filter(|c| **c == "true")
        .count();
    assert_eq!(debt, 2, "{n}");
    let referrals = rows(&hub, ResearchTable::Referrals, None, 100).await;
    let signal_keys: BTreeSet<&str> = column(&signals, "signal_key").into_iter().collect();
    assert!(
        column(&referrals, "signal_key")
            .iter()
            .all(|k| signal_keys.contains(k))
    );
    assert!(column(&referrals, "outcome").contains(&"got_help"), "{n}");
    let attendance = rows(&hub, ResearchTable::Attendance, None, 100).await;
    let mut kinds = column(&attendance, "participant_kind");
    kinds.sort_unstable();
    assert_eq!(kinds, ["resident", "volunteer"], "{n}");
    let volunteer_row = attendance
        .iter()
        .find(|r| r["participant_kind"].as_deref() == Some("volunteer"));
    let volunteer_key = volunteer_row
        .and_then(|r| r["participant_key"].as_deref())
        .unwrap();
    assert!(
        keys.contains(volunteer_key),
        "{n}: a participant's key is their volunteer key"
    );
}

/// No value of `table` holds a name, contact or free text of the seed, nor
/// a raw volunteer id; every key is 16 hex characters.
async fn no_personal_data_in(b: &Backend, table: ResearchTable) {
    let hub = b.hub("oude-bieb").await;
    seed(&hub).await;
    let c = coordinator();
    let raw_ids: Vec<String> = hub
        .volunteers(&c, None)
        .await
        .unwrap()
        .iter()
        .map(|v| v.id.to_string())
        .collect();
    let batches = read(&hub, &admin(), table, None, RESEARCH_BATCH_ROWS).await;
    assert!(
        !batches.is_empty(),
        "{} {table}: the seed fills every table",
        b.name
    );
    for batch in batches {
        for col in &batch.columns {
            let Values::Text(values) = &col.values else {
                continue;
            };
            for v in values.iter().flatten() {
                let lower = v.to_lowercase();
                for word in PERSONAL {
                    let word = word.to_lowercase();
                    assert!(
                        !lower.contains(&word),
                        "{} {table}.{}: {v}",
                        b.name,
                        col.name
                    );
                }
                assert!(
                    !raw_ids.iter().any(|id| id == v),
                    "{} {table}.{}: a raw id",
                    b.name,
                    col.name
                );
                if col.name.ends_with("_key") {
                    assert!(
                        v.len() == 16 && v.bytes().all(|c| c.is_ascii_hexdigit()),
                        "{} {table}.{}: {v}",
                        b.name,
                        col.name
                    );
                }
            }
        }
    }
}

/// One test per table: no name, contact, summary, note or description.
macro_rules! no_personal_data {
    ($($test:ident => $table:ident),* $(,)?) => {
        $(
            pub async fn $test(b: &Backend) {
                no_personal_data_in(b, ResearchTable::$table).await;
            }
        )*
    };
}

no_personal_data! {
    no_personal_data_in_volunteers => Volunteers,
    no_personal_data_in_shifts => Shifts,
    no_personal_data_in_assessments => Assessments,
    no_personal_data_in_courses => Courses,
    no_personal_data_in_enrolments => Enrolments,
    no_personal_data_in_activity_sessions => ActivitySessions,
    no_personal_data_in_attendance => Attendance,
    no_personal_data_in_stock_moves => StockMoves,
    no_personal_data_in_sale_lines => SaleLines,
    no_personal_data_in_signals => Signals,
    no_personal_data_in_referrals => Referrals,
}

pub async fn keys_are_stable_within_a_hub_and_differ_between_hubs(b: &Backend) {
    let one = b.hub("oude-bieb").await;
    let two = b.hub("de-kringloop").await;
    seed(&one).await;
    seed(&two).await;
    let sellers = |rows: Vec<BTreeMap<String, Option<String>>>| -> BTreeSet<String> {
        rows.iter()
            .filter_map(|r| r["seller_key"].clone())
            .collect()
    };
    let first = sellers(rows(&one, ResearchTable::SaleLines, None, 100).await);
    let again = sellers(rows(&one, ResearchTable::SaleLines, None, 2).await);
    let other = sellers(rows(&two, ResearchTable::SaleLines, None, 100).await);
    // One seller ("anna") in both hubs: one key per hub, a different one in each.
    assert_eq!((first.len(), other.len()), (1, 1), "{}", b.name);
    assert_eq!(first, again, "{}: keys are stable within a hub", b.name);
    assert!(
        first.is_disjoint(&other),
        "{}: keys differ between hubs",
        b.name
    );
    // The same hub opened again (a new Hub on the same store) keeps its keys.
    let reopened = b.hub("oude-bieb").await;
    let later = sellers(rows(&reopened, ResearchTable::SaleLines, None, 100).await);
    assert_eq!(first, later, "{}", b.name);
}

pub async fn only_researchers_and_admins_get_tables(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Bea"))
        .await
        .unwrap();
    for who in [c.clone(), volunteer_actor(v.id)] {
        for table in ResearchTable::ALL {
            let err = hub.research_table(&who, *table, None).await.unwrap_err();
            assert_eq!(err.code().as_str(), "forbidden", "{} {table}", b.name);
        }
    }
    for who in [
        researcher(),
        admin(),
        Actor::new("r2", Role::Researcher).unwrap(),
    ] {
        let got = read(&hub, &who, ResearchTable::Volunteers, None, 10).await;
        assert_eq!(got.iter().map(|b| b.rows).sum::<usize>(), 1, "{}", b.name);
    }
    let mut reader = hub
        .research_table(&researcher(), ResearchTable::Volunteers, None)
        .await
        .unwrap();
    let err = reader.next_batch(0).await.unwrap_err();
    assert_eq!(err.code().as_str(), "validation", "{}", b.name);
}

pub async fn batches_return_every_row_exactly_once(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    seed(&hub).await;
    // More rows than one batch: 30 extra shifts.
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Gijs"))
        .await
        .unwrap();
    for i in 0..30 {
        let day = d(2026, 1, 1) + chrono::Duration::days(i);
        hub.record_shift(
            &c,
            new_shift(v.id, VolunteerRole::Cashier, day, span((8, 0), (9, 0))),
        )
        .await
        .unwrap();
    }
    for table in ResearchTable::ALL {
        for period in [None, Some(q1())] {
            let whole = rows(&hub, *table, period, RESEARCH_BATCH_ROWS).await;
            for size in [1, 2, 3, 7] {
                let paged = rows(&hub, *table, period, size).await;
                assert_eq!(paged, whole, "{} {table} in batches of {size}", b.name);
            }
            let keyed: BTreeSet<_> = whole.iter().collect();
            assert_eq!(keyed.len(), whole.len(), "{} {table}: a row twice", b.name);
        }
    }
    let shifts = read(&hub, &researcher(), ResearchTable::Shifts, None, 16).await;
    let sizes: Vec<usize> = shifts.iter().map(|b| b.rows).collect();
    assert_eq!(sizes, [16, 16, 3], "{}", b.name);
}
