//! Journal sync: a till that was offline (an in-memory hub, as in the
//! browser) exports a batch; the backend's hub imports it once, records real
//! conflicts instead of merging them, and refuses bad batches whole.

use crate::support::*;
use kringloop::{
    Basket, BasketLine, Category, Condition, Consent, Error, Hub, ItemId, MemoryStore, NewItem,
    NewSignal, PaymentMethod, PricingPolicy, SignalDomain, SyncBatch, Urgency, VolunteerRole,
};

async fn till(b: &Backend, slug: &str) -> Hub<MemoryStore> {
    Hub::open_in_memory("memory:", slug, b.clock.clone())
        .await
        .unwrap()
}

fn basket(item: ItemId) -> Basket {
    Basket {
        till: "kassa-1".into(),
        lines: vec![BasketLine {
            item_id: item,
            quantity: 1,
        }],
        payment: PaymentMethod::Cash,
        city_pass: false,
        at: None,
    }
}

fn signal() -> NewSignal {
    NewSignal {
        domains: vec![SignalDomain::Housing],
        urgency: Some(Urgency::Normal),
        summary: "Zorgen over een brief van de woningcorporatie".into(),
        person: Some("Karin".into()),
        contact: Some("06 1234 5678".into()),
        consent: Some(Consent::Given),
        do_not_contact: false,
    }
}

async fn journal_len(hub: &Hub) -> usize {
    hub.journal(&admin(), 0, 10_000).await.unwrap().len()
}

pub async fn a_batch_applies_once_even_when_sent_again_or_cut_off(b: &Backend) {
    let c = coordinator();
    let t = till(b, "kassa-1").await;
    let v = t
        .register_volunteer(&c, new_volunteer("Bea"))
        .await
        .unwrap();
    let shift = t
        .plan_shift(
            &c,
            new_shift(v.id, VolunteerRole::Cashier, today(), span((9, 0), (12, 0))),
        )
        .await
        .unwrap();
    t.complete_shift(&c, shift.id, None).await.unwrap();
    let mut lot = NewItem::new(Category::Crockery, "zes borden", Condition::B, 450);
    lot.quantity = 6;
    let plates = t.take_in(&c, lot).await.unwrap();
    let sale = t.checkout(&c, basket(plates.id)).await.unwrap();
    let recorded = t.record_signal(&c, signal()).await.unwrap();
    let batch = t.export_journal(&c, 0).await.unwrap();
    assert_eq!(batch.entries.len(), 6);
    assert_eq!(
        batch.personal.len(),
        1,
        "the signal's personal fields travel apart"
    );
    assert!(
        !batch
            .entries
            .iter()
            .any(|r| r.entry.detail.to_string().contains("Karin")),
        "the journal part holds no personal value"
    );
    // Through JSON, as the file the page downloads.
    let batch = SyncBatch::from_json(&batch.to_json()).unwrap();

    let hub = b.hub("oude-bieb").await;
    // A batch cut off after three entries, then the whole batch.
    let mut cut = batch.clone();
    cut.entries.truncate(3);
    let first = hub.import_journal(&c, &cut).await.unwrap();
    assert_eq!((first.applied, first.seen), (3, 0));
    let report = hub.import_journal(&c, &batch).await.unwrap();
    assert_eq!((report.applied, report.seen), (3, 3), "{report:?}");
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(report.up_to_seq, batch.up_to_seq);

    // Everything arrived with its own ids.
    let here = hub.volunteer(&c, v.id).await.unwrap();
    assert_eq!(here.display_name, v.display_name);
    let shifts = hub
        .shifts(
            &c,
            kringloop::Period::new(today(), today()).unwrap(),
            Some(v.id),
            true,
        )
        .await
        .unwrap();
    assert_eq!(shifts.len(), 1);
    assert_eq!(shifts[0].status, kringloop::ShiftStatus::Worked);
    assert_eq!(hub.item(&c, plates.id).await.unwrap().state.on_hand, 5);
    assert_eq!(hub.sale(&c, sale.id).await.unwrap(), sale);
    let view = hub.signal(&c, recorded.signal.id).await.unwrap();
    assert_eq!(view.signal, recorded.signal);
    assert_eq!(view.personal, recorded.personal);

    // Sending it again changes nothing.
    let before = journal_len(&hub).await;
    let again = hub.import_journal(&c, &batch).await.unwrap();
    assert_eq!((again.applied, again.seen), (0, 6));
    assert!(again.conflicts.is_empty());
    assert_eq!(journal_len(&hub).await, before);
    assert_eq!(hub.item(&c, plates.id).await.unwrap().state.on_hand, 5);

    // The export's read of the personal fields is journalled at the till and
    // travels in the next batch as an audit entry.
    let next = t.export_journal(&c, batch.up_to_seq).await.unwrap();
    assert_eq!(next.entries.len(), 1);
    assert_eq!(next.entries[0].entry.action, "signal.personal_read");
    let audit = hub.import_journal(&c, &next).await.unwrap();
    assert_eq!((audit.applied, audit.seen), (1, 0));
    // A hub importing its own batch sees everything.
    let own = hub.export_journal(&c, 0).await.unwrap();
    let back = hub.import_journal(&c, &own).await.unwrap();
    assert_eq!(back.applied, 0);
    assert!(back.conflicts.is_empty(), "{back:?}");
}

