use crate::support::*;
use kringloop::{Period, VolunteerRole};

pub async fn hubs_never_see_each_other(b: &Backend) {
    let bieb = b.hub("oude-bieb").await;
    let other = b.hub("lewenborg-noord").await;
    assert_ne!(bieb.id(), other.id());
    let c = coordinator();
    let v = bieb
        .register_volunteer(&c, new_volunteer("Anna"))
        .await
        .unwrap();
    bieb.record_shift(
        &c,
        new_shift(
            v.id,
            VolunteerRole::Cashier,
            d(2026, 2, 2),
            span((9, 0), (12, 0)),
        ),
    )
    .await
    .unwrap();
    let e = other.volunteer(&c, v.id).await.unwrap_err();
    assert_eq!(e.code().as_str(), "not_found", "{}", b.name);
    assert!(other.volunteers(&c, None).await.unwrap().is_empty());
    let all = Period::new(d(2026, 1, 1), d(2026, 12, 31)).unwrap();
    assert!(other.shifts(&c, all, None, true).await.unwrap().is_empty());
    assert!(other.hours_by_volunteer(&c, all).await.unwrap().is_empty());
    assert!(other.hours_by_role(&c, all).await.unwrap().is_empty());
    assert!(other.journal(&admin(), 0, 100).await.unwrap().is_empty());
    // the other hub cannot plan someone else's volunteer either
    let e = other
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
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_found");
    assert_eq!(bieb.hours_by_role(&c, all).await.unwrap().len(), 1);
}

pub async fn reopening_a_slug_finds_the_same_hub(b: &Backend) {
    let first = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = first
        .register_volunteer(&c, new_volunteer("Anna"))
        .await
        .unwrap();
    let again = b.hub("oude-bieb").await;
    assert_eq!(first.id(), again.id());
    assert_eq!(again.volunteer(&c, v.id).await.unwrap(), v);
    if let Some(url) = &b.url {
        // a second connection (a second till, a second process) sees the same hub
        let other = kringloop::Hub::open_with_clock(url, "oude-bieb", b.clock.clone())
            .await
            .unwrap();
        assert_eq!(other.id(), first.id(), "{}", b.name);
        assert_eq!(other.volunteer(&c, v.id).await.unwrap(), v);
    }
    let e = kringloop::Hub::with_store(b.store.clone(), "Not A Slug", b.clock.clone())
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "validation");
}
