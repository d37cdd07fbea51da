use crate::support::*;
use kringloop::{Role, VolunteerRole};

pub async fn every_change_is_journalled_and_failures_are_not(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Anna"))
        .await
        .unwrap();
    let s = hub
        .plan_shift(
            &c,
            new_shift(
                v.id,
                VolunteerRole::Cashier,
                d(2026, 3, 3),
                span((9, 0), (12, 0)),
            ),
        )
        .await
        .unwrap();
    hub.plan_shift(
        &c,
        new_shift(
            v.id,
            VolunteerRole::Cashier,
            d(2026, 3, 3),
            span((10, 0), (11, 0)),
        ),
    )
    .await
    .unwrap_err();
    hub.cancel_shift(&c, s.id, Some("ziek")).await.unwrap();
    hub.change_volunteer_status(
        &c,
        v.id,
        kringloop::VolunteerStatus::Paused,
        Some("vakantie"),
        None,
    )
    .await
    .unwrap();
    hub.change_volunteer_status(
        &c,
        v.id,
        kringloop::VolunteerStatus::Paused,
        Some("nog eens"),
        None,
    )
    .await
    .unwrap_err();
    let j = hub.journal(&admin(), 0, 100).await.unwrap();
    let actions: Vec<&str> = j.iter().map(|r| r.entry.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "volunteer.registered",
            "shift.planned",
            "shift.cancelled",
            "volunteer.status_changed"
        ],
        "{}",
        b.name
    );
    assert!(j.windows(2).all(|w| w[0].seq < w[1].seq));
    let first = &j[0].entry;
    assert_eq!(
        (first.actor.as_str(), first.role),
        ("anna", Role::Coordinator)
    );
    assert_eq!(first.entity_id, v.id.to_string());
    assert_eq!(first.at, b.clock.now_for_test());
    assert_eq!(first.detail["displayName"], "Anna");
    assert_eq!(j[3].entry.detail["reason"], "vakantie");
    // paging
    let page = hub.journal(&admin(), j[1].seq, 2).await.unwrap();
    assert_eq!(
        page.iter().map(|r| r.seq).collect::<Vec<_>>(),
        vec![j[2].seq, j[3].seq]
    );
    assert_eq!(
        hub.journal(&admin(), 0, 0)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "validation"
    );
}

trait Now {
    fn now_for_test(&self) -> chrono::DateTime<chrono::Utc>;
}

impl Now for kringloop::FixedClock {
    fn now_for_test(&self) -> chrono::DateTime<chrono::Utc> {
        kringloop::Clock::now(self)
    }
}

pub async fn only_admins_read_the_journal(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    for actor in [coordinator(), researcher()] {
        let e = hub.journal(&actor, 0, 10).await.unwrap_err();
        assert_eq!(e.code().as_str(), "forbidden", "{}", b.name);
    }
    assert!(hub.journal(&admin(), 0, 10).await.unwrap().is_empty());
}