pub async fn the_same_unit_sold_at_two_tills_is_a_recorded_conflict(b: &Backend) {
    let c = coordinator();
    let hub = b.hub("oude-bieb").await;
    let a = till(b, "kassa-1").await;
    let other = till(b, "kassa-2").await;
    let lamp = a
        .take_in(
            &c,
            NewItem::new(Category::Electronics, "lamp", Condition::A, 900),
        )
        .await
        .unwrap();
    let intake = a.export_journal(&c, 0).await.unwrap();
    hub.import_journal(&c, &intake).await.unwrap();
    other.import_journal(&c, &intake).await.unwrap();
    // Both tills sell the one lamp while offline.
    a.checkout(&c, basket(lamp.id)).await.unwrap();
    let second = other.checkout(&c, basket(lamp.id)).await.unwrap();
    let from_a = a.export_journal(&c, intake.up_to_seq).await.unwrap();
    let from_other = other.export_journal(&c, 0).await.unwrap();
    assert_eq!(hub.import_journal(&c, &from_a).await.unwrap().applied, 1);
    let before = journal_len(&hub).await;
    let report = hub.import_journal(&c, &from_other).await.unwrap();
    assert_eq!((report.applied, report.seen), (0, 1), "{report:?}");
    assert_eq!(report.conflicts.len(), 1);
    let conflict = &report.conflicts[0];
    assert_eq!(conflict.action, "sale.made");
    assert_eq!(conflict.entity_id, second.id.to_string());
    assert_eq!(conflict.source_hub, other.id());
    assert!(conflict.reason.contains("available"), "{}", conflict.reason);
    // Not merged: the lamp is sold once, the second sale is not stored.
    assert_eq!(hub.item(&c, lamp.id).await.unwrap().state.on_hand, 0);
    assert!(matches!(
        hub.sale(&c, second.id).await,
        Err(Error::NotFound { .. })
    ));
    // Recorded for the coordinator, with a journal entry.
    assert_eq!(hub.sync_conflicts(&c).await.unwrap(), report.conflicts);
    let journal = hub.journal(&admin(), 0, 10_000).await.unwrap();
    assert_eq!(journal.len(), before + 1);
    let last = &journal[journal.len() - 1].entry;
    assert_eq!(last.action, "sync.conflict");
    // Sending it again records nothing more.
    let again = hub.import_journal(&c, &from_other).await.unwrap();
    assert_eq!((again.applied, again.seen), (0, 2));
    assert!(again.conflicts.is_empty());
    assert_eq!(hub.sync_conflicts(&c).await.unwrap().len(), 1);
}

