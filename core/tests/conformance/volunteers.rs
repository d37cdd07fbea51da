use crate::support::*;
use kringloop::{
    Error, JournalEntry, NewVolunteer, Period, Role, VolunteerId, VolunteerRole, VolunteerStatus,
    VolunteerUpdate,
};

async fn journal_len(hub: &kringloop::Hub) -> usize {
    hub.journal(&admin(), 0, 10_000).await.unwrap().len()
}

pub async fn register_and_read_back(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let input = NewVolunteer {
        display_name: "  Anna de Vries ".into(),
        contact: Some("anna@example.nl".into()),
        roles: vec![VolunteerRole::Cashier, VolunteerRole::CoffeeHost],
        skills: vec!["kassa".into(), "koffie".into()],
        availability: vec![kringloop::AvailabilitySlot {
            weekday: kringloop::Weekday::Tuesday,
            span: span((9, 30), (13, 0)),
        }],
        vog_date: Some(d(2024, 5, 1)),
        ..Default::default()
    };
    let v = hub.register_volunteer(&c, input).await.unwrap();
    assert_eq!(v.display_name.as_str(), "Anna de Vries");
    assert_eq!(v.status, VolunteerStatus::Prospect);
    assert_eq!(v.start_date, today());
    assert_eq!(v.version, 1);
    let back = hub.volunteer(&c, v.id).await.unwrap();
    assert_eq!(back, v, "{}: read back differs", b.name);
    assert_eq!(hub.volunteers(&c, None).await.unwrap(), vec![v]);
}

pub async fn bad_registration_changes_nothing(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let cases = [
        NewVolunteer::default(),
        NewVolunteer {
            display_name: "x".repeat(81),
            ..Default::default()
        },
        NewVolunteer {
            display_name: "Bea".into(),
            contact: Some("bea@".into()),
            ..Default::default()
        },
        NewVolunteer {
            display_name: "Bea".into(),
            vog_date: Some(d(2030, 1, 1)),
            ..Default::default()
        },
        NewVolunteer {
            display_name: "Bea".into(),
            skills: vec!["".into()],
            ..Default::default()
        },
        NewVolunteer {
            display_name: "Bea".into(),
            status: Some(VolunteerStatus::Paused),
            ..Default::default()
        },
    ];
    for input in cases {
        let e = hub.register_volunteer(&c, input.clone()).await.unwrap_err();
        assert!(
            matches!(e, Error::Validation { .. }),
            "{}: {input:?} gave {e:?}",
            b.name
        );
    }
    assert!(hub.volunteers(&c, None).await.unwrap().is_empty());
    assert_eq!(journal_len(&hub).await, 0);
}

