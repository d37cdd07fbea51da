use crate::support::*;
use kringloop::{Error, Period, ShiftStatus, VolunteerRole, VolunteerStatus};

pub async fn plan_complete_cancel(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Anna"))
        .await
        .unwrap();
    let day = d(2026, 2, 23);
    let planned = hub
        .plan_shift(
            &c,
            new_shift(v.id, VolunteerRole::Cashier, day, span((10, 0), (13, 0))),
        )
        .await
        .unwrap();
    assert_eq!(planned.status, ShiftStatus::Planned);
    assert_eq!(
        hub.hours_by_volunteer(&c, Period::week_of(day))
            .await
            .unwrap(),
        vec![]
    );
    let worked = hub
        .complete_shift(&c, planned.id, Some(span((10, 0), (13, 30))))
        .await
        .unwrap();
    assert_eq!(worked.status, ShiftStatus::Worked);
    assert_eq!(worked.minutes(), 210);
    let hours = hub
        .hours_by_volunteer(&c, Period::week_of(day))
        .await
        .unwrap();
    assert_eq!(hours.len(), 1);
    assert_eq!((hours[0].minutes, hours[0].shifts), (210, 1), "{}", b.name);
    // a worked shift cannot be completed again or cancelled
    let e = hub.complete_shift(&c, planned.id, None).await.unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    let e = hub
        .cancel_shift(&c, planned.id, Some("ziek"))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    // a future planned shift can be cancelled, but not completed
    let later = hub
        .plan_shift(
            &c,
            new_shift(
                v.id,
                VolunteerRole::ShopFloor,
                d(2026, 3, 9),
                span((13, 0), (17, 0)),
            ),
        )
        .await
        .unwrap();
    let e = hub.complete_shift(&c, later.id, None).await.unwrap_err();
    assert_eq!(e.code().as_str(), "validation");
    let cancelled = hub.cancel_shift(&c, later.id, Some("ziek")).await.unwrap();
    assert_eq!(cancelled.status, ShiftStatus::Cancelled);
    assert_eq!(cancelled.note.as_ref().unwrap().as_str(), "ziek");
    assert_eq!(hub.shift_count_for_test(&c).await, 2);
}

trait ShiftCount {
    async fn shift_count_for_test(&self, c: &kringloop::Actor) -> usize;
}

impl ShiftCount for kringloop::Hub {
    async fn shift_count_for_test(&self, c: &kringloop::Actor) -> usize {
        self.shifts(
            c,
            Period::new(d(2026, 1, 1), d(2026, 12, 31)).unwrap(),
            None,
            true,
        )
        .await
        .unwrap()
        .len()
    }
}

pub async fn overlapping_shifts_are_refused(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Bea"))
        .await
        .unwrap();
    let w = hub
        .register_volunteer(&c, new_volunteer("Cor"))
        .await
        .unwrap();
    let day = d(2026, 3, 4);
    let first = hub
        .plan_shift(
            &c,
            new_shift(v.id, VolunteerRole::Cashier, day, span((10, 0), (13, 0))),
        )
        .await
        .unwrap();
    let e = hub
        .plan_shift(
            &c,
            new_shift(v.id, VolunteerRole::ShopFloor, day, span((12, 0), (15, 0))),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::Conflict(ref m) if m.contains("overlaps")),
        "{}: {e:?}",
        b.name
    );
    // touching is fine, so is another volunteer, so is another day
    hub.plan_shift(
        &c,
        new_shift(v.id, VolunteerRole::ShopFloor, day, span((13, 0), (15, 0))),
    )
    .await
    .unwrap();
    hub.plan_shift(
        &c,
        new_shift(w.id, VolunteerRole::Cashier, day, span((10, 0), (13, 0))),
    )
    .await
    .unwrap();
    hub.plan_shift(
        &c,
        new_shift(
            v.id,
            VolunteerRole::Cashier,
            d(2026, 3, 5),
            span((10, 0), (13, 0)),
        ),
    )
    .await
    .unwrap();
    // a cancelled shift frees its time
    hub.cancel_shift(&c, first.id, None).await.unwrap();
    hub.plan_shift(
        &c,
        new_shift(v.id, VolunteerRole::ShopFloor, day, span((11, 0), (12, 0))),
    )
    .await
    .unwrap();
    assert_eq!(hub.shift_count_for_test(&c).await, 5);
}