pub async fn unimportable_entries_are_conflicts_and_bad_batches_change_nothing(b: &Backend) {
    let c = coordinator();
    let hub = b.hub("oude-bieb").await;
    let t = till(b, "kassa-1").await;
    t.set_pricing_policy(&c, PricingPolicy::default())
        .await
        .unwrap();
    let book = t
        .take_in(
            &c,
            NewItem::new(Category::Books, "atlas", Condition::A, 800),
        )
        .await
        .unwrap();
    t.checkout(&c, basket(book.id)).await.unwrap();
    t.record_signal(&c, signal()).await.unwrap();
    let batch = t.export_journal(&c, 0).await.unwrap();

    // Roles: volunteers and researchers neither export nor import.
    let kees = volunteer_actor(kringloop::VolunteerId::from(uuid::Uuid::nil()));
    for who in [&kees, &researcher()] {
        assert!(matches!(
            t.export_journal(who, 0).await,
            Err(Error::Forbidden { .. })
        ));
        assert!(matches!(
            hub.import_journal(who, &batch).await,
            Err(Error::Forbidden { .. })
        ));
        assert!(matches!(
            hub.sync_conflicts(who).await,
            Err(Error::Forbidden { .. })
        ));
    }

    // A batch that is not whole is refused before anything is applied.
    let before = journal_len(&hub).await;
    let mut other_format = batch.clone();
    other_format.format = 99;
    let mut shuffled = batch.clone();
    shuffled.entries.swap(0, 1);
    for bad in [other_format, shuffled] {
        let e = hub.import_journal(&c, &bad).await.unwrap_err();
        assert!(matches!(e, Error::Validation { .. }), "{e}");
    }
    assert!(matches!(
        SyncBatch::from_json("{\"format\": 1}"),
        Err(Error::Validation { .. })
    ));
    assert_eq!(journal_len(&hub).await, before);

    // A settings change, a tampered sale and a signal without its personal
    // fields are recorded as conflicts; the intake still applies.
    let mut tampered = batch.clone();
    tampered.personal.clear();
    for r in &mut tampered.entries {
        if r.entry.action == "sale.made" {
            r.entry.detail["total"] = serde_json::json!(1);
        }
    }
    let report = hub.import_journal(&c, &tampered).await.unwrap();
    assert_eq!(report.applied, 1, "{report:?}");
    let actions: Vec<&str> = report.conflicts.iter().map(|c| c.action.as_str()).collect();
    assert_eq!(
        actions,
        ["hub.pricing_policy_set", "sale.made", "signal.recorded"]
    );
    assert!(report.conflicts[0].reason.contains("not importable"));
    assert!(report.conflicts[1].reason.contains("do not add up"));
    assert!(report.conflicts[2].reason.contains("personal fields"));
    assert_eq!(hub.item(&c, book.id).await.unwrap().state.on_hand, 1);
}

pub async fn two_imports_racing_apply_each_entry_once(b: &Backend) {
    let c = coordinator();
    let t = till(b, "kassa-1").await;
    let mut ids = Vec::new();
    for i in 0..20 {
        let mut lot = NewItem::new(Category::Books, "boek", Condition::B, 300);
        lot.quantity = 2;
        let it = t.take_in(&c, lot).await.unwrap();
        if i % 2 == 0 {
            t.checkout(&c, basket(it.id)).await.unwrap();
        }
        ids.push(it.id);
    }
    let batch = t.export_journal(&c, 0).await.unwrap();
    let n = u32::try_from(batch.entries.len()).unwrap();
    let hub = b.hub("oude-bieb").await;
    let other = b.hub("oude-bieb").await;
    let (x, y) = tokio::join!(
        hub.import_journal(&c, &batch),
        other.import_journal(&c, &batch)
    );
    let (x, y) = (x.unwrap(), y.unwrap());
    assert_eq!(x.applied + y.applied, n, "{x:?} {y:?}");
    assert_eq!(x.seen + y.seen, n);
    assert!(
        x.conflicts.is_empty() && y.conflicts.is_empty(),
        "{x:?} {y:?}"
    );
    for (i, id) in ids.iter().enumerate() {
        let want = if i % 2 == 0 { 1 } else { 2 };
        assert_eq!(hub.item(&c, *id).await.unwrap().state.on_hand, want);
    }
}