pub async fn updates_apply_and_bump_the_version(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Cor"))
        .await
        .unwrap();
    let up = hub
        .update_volunteer(
            &c,
            v.id,
            VolunteerUpdate {
                display_name: Some("Cornelis".into()),
                contact: Some(Some("+31 6 1234 5678".into())),
                roles: Some(vec![VolunteerRole::Driver]),
                vog_date: Some(Some(d(2025, 6, 1))),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(up.version, 2);
    assert_eq!(up.display_name.as_str(), "Cornelis");
    assert_eq!(
        up.roles.iter().copied().collect::<Vec<_>>(),
        vec![VolunteerRole::Driver]
    );
    assert_eq!(hub.volunteer(&c, v.id).await.unwrap(), up);
    let cleared = hub
        .update_volunteer(
            &c,
            v.id,
            VolunteerUpdate {
                contact: Some(None),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(cleared.contact, None);
    assert_eq!(hub.volunteer(&c, v.id).await.unwrap().version, 3);
}

pub async fn bad_update_changes_nothing(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Dirk"))
        .await
        .unwrap();
    for update in [
        VolunteerUpdate::default(),
        VolunteerUpdate {
            display_name: Some(" ".into()),
            ..Default::default()
        },
        VolunteerUpdate {
            contact: Some(Some("nope".into())),
            ..Default::default()
        },
    ] {
        let e = hub.update_volunteer(&c, v.id, update).await.unwrap_err();
        assert_eq!(e.code().as_str(), "validation", "{}", b.name);
    }
    assert_eq!(hub.volunteer(&c, v.id).await.unwrap(), v);
    assert_eq!(journal_len(&hub).await, 1);
}

pub async fn status_follows_the_transition_table(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let mut input = new_volunteer("Els");
    input.status = None;
    let v = hub.register_volunteer(&c, input).await.unwrap();
    let v = hub
        .change_volunteer_status(&c, v.id, VolunteerStatus::Active, None, None)
        .await
        .unwrap();
    assert_eq!(v.status, VolunteerStatus::Active);
    assert_eq!(v.status_since, today());
    // pausing needs a reason
    let e = hub
        .change_volunteer_status(&c, v.id, VolunteerStatus::Paused, None, None)
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { ref field, .. } if field == "reason"));
    let v = hub
        .change_volunteer_status(
            &c,
            v.id,
            VolunteerStatus::Left,
            Some("verhuisd"),
            Some(d(2026, 3, 10)),
        )
        .await
        .unwrap();
    assert_eq!(v.status_reason.as_ref().unwrap().as_str(), "verhuisd");
    // left → active is illegal
    let e = hub
        .change_volunteer_status(&c, v.id, VolunteerStatus::Active, Some("terug"), None)
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    assert_eq!(hub.volunteer(&c, v.id).await.unwrap(), v, "{}", b.name);
    // left → prospect with reason: returns
    let v = hub
        .change_volunteer_status(
            &c,
            v.id,
            VolunteerStatus::Prospect,
            Some("terug van weggeweest"),
            Some(d(2026, 4, 1)),
        )
        .await
        .unwrap();
    assert_eq!(v.status, VolunteerStatus::Prospect);
    assert_eq!(v.version, 4);
}

pub async fn stale_version_is_a_conflict(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Fenna"))
        .await
        .unwrap();
    let mut next = v.clone();
    next.version = 2;
    let entry = JournalEntry::new(
        b.clock.as_ref(),
        &c,
        "volunteer.updated",
        "volunteer",
        v.id,
        serde_json::to_value(&next).unwrap(),
    );
    // someone else's write already moved it to version 2
    b.store
        .update_volunteer(hub.id(), &next, 1, &entry)
        .await
        .unwrap();
    let mut mine = v.clone();
    mine.display_name = kringloop::DisplayName::parse("Fenna B").unwrap();
    mine.version = 2;
    let e = b
        .store
        .update_volunteer(hub.id(), &mine, 1, &entry)
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict", "{}", b.name);
    assert_eq!(
        hub.volunteer(&c, v.id).await.unwrap().display_name.as_str(),
        "Fenna"
    );
}

pub async fn unknown_ids_are_not_found(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let ghost = VolunteerId::generate(b.clock.as_ref());
    let e = hub.volunteer(&c, ghost).await.unwrap_err();
    assert_eq!(e, Error::not_found("volunteer", ghost), "{}", b.name);
    let e = hub
        .update_volunteer(
            &c,
            ghost,
            VolunteerUpdate {
                display_name: Some("X".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_found");
    let e = hub
        .change_volunteer_status(&c, ghost, VolunteerStatus::Active, None, None)
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_found");
}

pub async fn roles_are_enforced(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let me = hub
        .register_volunteer(&c, new_volunteer("Gert"))
        .await
        .unwrap();
    let other = hub
        .register_volunteer(&c, new_volunteer("Hanna"))
        .await
        .unwrap();
    let vol = volunteer_actor(me.id);
    let forbidden = |e: Error| assert_eq!(e.code().as_str(), "forbidden", "{}", b.name);
    forbidden(
        hub.register_volunteer(&vol, new_volunteer("X"))
            .await
            .unwrap_err(),
    );
    forbidden(hub.volunteers(&vol, None).await.unwrap_err());
    forbidden(hub.volunteer(&vol, other.id).await.unwrap_err());
    assert_eq!(hub.volunteer(&vol, me.id).await.unwrap(), me);
    let r = researcher();
    forbidden(hub.volunteers(&r, None).await.unwrap_err());
    forbidden(hub.volunteer(&r, me.id).await.unwrap_err());
    forbidden(
        hub.register_volunteer(&r, new_volunteer("X"))
            .await
            .unwrap_err(),
    );
    forbidden(
        hub.update_volunteer(
            &r,
            me.id,
            VolunteerUpdate {
                display_name: Some("X".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err(),
    );
    let week = Period::week_of(today());
    forbidden(hub.shifts(&r, week, None, false).await.unwrap_err());
    forbidden(hub.hours_by_volunteer(&r, week).await.unwrap_err());
    assert!(hub.hours_by_role(&r, week).await.is_ok());
    // an unlinked volunteer actor cannot read any record
    let anon = kringloop::Actor::new("iemand", Role::Volunteer).unwrap();
    forbidden(hub.volunteer(&anon, me.id).await.unwrap_err());
    assert_eq!(hub.volunteers(&c, None).await.unwrap().len(), 2);
}

pub async fn list_filters_by_status_and_sorts_by_name(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    for name in ["Zus", "Ali", "Mo"] {
        hub.register_volunteer(&c, new_volunteer(name))
            .await
            .unwrap();
    }
    let mut p = new_volunteer("Bram");
    p.status = None;
    hub.register_volunteer(&c, p).await.unwrap();
    let names = |vs: Vec<kringloop::Volunteer>| {
        vs.into_iter()
            .map(|v| v.display_name.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(hub.volunteers(&c, None).await.unwrap()),
        ["Ali", "Bram", "Mo", "Zus"]
    );
    assert_eq!(
        names(
            hub.volunteers(&c, Some(VolunteerStatus::Active))
                .await
                .unwrap()
        ),
        ["Ali", "Mo", "Zus"]
    );
    assert_eq!(
        names(
            hub.volunteers(&c, Some(VolunteerStatus::Prospect))
                .await
                .unwrap()
        ),
        ["Bram"]
    );
}