pub async fn completing_into_an_overlap_is_refused(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Dirk"))
        .await
        .unwrap();
    let day = d(2026, 2, 26);
    let morning = hub
        .plan_shift(
            &c,
            new_shift(v.id, VolunteerRole::Cashier, day, span((9, 0), (12, 0))),
        )
        .await
        .unwrap();
    hub.plan_shift(
        &c,
        new_shift(v.id, VolunteerRole::ShopFloor, day, span((13, 0), (16, 0))),
    )
    .await
    .unwrap();
    let e = hub
        .complete_shift(&c, morning.id, Some(span((9, 0), (13, 30))))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict", "{}", b.name);
    let still = hub
        .shifts(&c, Period::week_of(day), Some(v.id), false)
        .await
        .unwrap();
    assert_eq!(still[0].status, ShiftStatus::Planned);
    assert_eq!(still[0].span, span((9, 0), (12, 0)));
}

pub async fn who_may_work(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Els"))
        .await
        .unwrap();
    let day = d(2026, 3, 3);
    // a role they do not have
    let e = hub
        .plan_shift(
            &c,
            new_shift(v.id, VolunteerRole::Driver, day, span((9, 0), (12, 0))),
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { ref field, .. } if field == "role"));
    // a worked shift in the future
    let e = hub
        .record_shift(
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
    assert!(matches!(e, Error::Validation { ref field, .. } if field == "date"));
    // a volunteer who left
    hub.change_volunteer_status(&c, v.id, VolunteerStatus::Left, Some("gestopt"), None)
        .await
        .unwrap();
    let e = hub
        .plan_shift(
            &c,
            new_shift(v.id, VolunteerRole::Cashier, day, span((9, 0), (12, 0))),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    // someone who does not exist
    let ghost = kringloop::VolunteerId::generate(b.clock.as_ref());
    let e = hub
        .plan_shift(
            &c,
            new_shift(ghost, VolunteerRole::Cashier, day, span((9, 0), (12, 0))),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_found");
    // volunteers may not plan
    let e = hub
        .plan_shift(
            &volunteer_actor(v.id),
            new_shift(v.id, VolunteerRole::Cashier, day, span((9, 0), (12, 0))),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "forbidden");
    assert_eq!(hub.shift_count_for_test(&c).await, 0, "{}", b.name);
}

pub async fn concurrent_plans_for_one_slot_admit_exactly_one(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Fenna"))
        .await
        .unwrap();
    let day = d(2026, 3, 6);
    let mut tasks = Vec::new();
    for i in 0..8u32 {
        let hub = hub.clone();
        let c = c.clone();
        tasks.push(tokio::spawn(async move {
            hub.plan_shift(
                &c,
                new_shift(v.id, VolunteerRole::Cashier, day, span((10, i), (12, 0))),
            )
            .await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(e.code().as_str(), "conflict", "{}: {e:?}", b.name),
        }
    }
    assert_eq!(ok, 1, "{}", b.name);
    assert_eq!(hub.shift_count_for_test(&c).await, 1);
}

pub async fn hours_are_aggregated_per_volunteer_and_role(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let a = hub
        .register_volunteer(&c, new_volunteer("Anna"))
        .await
        .unwrap();
    let z = hub
        .register_volunteer(&c, new_volunteer("Zeger"))
        .await
        .unwrap();
    let rec = |v, role, date, s| hub.record_shift(&c, new_shift(v, role, date, s));
    rec(
        a.id,
        VolunteerRole::Cashier,
        d(2026, 2, 1),
        span((10, 0), (13, 0)),
    )
    .await
    .unwrap();
    rec(
        a.id,
        VolunteerRole::ShopFloor,
        d(2026, 2, 28),
        span((10, 0), (11, 30)),
    )
    .await
    .unwrap();
    rec(
        a.id,
        VolunteerRole::Cashier,
        d(2026, 1, 31),
        span((10, 0), (12, 0)),
    )
    .await
    .unwrap(); // outside
    rec(
        z.id,
        VolunteerRole::Cashier,
        d(2026, 2, 15),
        span((14, 0), (16, 0)),
    )
    .await
    .unwrap();
    hub.plan_shift(
        &c,
        new_shift(
            z.id,
            VolunteerRole::Cashier,
            d(2026, 2, 16),
            span((14, 0), (16, 0)),
        ),
    )
    .await
    .unwrap(); // planned: not counted
    let feb = Period::month_of(d(2026, 2, 10));
    let by_v = hub.hours_by_volunteer(&c, feb).await.unwrap();
    let got: Vec<(String, i64, i64)> = by_v
        .iter()
        .map(|h| (h.display_name.to_string(), h.minutes, h.shifts))
        .collect();
    assert_eq!(
        got,
        vec![("Anna".into(), 270, 2), ("Zeger".into(), 120, 1)],
        "{}",
        b.name
    );
    let by_r = hub.hours_by_role(&researcher(), feb).await.unwrap();
    let got: Vec<(VolunteerRole, i64, i64)> =
        by_r.iter().map(|h| (h.role, h.minutes, h.shifts)).collect();
    assert_eq!(
        got,
        vec![
            (VolunteerRole::Cashier, 300, 2),
            (VolunteerRole::ShopFloor, 90, 1)
        ],
        "{}",
        b.name
    );
    // a volunteer sees only their own row
    let mine = hub
        .hours_by_volunteer(&volunteer_actor(z.id), feb)
        .await
        .unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].volunteer_id, z.id);
}

pub async fn milestones_in_a_period(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let a = hub
        .register_volunteer(&c, new_volunteer("Anna"))
        .await
        .unwrap();
    let z = hub
        .register_volunteer(&c, new_volunteer("Zeger"))
        .await
        .unwrap();
    // Anna: 8 shifts of 6h in January (48h), then 2 × 6h in February → passes 50
    for i in 0..8 {
        hub.record_shift(
            &c,
            new_shift(
                a.id,
                VolunteerRole::Cashier,
                d(2026, 1, 5 + i),
                span((9, 0), (15, 0)),
            ),
        )
        .await
        .unwrap();
    }
    for i in 0..2 {
        hub.record_shift(
            &c,
            new_shift(
                a.id,
                VolunteerRole::Cashier,
                d(2026, 2, 2 + i),
                span((9, 0), (15, 0)),
            ),
        )
        .await
        .unwrap();
    }
    // Zeger: 1 × 6h in February
    hub.record_shift(
        &c,
        new_shift(
            z.id,
            VolunteerRole::Cashier,
            d(2026, 2, 2),
            span((9, 0), (15, 0)),
        ),
    )
    .await
    .unwrap();
    let feb = Period::month_of(d(2026, 2, 1));
    let m = hub.milestones(&c, feb).await.unwrap();
    assert_eq!(m.len(), 1, "{}: {m:?}", b.name);
    assert_eq!(
        (m[0].volunteer_id, m[0].milestone_hours, m[0].total_minutes),
        (a.id, 50, 60 * 60)
    );
    assert!(
        hub.milestones(&c, Period::month_of(d(2026, 1, 1)))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        hub.milestones(&volunteer_actor(z.id), feb)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        hub.milestones(&volunteer_actor(a.id), feb)
            .await
            .unwrap()
            .len(),
        1
    );
}

pub async fn roster_listing_filters(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let a = hub
        .register_volunteer(&c, new_volunteer("Anna"))
        .await
        .unwrap();
    let z = hub
        .register_volunteer(&c, new_volunteer("Zeger"))
        .await
        .unwrap();
    let plan = |v, date, s| hub.plan_shift(&c, new_shift(v, VolunteerRole::ShopFloor, date, s));
    let s1 = plan(a.id, d(2026, 3, 3), span((13, 0), (17, 0)))
        .await
        .unwrap();
    let s2 = plan(z.id, d(2026, 3, 3), span((9, 0), (13, 0)))
        .await
        .unwrap();
    let s3 = plan(a.id, d(2026, 3, 10), span((9, 0), (13, 0)))
        .await
        .unwrap();
    hub.cancel_shift(&c, s3.id, None).await.unwrap();
    let week = Period::week_of(d(2026, 3, 3));
    let ids = |v: Vec<kringloop::Shift>| v.into_iter().map(|s| s.id).collect::<Vec<_>>();
    // volunteers read the roster too
    let vol = volunteer_actor(a.id);
    assert_eq!(
        ids(hub.shifts(&vol, week, None, false).await.unwrap()),
        vec![s2.id, s1.id],
        "{}",
        b.name
    );
    assert_eq!(
        ids(hub.shifts(&c, week, Some(a.id), false).await.unwrap()),
        vec![s1.id]
    );
    let two = Period::new(d(2026, 3, 1), d(2026, 3, 14)).unwrap();
    assert_eq!(
        ids(hub.shifts(&c, two, None, false).await.unwrap()).len(),
        2
    );
    assert_eq!(
        ids(hub.shifts(&c, two, None, true).await.unwrap()),
        vec![s2.id, s1.id, s3.id]
    );
    let back = hub.shifts(&c, two, Some(a.id), true).await.unwrap();
    assert_eq!(back[1].note, None);
    assert_eq!(back[0], s1);
}