pub async fn a_till_rebuilt_from_its_snapshot_is_the_same_till(b: &Backend) {
    use kringloop::{
        Money, NewCashUp, NewPartner, NewPartnerService, NewReferral, ReferralChange,
        ReferralOutcome, ReferralStatus, RefundRequest,
    };
    let c = coordinator();
    let t = till(b, "kassa-1").await;
    let v = t
        .register_volunteer(&c, new_volunteer("Bea"))
        .await
        .unwrap();
    let shift = t
        .plan_shift(
            &c,
            new_shift(v.id, VolunteerRole::Cashier, today(), span((9, 0), (12, 0))),
        )
        .await
        .unwrap();
    t.complete_shift(&c, shift.id, None).await.unwrap();
    let mut lot = NewItem::new(Category::Crockery, "borden", Condition::B, 450);
    lot.quantity = 4;
    let plates = t.take_in(&c, lot).await.unwrap();
    let mut two = basket(plates.id);
    two.lines[0].quantity = 2;
    let sale = t.checkout(&c, two).await.unwrap();
    let refund = t
        .refund(
            &c,
            RefundRequest {
                sale_id: sale.id,
                till: "kassa-1".into(),
                lines: vec![BasketLine {
                    item_id: plates.id,
                    quantity: 1,
                }],
                payment: PaymentMethod::Cash,
            },
        )
        .await
        .unwrap();
    t.cash_up(
        &c,
        NewCashUp {
            till: "kassa-1".into(),
            date: None,
            opening_float: Money::from_cents(5000),
            counted: Money::from_cents(5100),
        },
    )
    .await
    .unwrap();
    let partner = t
        .register_partner(
            &c,
            NewPartner {
                name: "WIJ Lewenborg".into(),
                description: None,
                email: None,
                phone: None,
                website: None,
                status: None,
                services: vec![NewPartnerService {
                    id: None,
                    name: "Woonhulp".into(),
                    description: None,
                    domains: vec![SignalDomain::Housing],
                }],
            },
        )
        .await
        .unwrap();
    let signal = t.record_signal(&c, signal()).await.unwrap().signal;
    let referral = t
        .refer(
            &c,
            NewReferral {
                signal: signal.id,
                partner: partner.id,
                follow_up: Some(today()),
                consent_exception: None,
                request: true,
            },
        )
        .await
        .unwrap();
    let accepted = ReferralChange {
        status: ReferralStatus::Accepted,
        outcome: None,
        follow_up: Some(today()),
    };
    t.change_referral(&c, referral.id, accepted).await.unwrap();
    let working = ReferralChange {
        status: ReferralStatus::InProgress,
        outcome: None,
        follow_up: None,
    };
    t.change_referral(&c, referral.id, working).await.unwrap();
    let closed = ReferralChange {
        status: ReferralStatus::Completed,
        outcome: Some(ReferralOutcome::GotHelp),
        follow_up: None,
    };
    t.change_referral(&c, referral.id, closed).await.unwrap();
    t.close_signal(&c, signal.id).await.unwrap();
    let journal_before = t.journal(&admin(), 0, 1000).await.unwrap();

    let snapshot = t.snapshot().await.unwrap();
    assert!(
        snapshot.contains("Karin"),
        "the snapshot keeps personal fields"
    );
    assert_eq!(
        t.journal(&admin(), 0, 1000).await.unwrap(),
        journal_before,
        "taking a snapshot writes nothing"
    );
    let back = Hub::restore(&snapshot, b.clock.clone()).await.unwrap();
    assert_eq!((back.id(), back.slug()), (t.id(), t.slug()));
    assert_eq!(
        back.journal(&admin(), 0, 1000).await.unwrap(),
        journal_before
    );
    assert_eq!(
        back.volunteer(&c, v.id).await.unwrap(),
        t.volunteer(&c, v.id).await.unwrap()
    );
    assert_eq!(
        back.item(&c, plates.id).await.unwrap(),
        t.item(&c, plates.id).await.unwrap()
    );
    assert_eq!(back.item(&c, plates.id).await.unwrap().state.on_hand, 3);
    assert_eq!(back.sale(&c, refund.id).await.unwrap(), refund);
    let day = kringloop::Period::new(today(), today()).unwrap();
    assert_eq!(
        back.cash_ups(&c, day).await.unwrap(),
        t.cash_ups(&c, day).await.unwrap()
    );
    assert_eq!(
        back.partner(&c, partner.id).await.unwrap(),
        t.partner(&c, partner.id).await.unwrap()
    );
    assert_eq!(
        back.referral(&c, referral.id).await.unwrap(),
        t.referral(&c, referral.id).await.unwrap()
    );
    assert_eq!(
        back.signal(&c, signal.id).await.unwrap(),
        t.signal(&c, signal.id).await.unwrap()
    );
    // The rebuilt till goes on where it was.
    let again = back.checkout(&c, basket(plates.id)).await.unwrap();
    assert_eq!(back.item(&c, plates.id).await.unwrap().state.on_hand, 2);
    assert_eq!(back.sale(&c, again.id).await.unwrap(), again);

    // Not a whole snapshot: refused, with the reason.
    let later = t.export_journal(&c, 2).await.unwrap().to_json();
    for bad in ["", "{}", later.as_str(), &snapshot[..snapshot.len() / 2]] {
        let e = Hub::restore(bad, b.clock.clone()).await.err().unwrap();
        assert!(matches!(e, Error::Validation { .. }), "{e}");
    }
}

pub async fn a_purged_signal_stays_erased_in_a_rebuilt_till(b: &Backend) {
    let c = coordinator();
    let t = till(b, "kassa-1").await;
    let s = t.record_signal(&c, signal()).await.unwrap().signal;
    t.close_signal(&c, s.id).await.unwrap();
    b.clock.advance(chrono::Duration::days(400));
    let purge = t.purge_signals(&admin()).await.unwrap();
    assert_eq!(purge.erased, vec![s.id]);
    let snapshot = t.snapshot().await.unwrap();
    assert!(
        !snapshot.contains("Karin"),
        "an erased name is not in the snapshot"
    );
    let back = Hub::restore(&snapshot, b.clock.clone()).await.unwrap();
    let view = back.signal(&c, s.id).await.unwrap();
    assert_eq!(view, t.signal(&c, s.id).await.unwrap());
    assert_eq!(view.personal, None);
    assert!(view.signal.personal_erased_at.is_some());
}
