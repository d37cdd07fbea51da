//! The retention purge on SQLite is irrecoverable: after it, a purged name,
//! contact and summary are nowhere in the database file or its WAL.

#![cfg(feature = "sqlite")]

use chrono::{Duration, NaiveDate};
use kringloop::{
    Actor, Consent, FixedClock, Hub, NewSignal, Role, SignalDomain, SignalPolicy, SqliteStore,
};
use std::sync::Arc;

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn file_bytes(path: &std::path::Path) -> Vec<u8> {
    let mut out = std::fs::read(path).unwrap_or_default();
    for suffix in ["-wal", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        out.extend(std::fs::read(std::path::PathBuf::from(p)).unwrap_or_default());
    }
    out
}

#[tokio::test]
async fn purged_personal_fields_leave_no_bytes_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hub.db");
    let clock = Arc::new(FixedClock::at_date(
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
    ));
    let store = Arc::new(SqliteStore::connect(path.to_str().unwrap()).await.unwrap());
    let hub = Hub::with_store(store.clone(), "oude-bieb", clock.clone())
        .await
        .unwrap();
    let anna = Actor::new("anna", Role::Coordinator).unwrap();
    let admin = Actor::new("beheer", Role::Admin).unwrap();
    hub.set_signal_policy(&anna, SignalPolicy::new(1, 10).unwrap())
        .await
        .unwrap();
    let (name, contact, summary) = (
        "Zwaantje",
        "zwaantje.q@example.org",
        "Quokkaschuld bij de Xyzzybank",
    );
    let gone = hub
        .record_signal(
            &anna,
            NewSignal {
                domains: vec![SignalDomain::MoneyDebt],
                summary: summary.into(),
                person: Some(name.into()),
                contact: Some(contact.into()),
                consent: Some(Consent::Given),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let kept = hub
        .record_signal(
            &anna,
            NewSignal {
                domains: vec![SignalDomain::Food],
                summary: "Blijft staan: Pimpernelletje".into(),
                person: Some("Pimpernel".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    // Read it once, so it has passed through every code path a real hub uses.
    hub.signal(&anna, gone.signal.id).await.unwrap();
    hub.close_signal(&anna, gone.signal.id).await.unwrap();
    assert!(
        contains(&file_bytes(&path), name),
        "the name is in the file before the purge"
    );

    clock.advance(Duration::days(40));
    let report = hub.purge_signals(&admin).await.unwrap();
    assert_eq!(report.erased, vec![gone.signal.id]);
    drop(hub);
    drop(store);

    let bytes = file_bytes(&path);
    for secret in [name, contact, summary, "Quokkaschuld", "Xyzzybank"] {
        assert!(
            !contains(&bytes, secret),
            "{secret:?} is still in the database file"
        );
    }
    assert!(contains(&bytes, "Pimpernelletje"), "unpurged signals stay");
    let _ = kept;
}
