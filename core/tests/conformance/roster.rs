use crate::support::*;
use kringloop::{OpeningSlot, Period, VogState, VolunteerRole, VolunteerUpdate, Weekday};
use std::collections::BTreeMap;

fn slot(
    weekday: Weekday,
    a: (u32, u32),
    b: (u32, u32),
    staffing: &[(VolunteerRole, u32)],
) -> OpeningSlot {
    OpeningSlot {
        weekday,
        span: span(a, b),
        staffing: staffing.iter().copied().collect::<BTreeMap<_, _>>(),
    }
}

fn week() -> Vec<OpeningSlot> {
    vec![
        slot(
            Weekday::Wednesday,
            (13, 0),
            (17, 0),
            &[(VolunteerRole::Cashier, 1)],
        ),
        slot(
            Weekday::Tuesday,
            (10, 0),
            (13, 0),
            &[(VolunteerRole::Cashier, 1), (VolunteerRole::ShopFloor, 2)],
        ),
        slot(
            Weekday::Tuesday,
            (13, 0),
            (17, 0),
            &[(VolunteerRole::Cashier, 1)],
        ),
    ]
}

pub async fn opening_hours_round_trip(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    assert!(hub.opening_hours(&c).await.unwrap().slots().is_empty());
    let set = hub.set_opening_hours(&c, week()).await.unwrap();
    assert_eq!(set.slots()[0].weekday, Weekday::Tuesday, "sorted");
    assert_eq!(
        hub.opening_hours(&researcher()).await.unwrap(),
        set,
        "{}",
        b.name
    );
    // replacing drops the old slots
    let fewer = hub
        .set_opening_hours(
            &c,
            vec![slot(
                Weekday::Saturday,
                (10, 0),
                (16, 0),
                &[(VolunteerRole::CoffeeHost, 1)],
            )],
        )
        .await
        .unwrap();
    assert_eq!(hub.opening_hours(&c).await.unwrap(), fewer);
}

pub async fn bad_opening_hours_change_nothing(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let set = hub.set_opening_hours(&c, week()).await.unwrap();
    let overlapping = vec![
        slot(
            Weekday::Monday,
            (10, 0),
            (13, 0),
            &[(VolunteerRole::Cashier, 1)],
        ),
        slot(
            Weekday::Monday,
            (12, 0),
            (15, 0),
            &[(VolunteerRole::Cashier, 1)],
        ),
    ];
    let unstaffed = vec![slot(Weekday::Monday, (10, 0), (13, 0), &[])];
    let zero = vec![slot(
        Weekday::Monday,
        (10, 0),
        (13, 0),
        &[(VolunteerRole::Cashier, 0)],
    )];
    for bad in [overlapping, unstaffed, zero] {
        let e = hub.set_opening_hours(&c, bad).await.unwrap_err();
        assert_eq!(e.code().as_str(), "validation", "{}", b.name);
    }
    let e = hub
        .set_opening_hours(
            &volunteer_actor(kringloop::VolunteerId::generate(b.clock.as_ref())),
            week(),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "forbidden");
    assert_eq!(hub.opening_hours(&c).await.unwrap(), set);
}

pub async fn gaps_against_the_plan(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    hub.set_opening_hours(&c, week()).await.unwrap();
    let a = hub
        .register_volunteer(&c, new_volunteer("Anna"))
        .await
        .unwrap();
    let z = hub
        .register_volunteer(&c, new_volunteer("Zeger"))
        .await
        .unwrap();
    let tue = d(2026, 3, 3);
    let wed = d(2026, 3, 4);
    let plan = |v, role, date, s| hub.plan_shift(&c, new_shift(v, role, date, s));
    plan(a.id, VolunteerRole::Cashier, tue, span((10, 0), (17, 0)))
        .await
        .unwrap();
    plan(z.id, VolunteerRole::ShopFloor, tue, span((10, 0), (13, 0)))
        .await
        .unwrap();
    plan(z.id, VolunteerRole::Cashier, wed, span((13, 0), (15, 0)))
        .await
        .unwrap();
    let gaps = hub
        .roster_gaps(&volunteer_actor(a.id), Period::week_of(tue))
        .await
        .unwrap();
    let got: Vec<(chrono::NaiveDate, VolunteerRole, u32, u32, String)> = gaps
        .iter()
        .map(|g| {
            (
                g.date,
                g.role,
                g.required,
                g.planned,
                format!(
                    "{}-{}",
                    g.span.start().format("%H:%M"),
                    g.span.end().format("%H:%M")
                ),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                tue,
                VolunteerRole::ShopFloor,
                2,
                1,
                "10:00-13:00".to_string()
            ),
            (wed, VolunteerRole::Cashier, 1, 0, "15:00-17:00".to_string()),
        ],
        "{}",
        b.name
    );
    let e = hub
        .roster_gaps(&c, Period::new(d(2026, 1, 1), d(2026, 12, 31)).unwrap())
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "validation");
    let e = hub
        .roster_gaps(&researcher(), Period::week_of(tue))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "forbidden");
}

pub async fn vog_expiry_list(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let with_vog = |name: &str, vog| {
        let mut v = new_volunteer(name);
        v.vog_date = vog;
        v
    };
    // today is 2026-03-02
    let expired = hub
        .register_volunteer(&c, with_vog("Expired", Some(d(2023, 1, 15))))
        .await
        .unwrap();
    let soon = hub
        .register_volunteer(&c, with_vog("Soon", Some(d(2023, 3, 20))))
        .await
        .unwrap();
    hub.register_volunteer(&c, with_vog("Fine", Some(d(2025, 1, 1))))
        .await
        .unwrap();
    let missing = hub
        .register_volunteer(&c, with_vog("Missing", None))
        .await
        .unwrap();
    let left = hub
        .register_volunteer(&c, with_vog("Left", None))
        .await
        .unwrap();
    hub.change_volunteer_status(
        &c,
        left.id,
        kringloop::VolunteerStatus::Left,
        Some("weg"),
        None,
    )
    .await
    .unwrap();
    let list = hub.vog_expiring(&c, 30).await.unwrap();
    let got: Vec<(kringloop::VolunteerId, VogState)> =
        list.iter().map(|s| (s.volunteer_id, s.state)).collect();
    assert_eq!(
        got,
        vec![
            (missing.id, VogState::Missing),
            (expired.id, VogState::Expired),
            (soon.id, VogState::Expiring)
        ],
        "{}",
        b.name
    );
    assert_eq!(list[2].expires_on, Some(d(2026, 3, 20)));
    // renewing takes them off the list
    hub.update_volunteer(
        &c,
        soon.id,
        VolunteerUpdate {
            vog_date: Some(Some(d(2026, 3, 1))),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(hub.vog_expiring(&c, 30).await.unwrap().len(), 2);
    let own = hub
        .vog_expiring(&volunteer_actor(missing.id), 30)
        .await
        .unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(
        hub.vog_expiring(&c, 4000)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "validation"
    );
}
