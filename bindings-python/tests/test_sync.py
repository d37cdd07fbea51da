"""Journal sync: a till's batch is imported once, real conflicts are recorded."""

from __future__ import annotations

import json

import pytest

import kringloop as k
from conftest import NOW


def till(slug: str = "kassa-1") -> k.Hub:
    return k.Hub.open("memory:", slug, now=NOW)


def test_a_batch_from_a_till_applies_once(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    t = till()
    plates = t.take_in(coordinator, "crockery", "borden", "b", 450, quantity=4)
    sale = t.checkout(coordinator, "kassa-1", [{"item_id": plates.id, "quantity": 1}])
    signal = t.record_signal(coordinator, ["housing"], "Zorgen om de huur", person="Karin", consent="given")
    batch = t.export_journal(coordinator)
    doc = json.loads(batch)
    assert doc["format"] == 1 and len(doc["entries"]) == 3
    assert [p["signalId"] for p in doc["personal"]] == [signal.id]
    assert "Karin" not in json.dumps(doc["entries"]), "the journal part holds no personal value"

    first = hub.import_journal(coordinator, batch)
    assert (first.applied, first.seen, first.conflicts) == (3, 0, [])
    assert first.source_hub == t.id and first.up_to_seq == doc["upToSeq"]
    again = hub.import_journal(coordinator, batch)
    assert (again.applied, again.seen, again.conflicts) == (0, 3, [])

    assert hub.item(coordinator, plates.id).on_hand == 3
    assert hub.sale(coordinator, sale.id) == sale
    here = hub.signal(coordinator, signal.id)
    assert (here.person, here.summary) == ("Karin", "Zorgen om de huur")
    # The export's personal reads are journalled at the till and travel next.
    later = t.export_journal(coordinator, after=doc["upToSeq"])
    assert [e["action"] for e in json.loads(later)["entries"]] == ["signal.personal_read"]


def test_the_same_unit_sold_at_two_tills_is_a_recorded_conflict(hub: k.Hub, coordinator: k.Actor) -> None:
    a, b = till("kassa-1"), till("kassa-2")
    lamp = a.take_in(coordinator, "electronics", "lamp", "a", 900)
    intake = a.export_journal(coordinator)
    hub.import_journal(coordinator, intake)
    b.import_journal(coordinator, intake)
    a.checkout(coordinator, "kassa-1", [{"item_id": lamp.id, "quantity": 1}])
    second = b.checkout(coordinator, "kassa-2", [{"item_id": lamp.id, "quantity": 1}])
    assert hub.import_journal(coordinator, a.export_journal(coordinator, after=1)).applied == 1
    report = hub.import_journal(coordinator, b.export_journal(coordinator))
    assert (report.applied, report.seen) == (0, 1)
    [conflict] = report.conflicts
    assert (conflict.action, conflict.entity_id, conflict.source_hub) == ("sale.made", second.id, b.id)
    assert "available" in conflict.reason
    assert conflict.entry["id"] == conflict.entry_id
    assert hub.sync_conflicts(coordinator) == [conflict]
    assert hub.item(coordinator, lamp.id).on_hand == 0
    with pytest.raises(k.NotFoundError):
        hub.sale(coordinator, second.id)


def test_bad_batches_and_roles_are_refused(hub: k.Hub, coordinator: k.Actor) -> None:
    t = till()
    t.take_in(coordinator, "books", "atlas", "a", 800)
    batch = t.export_journal(coordinator)
    volunteer = k.Actor("kees", "volunteer")
    with pytest.raises(k.ForbiddenError):
        t.export_journal(volunteer)
    with pytest.raises(k.ForbiddenError):
        hub.import_journal(volunteer, batch)
    with pytest.raises(k.ForbiddenError):
        hub.sync_conflicts(k.Actor("onderzoek", "researcher"))
    for bad in ["", "{}", batch.replace('"format":1', '"format":7')]:
        with pytest.raises(k.ValidationError):
            hub.import_journal(coordinator, bad)
    assert hub.sync_conflicts(coordinator) == []
