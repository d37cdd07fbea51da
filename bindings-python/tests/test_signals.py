"""Signals and referrals: recording what a visitor shared, reading it back
(journalled), referring with consent, the referral lifecycle, follow-ups,
the retention purge, the partners directory (and its HSDS 3.0 export) and
the suppressed statistics researchers get."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import kringloop as k
from conftest import NOW, TODAY

NOBODY = "019cae6b-6600-7000-8000-00000000abcd"
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
SUMMARY = "Maakt zich zorgen over een brief van de woningcorporatie"
#: What a signal holds that must never reach the journal, a repr or a researcher.
SECRETS = ["Karin", "1234", "woningcorporatie"]

HSDS = Path(__file__).parent / "hsds-3.0" / "schema"
SHARED_HSDS = Path(__file__).resolve().parents[2].parent / "shared" / "standards" / "hsds-3.0" / "schema"


# ---- helpers ----


def volunteer(hub: k.Hub, coordinator: k.Actor, name: str) -> k.Actor:
    """A volunteer actor linked to a new volunteer record."""
    v = hub.register_volunteer(coordinator, name.title(), status="active")
    return k.Actor(name, "volunteer", volunteer_id=v.id)


def record(hub: k.Hub, actor: k.Actor, domains: list[str] | None = None, **kw: Any) -> k.SignalView:
    """A signal with every personal field and, unless said otherwise, consent."""
    kw.setdefault("consent", "given")
    kw.setdefault("person", "Karin")
    kw.setdefault("contact", "06 1234 5678")
    return hub.record_signal(actor, domains or ["money_debt"], SUMMARY, **kw)


def wij(hub: k.Hub, actor: k.Actor) -> k.Partner:
    return hub.register_partner(
        actor,
        "WIJ Lewenborg",
        [
            {"name": "Schuldhulp", "domains": ["money_debt", "paperwork"]},
            {"name": "Maatschappelijk werk", "domains": ["loneliness", "family_parenting"],
             "description": "Een maatschappelijk werker komt langs"},
        ],
        description="Het wijkteam van Lewenborg",
        email="lewenborg@wij.groningen.nl",
        phone="050 367 5000",
        website="https://wij.groningen.nl",
    )


def voedselbank(hub: k.Hub, actor: k.Actor) -> k.Partner:
    return hub.register_partner(
        actor, "Voedselbank Groningen", [{"name": "Voedselpakket", "domains": ["food", "money_debt"]}]
    )


def tick(hub: k.Hub) -> None:
    """One second on: ids made at one instant sort at random, so a test that
    checks an oldest-first order makes its records at distinct times."""
    hub.set_now(hub.now + timedelta(seconds=1))


def journal(hub: k.Hub, admin: k.Actor, action: str | None = None) -> list[k.JournalRecord]:
    rows = hub.journal(admin, limit=10_000)
    return [r for r in rows if action is None or r.action == action]


def plain(value: Any) -> Any:
    """A result as plain Python values, records included (for text searches)."""
    if hasattr(value, "to_dict"):
        return plain(value.to_dict())
    if isinstance(value, dict):
        return {key: plain(v) for key, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def cell(table: k.CountTable, row: str, column: str) -> int | None:
    return table.cells[table.rows.index(row)][table.columns.index(column)]


# ---- recording and reading ----


def test_record_and_read_back(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    bea = volunteer(hub, coordinator, "bea")
    view = record(hub, bea, ["housing", "money_debt", "housing"])
    assert isinstance(view, k.SignalView)
    assert view.domains == ["money_debt", "housing"]  # the core's order, no repeats
    assert (view.urgency, view.consent, view.status, view.version) == ("normal", "given", "open", 1)
    assert (view.recorded_on, view.recorded_at, view.recorded_by) == (TODAY, NOW, "bea")
    assert view.recorded_by_volunteer == bea.volunteer_id
    assert (view.consent_at, view.consent_asked_by, view.do_not_contact) == (NOW, "bea", False)
    assert (view.closed_at, view.personal_erased_at) == (None, None)
    assert (view.person, view.contact, view.summary) == ("Karin", "06 1234 5678", SUMMARY)

    assert hub.signal(coordinator, view.id) == view
    [coded] = hub.signals(coordinator)
    assert isinstance(coded, k.Signal)
    personal = {"person", "contact", "summary"}
    assert coded.to_dict() == {key: v for key, v in view.to_dict().items() if key not in personal}
    assert hub.signal_views(coordinator) == [view]

    # Personal fields never show in a repr, nor in the journal.
    for text in (repr(view), repr(coded)):
        assert view.id in text and not any(s in text for s in SECRETS), text
    [entry] = journal(hub, admin, "signal.recorded")
    assert entry.entity_id == view.id
    assert entry.detail["personalFields"] == ["person", "contact", "summary"]
    assert not any(s in json.dumps(plain(journal(hub, admin)), default=str) for s in SECRETS)


def test_record_defaults(hub: k.Hub, coordinator: k.Actor) -> None:
    view = hub.record_signal(coordinator, ("loneliness",), "  Voelt zich alleen  ")
    assert (view.urgency, view.consent, view.consent_at, view.consent_asked_by) == ("normal", "not_asked", None, None)
    assert (view.person, view.contact, view.summary, view.do_not_contact) == (None, None, "Voelt zich alleen", False)
    acute = hub.record_signal(coordinator, ["safety_violence"], "x", urgency="acute", do_not_contact=True)
    assert (acute.urgency, acute.do_not_contact) == ("acute", True)


def test_bad_signals_change_nothing(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    before = journal(hub, admin)
    refused: list[tuple[str, list[str], str, dict[str, Any]]] = [
        ("domains", [], SUMMARY, {}),
        ("summary", ["food"], "x" * 501, {}),
        ("summary", ["food"], "   ", {}),
        ("contact", ["food"], SUMMARY, {"contact": "bel me"}),
        ("person", ["food"], SUMMARY, {"person": "K" * 61}),
        ("signal_domain", ["debts"], SUMMARY, {}),
        ("urgency", ["food"], SUMMARY, {"urgency": "urgent"}),
        ("consent", ["food"], SUMMARY, {"consent": "yes"}),
    ]
    for field, domains, summary, kw in refused:
        with pytest.raises(k.ValidationError) as e:
            hub.record_signal(coordinator, domains, summary, **kw)
        assert e.value.field == field, (field, e.value)
    with pytest.raises(TypeError):
        hub.record_signal(coordinator, "food", SUMMARY)  # type: ignore[arg-type]
    assert journal(hub, admin) == before
    assert hub.signals(coordinator) == []
    with pytest.raises(k.NotFoundError) as nf:
        hub.signal(coordinator, NOBODY)
    assert (nf.value.entity, nf.value.id) == ("signal", NOBODY)
    with pytest.raises(k.ValidationError) as e:
        hub.signal(coordinator, "nope")
    assert e.value.field == "signal_id"


def test_personal_reads_are_journalled(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    first = record(hub, coordinator)
    tick(hub)
    second = record(hub, coordinator, ["food"])
    reads = lambda: journal(hub, admin, "signal.personal_read")  # noqa: E731
    assert reads() == []
    hub.signal(coordinator, first.id)
    [one] = reads()
    assert (one.entity, one.entity_id, one.actor) == ("signal", first.id, "anna")
    hub.signals(coordinator)  # coded facts only: no read
    assert len(reads()) == 1
    views = hub.signal_views(coordinator)
    assert [v.id for v in views] == [first.id, second.id]
    assert [r.entity_id for r in reads()[1:]] == [first.id, second.id]
    assert not any(s in json.dumps(plain(reads()), default=str) for s in SECRETS)


def test_listing_filters(hub: k.Hub, coordinator: k.Actor) -> None:
    a = record(hub, coordinator)
    hub.set_now(NOW + timedelta(days=31))
    b = record(hub, coordinator)
    hub.close_signal(coordinator, a.id)
    assert [s.id for s in hub.signals(coordinator)] == [a.id, b.id]
    assert [s.id for s in hub.signals(coordinator, open_only=True)] == [b.id]
    assert [s.id for s in hub.signals(coordinator, start_date=TODAY, end_date=TODAY)] == [a.id]
    april = hub.signal_views(coordinator, start_date=date(2026, 4, 1), end_date=date(2026, 4, 30))
    assert [v.id for v in april] == [b.id]
    with pytest.raises(k.ValidationError) as e:
        hub.signals(coordinator, start_date=TODAY)
    assert e.value.field == "end_date"
    with pytest.raises(k.ValidationError) as e:
        hub.signal_views(coordinator, end_date=TODAY)
    assert e.value.field == "start_date"


def test_updating_a_signal(hub: k.Hub, coordinator: k.Actor) -> None:
    bea = volunteer(hub, coordinator, "bea")
    s = record(hub, bea, consent="not_asked")
    hub.set_now(NOW + timedelta(hours=1))
    u = hub.update_signal(bea, s.id, domains=["housing"], urgency="high", consent="given", do_not_contact=True)
    assert isinstance(u, k.Signal)
    assert (u.domains, u.urgency, u.consent, u.do_not_contact, u.version) == (["housing"], "high", "given", True, 2)
    assert (u.consent_at, u.consent_asked_by) == (NOW + timedelta(hours=1), "bea")
    same = hub.update_signal(coordinator, s.id)  # nothing given: nothing changes but the version
    assert (same.domains, same.urgency, same.consent, same.do_not_contact) == (u.domains, u.urgency, u.consent, True)
    with pytest.raises(k.ValidationError) as e:
        hub.update_signal(coordinator, s.id, domains=[])
    assert e.value.field == "domains"
    hub.close_signal(coordinator, s.id)
    with pytest.raises(k.ConflictError):
        hub.update_signal(coordinator, s.id, urgency="acute")


def test_volunteer_sees_only_own_open_signals(hub: k.Hub, coordinator: k.Actor) -> None:
    bea = volunteer(hub, coordinator, "bea")
    cor = volunteer(hub, coordinator, "cor")
    mine = record(hub, bea)
    done = record(hub, bea, ["food"])
    theirs = record(hub, cor)
    assert {s.id for s in hub.signals(bea)} == {mine.id, done.id}
    assert [s.id for s in hub.signals(cor)] == [theirs.id]
    hub.close_signal(coordinator, done.id)
    for listing in (hub.signals(bea), hub.signals(bea, open_only=False), hub.signal_views(bea)):
        assert [s.id for s in listing] == [mine.id]  # only open ones, whatever is asked
    assert hub.signal(bea, mine.id).summary == SUMMARY
    for other in (theirs.id, done.id):
        with pytest.raises(k.ForbiddenError) as e:
            hub.signal(bea, other)
        assert (e.value.role, e.value.action) == ("volunteer", "read_signals")
    with pytest.raises(k.ForbiddenError):
        hub.update_signal(bea, theirs.id, urgency="high")
    with pytest.raises(k.ForbiddenError):
        hub.close_signal(bea, mine.id)
    with pytest.raises(k.ForbiddenError):
        hub.partner_suggestions(bea, theirs.id)
    # A volunteer actor not linked to a record may record, but reads nothing.
    anon = k.Actor("gast", "volunteer")
    hub.record_signal(anon, ["food"], "Heeft honger")
    with pytest.raises(k.ForbiddenError):
        hub.signals(anon)
    assert len(hub.signals(coordinator)) == 4


def test_researcher_is_forbidden_records(hub: k.Hub, coordinator: k.Actor, researcher: k.Actor) -> None:
    s = record(hub, coordinator)
    p = wij(hub, coordinator)
    r = hub.refer(coordinator, s.id, p.id)
    calls = [
        lambda: hub.record_signal(researcher, ["food"], "x"),
        lambda: hub.signal(researcher, s.id),
        lambda: hub.signals(researcher),
        lambda: hub.signal_views(researcher),
        lambda: hub.update_signal(researcher, s.id, urgency="high"),
        lambda: hub.close_signal(researcher, s.id),
        lambda: hub.partner_suggestions(researcher, s.id),
        lambda: hub.refer(researcher, s.id, p.id),
        lambda: hub.referral(researcher, r.id),
        lambda: hub.referrals(researcher),
        lambda: hub.change_referral(researcher, r.id, "requested"),
        lambda: hub.follow_ups_due(researcher),
        lambda: hub.register_partner(researcher, "X", [{"name": "Y", "domains": ["food"]}]),
        lambda: hub.set_signal_policy(researcher, retention_months=6),
        lambda: hub.purge_signals(researcher),
    ]
    for call in calls:
        with pytest.raises(k.ForbiddenError) as e:
            call()
        assert e.value.role == "researcher"
    # the directory and the policy hold no personal data
    assert hub.partners(researcher) == [p]
    assert hub.signal_policy(researcher) == hub.signal_policy(coordinator)


# ---- statistics ----


def test_statistics_exact_and_suppressed(hub: k.Hub, coordinator: k.Actor, researcher: k.Actor) -> None:
    team, food = wij(hub, coordinator), voedselbank(hub, coordinator)
    # March: 12 money signals (3 of them also housing), 2 acute safety signals.
    money = [record(hub, coordinator, ["money_debt", "housing"] if i < 3 else ["money_debt"]) for i in range(12)]
    for _ in range(2):
        record(hub, coordinator, ["safety_violence"], urgency="acute")
    # 11 referred to the WIJ team two days later (and rejected), 1 to the food bank.
    hub.set_now(NOW + timedelta(days=2))
    for s in money[:11]:
        r = hub.refer(coordinator, s.id, team.id, request=True)
        hub.change_referral(coordinator, r.id, "rejected", outcome="no_capacity")
    hub.refer(coordinator, money[11].id, food.id)
    # closed four days after recording
    hub.set_now(NOW + timedelta(days=4))
    for s in money[:10]:
        hub.close_signal(coordinator, s.id)

    exact = hub.signal_statistics(coordinator, *MARCH)
    assert isinstance(exact, k.SignalStatistics) and isinstance(exact.by_domain, k.CountTable)
    assert (exact.start_date, exact.end_date, exact.threshold) == (*MARCH, None)
    d = exact.by_domain
    assert d.rows == ["2026-03"] and d.columns == [e["code"] for e in k.labels("signal_domain")]
    assert (cell(d, "2026-03", "money_debt"), cell(d, "2026-03", "housing"), cell(d, "2026-03", "safety_violence")) == (12, 3, 2)
    assert (d.total, d.row_totals, d.threshold) == (17, [17], None)
    assert cell(exact.by_urgency, "2026-03", "acute") == 2
    st = exact.referrals_by_status
    assert st.rows == ["Voedselbank Groningen", "WIJ Lewenborg"]
    assert (cell(st, "WIJ Lewenborg", "rejected"), cell(st, "Voedselbank Groningen", "draft")) == (11, 1)
    assert cell(exact.referrals_by_outcome, "WIJ Lewenborg", "no_capacity") == 11
    assert exact.days_to_referral == exact.days_to_referral
    assert (exact.days_to_referral.n, exact.days_to_referral.median) == (11, 2.0)
    assert (exact.days_to_closure.n, exact.days_to_closure.median) == (10, 4.0)

    sup = hub.signal_statistics(researcher, *MARCH)
    assert sup.threshold == 10 and sup.by_domain.threshold == 10
    d = sup.by_domain
    assert (cell(d, "2026-03", "money_debt"), cell(d, "2026-03", "housing"), cell(d, "2026-03", "safety_violence")) == (12, None, None)
    assert cell(sup.by_urgency, "2026-03", "acute") is None
    assert (sup.days_to_closure.n, sup.days_to_referral.median) == (10, 2.0)
    for table in (sup.by_domain, sup.by_urgency, sup.referrals_by_status, sup.referrals_by_outcome):
        shown = [v for row in table.cells for v in row] + table.row_totals + table.column_totals + [table.total]
        assert all(v is None or v == 0 or v >= 10 for v in shown), table
    # no name, contact, summary or actor anywhere in what the researcher gets
    text = json.dumps(plain(sup), default=str)
    for secret in [*SECRETS, "anna", money[0].id]:
        assert secret not in text, secret
    assert "2026-03" in text and "money_debt" in text

    # the threshold is the hub's policy
    hub.set_signal_policy(coordinator, suppression_threshold=3)
    low = hub.signal_statistics(researcher, *MARCH)
    assert low.threshold == 3 and cell(low.by_domain, "2026-03", "housing") == 3
    # volunteers get none; an empty period is empty, not an error
    with pytest.raises(k.ForbiddenError):
        hub.signal_statistics(volunteer(hub, coordinator, "bea"), *MARCH)
    none = hub.signal_statistics(researcher, date(2026, 4, 1), date(2026, 4, 30))
    assert none.by_domain.rows == [] and (none.days_to_referral.n, none.days_to_referral.median) == (0, None)
    with pytest.raises(k.ValidationError):
        hub.signal_statistics(researcher, date(2026, 4, 1), date(2026, 3, 1))


# ---- consent and referrals ----


def test_consent_rule_and_acute_exception(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    p = wij(hub, coordinator)
    before = journal(hub, admin)
    for consent, urgency in [("not_asked", "normal"), ("refused", "high"), ("not_asked", "acute")]:
        s = record(hub, coordinator, consent=consent, urgency=urgency)
        before = journal(hub, admin)
        with pytest.raises(k.ValidationError) as e:
            hub.refer(coordinator, s.id, p.id, request=True)
        assert e.value.field == "consent" and e.value.code == "validation", e.value
        assert consent in e.value.reason
        assert journal(hub, admin) == before and hub.referrals(coordinator, signal_id=s.id) == []
    # only an acute signal may go without consent, and only with a reason
    normal = record(hub, coordinator, consent="refused")
    with pytest.raises(k.ValidationError) as e:
        hub.refer(coordinator, normal.id, p.id, consent_exception="Het kan niet wachten")
    assert e.value.field == "consent"
    acute = record(hub, coordinator, ["safety_violence"], consent="refused", urgency="acute")
    r = hub.refer(coordinator, acute.id, p.id, consent_exception="Direct gevaar voor de kinderen", request=True)
    assert (r.status, r.consent_exception, r.requested_at) == ("requested", "Direct gevaar voor de kinderen", NOW)
    # with consent no exception is needed, nor accepted
    given = record(hub, coordinator)
    with pytest.raises(k.ValidationError) as e:
        hub.refer(coordinator, given.id, p.id, consent_exception="toch maar")
    assert e.value.field == "consent_exception"
    # asking again makes it possible; sending a draft re-checks consent as it is then
    asked = record(hub, coordinator, consent="not_asked")
    hub.update_signal(coordinator, asked.id, consent="given")
    draft = hub.refer(coordinator, asked.id, p.id)
    assert (draft.status, draft.requested_at, draft.consent_exception) == ("draft", None, None)
    hub.update_signal(coordinator, asked.id, consent="refused")
    with pytest.raises(k.ValidationError) as e:
        hub.change_referral(coordinator, draft.id, "requested")
    assert e.value.field == "consent"
    assert hub.referral(coordinator, draft.id) == draft


def test_referral_lifecycle(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    p = wij(hub, coordinator)
    s = record(hub, coordinator)
    r = hub.refer(coordinator, s.id, p.id, follow_up=TODAY + timedelta(days=7))
    assert isinstance(r, k.Referral)
    assert (r.signal_id, r.partner_id, r.status, r.created_by, r.created_on) == (s.id, p.id, "draft", "anna", TODAY)
    assert (r.follow_up, r.outcome, r.closed_at, r.held_from, r.version) == (TODAY + timedelta(days=7), None, None, None, 1)
    assert "Karin" not in repr(r)

    def go(status: str, **kw: Any) -> k.Referral:
        return hub.change_referral(coordinator, r.id, status, **kw)

    with pytest.raises(k.ConflictError):
        go("accepted")  # a draft must be sent first
    hub.set_now(NOW + timedelta(hours=2))
    r = go("requested")
    assert (r.status, r.requested_at) == ("requested", NOW + timedelta(hours=2))
    r = go("accepted")
    r = go("in_progress", follow_up=TODAY + timedelta(days=14))
    assert r.follow_up == TODAY + timedelta(days=14)
    r = go("on_hold")
    assert (r.status, r.held_from) == ("on_hold", "in_progress")
    with pytest.raises(k.ConflictError):
        go("accepted")  # on hold goes back only where it came from
    r = go("in_progress")
    assert r.held_from is None
    with pytest.raises(k.ValidationError) as e:
        go("completed")  # closing needs an outcome
    assert e.value.field == "outcome"
    with pytest.raises(k.ValidationError) as e:
        go("on_hold", outcome="got_help")  # an open referral has none
    assert e.value.field == "outcome"
    with pytest.raises(k.ValidationError) as e:
        go("done")
    assert e.value.field == "referral_status"
    # the signal stays open while its referral is
    with pytest.raises(k.ConflictError):
        hub.close_signal(coordinator, s.id)
    r = go("completed", outcome="got_help")
    assert (r.status, r.outcome, r.follow_up, r.closed_at) == ("completed", "got_help", None, NOW + timedelta(hours=2))
    for status in ("in_progress", "cancelled", "on_hold"):
        with pytest.raises(k.ConflictError):
            go(status)
    assert hub.referral(coordinator, r.id) == r
    assert [x.action for x in journal(hub, admin) if x.entity_id == r.id] == [
        "referral.created", *["referral.status_changed"] * 6
    ]
    closed = hub.close_signal(coordinator, s.id)
    assert (closed.status, closed.closed_at) == ("closed", NOW + timedelta(hours=2))
    with pytest.raises(k.ConflictError):
        hub.refer(coordinator, s.id, p.id)  # closed signal
    with pytest.raises(k.ConflictError):
        hub.close_signal(coordinator, s.id)


def test_referral_listing_and_roles(hub: k.Hub, coordinator: k.Actor) -> None:
    bea = volunteer(hub, coordinator, "bea")
    p, food = wij(hub, coordinator), voedselbank(hub, coordinator)
    s = record(hub, bea)
    mine = hub.refer(bea, s.id, p.id, request=True)  # a volunteer refers their own signal
    tick(hub)
    other = hub.refer(coordinator, s.id, food.id)
    hub.change_referral(coordinator, other.id, "cancelled", outcome="no_longer_interested")
    tick(hub)
    elsewhere = hub.refer(coordinator, record(hub, coordinator).id, food.id)
    assert [x.id for x in hub.referrals(coordinator)] == [mine.id, other.id, elsewhere.id]
    assert [x.id for x in hub.referrals(coordinator, signal_id=s.id)] == [mine.id, other.id]
    assert [x.id for x in hub.referrals(coordinator, signal_id=s.id, open_only=True)] == [mine.id]
    for call in (
        lambda: hub.change_referral(bea, mine.id, "accepted"),
        lambda: hub.referral(bea, mine.id),
        lambda: hub.referrals(bea),
        lambda: hub.set_follow_up(bea, mine.id, None),
    ):
        with pytest.raises(k.ForbiddenError):
            call()
    with pytest.raises(k.ForbiddenError):
        hub.refer(bea, elsewhere.signal_id, p.id)  # not their signal
    # a partner that does not take referrals
    hub.set_partner_status(coordinator, p.id, "temporarily_closed")
    with pytest.raises(k.ConflictError):
        hub.refer(coordinator, s.id, p.id)
    with pytest.raises(k.NotFoundError) as e:
        hub.refer(coordinator, s.id, NOBODY)
    assert e.value.entity == "partner"
    with pytest.raises(k.NotFoundError):
        hub.referral(coordinator, NOBODY)


def test_follow_ups_due(hub: k.Hub, coordinator: k.Actor) -> None:
    p, food = wij(hub, coordinator), voedselbank(hub, coordinator)
    quiet = record(hub, coordinator, do_not_contact=True, urgency="high")
    later = hub.refer(coordinator, quiet.id, p.id, follow_up=TODAY + timedelta(days=7))
    sooner = hub.refer(coordinator, record(hub, coordinator).id, food.id, follow_up=TODAY + timedelta(days=3))
    hub.refer(coordinator, record(hub, coordinator).id, p.id)  # no follow-up
    assert hub.follow_ups_due(coordinator) == []
    due = hub.follow_ups_due(coordinator, on=TODAY + timedelta(days=7))
    assert [f.referral.id for f in due] == [sooner.id, later.id]
    first, second = due
    assert isinstance(first, k.FollowUpDue) and first.referral == sooner
    assert (first.partner_name, first.urgency, first.do_not_contact) == ("Voedselbank Groningen", "normal", False)
    assert (second.partner_name, second.urgency, second.do_not_contact) == ("WIJ Lewenborg", "high", True)
    hub.set_now(NOW + timedelta(days=3))
    assert [f.referral.id for f in hub.follow_ups_due(coordinator)] == [sooner.id]  # default: today
    moved = hub.set_follow_up(coordinator, sooner.id, TODAY + timedelta(days=10))
    assert moved.follow_up == TODAY + timedelta(days=10)
    assert hub.follow_ups_due(coordinator) == []
    cleared = hub.set_follow_up(coordinator, sooner.id, None)
    assert cleared.follow_up is None
    with pytest.raises(k.ValidationError) as e:
        hub.set_follow_up(coordinator, later.id, TODAY)  # now in the past
    assert e.value.field == "follow_up"
    hub.change_referral(coordinator, later.id, "cancelled", outcome="referred_elsewhere")
    with pytest.raises(k.ConflictError):
        hub.set_follow_up(coordinator, later.id, TODAY + timedelta(days=30))
    assert hub.follow_ups_due(coordinator, on=TODAY + timedelta(days=365)) == []


# ---- retention ----


def test_signal_policy(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    policy = hub.signal_policy(coordinator)
    assert isinstance(policy, k.SignalPolicy)
    assert policy.to_dict() == {"retention_months": 12, "suppression_threshold": 10}
    set_ = hub.set_signal_policy(coordinator, retention_months=6, suppression_threshold=5)
    assert (set_.retention_months, set_.suppression_threshold) == (6, 5)
    assert hub.signal_policy(admin) == set_
    assert hub.set_signal_policy(admin, **policy.to_dict()) == policy
    before = journal(hub, admin)
    for kw, field in [
        ({"retention_months": 0}, "retention_months"),
        ({"retention_months": 121}, "retention_months"),
        ({"retention_months": -1}, "retention_months"),
        ({"suppression_threshold": 1}, "suppression_threshold"),
        ({"suppression_threshold": 2**40}, "suppression_threshold"),
    ]:
        with pytest.raises(k.ValidationError) as e:
            hub.set_signal_policy(coordinator, **kw)
        assert e.value.field == field, kw
    assert journal(hub, admin) == before
    with pytest.raises(k.ForbiddenError):
        hub.set_signal_policy(volunteer(hub, coordinator, "bea"))


def test_purge_after_retention(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    hub.set_signal_policy(admin, retention_months=1)
    old = record(hub, coordinator)
    still_open = record(hub, coordinator, ["food"])
    hub.close_signal(coordinator, old.id)
    nothing = hub.purge_signals(admin)
    assert isinstance(nothing, k.PurgeReport) and nothing.erased == []
    assert nothing.closed_before == NOW - timedelta(days=28)  # one month before 2 March
    with pytest.raises(k.ForbiddenError):
        hub.purge_signals(coordinator)

    hub.set_now(NOW + timedelta(days=40))
    report = hub.purge_signals(admin)
    assert report.erased == [old.id]
    assert report.closed_before == datetime(2026, 3, 11, 12, tzinfo=timezone.utc)
    [entry] = journal(hub, admin, "signals.purged")
    assert entry.detail["signals"] == [old.id]
    gone = hub.signal(coordinator, old.id)
    assert (gone.person, gone.contact, gone.summary) == (None, None, None)
    assert gone.personal_erased_at == NOW + timedelta(days=40)
    assert (gone.domains, gone.status, gone.consent) == (old.domains, "closed", "given")  # the coded facts stay
    assert hub.signal(coordinator, still_open.id).summary == SUMMARY
    assert hub.purge_signals(admin).erased == []
    stats = hub.signal_statistics(coordinator, *MARCH)
    assert stats.by_domain.total == 2


# ---- partners ----


def test_partners_directory(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    p = wij(hub, coordinator)
    assert isinstance(p, k.Partner) and isinstance(p.services[0], k.PartnerService)
    assert (p.name, p.status, p.version, p.email, p.phone, p.website) == (
        "WIJ Lewenborg", "active", 1, "lewenborg@wij.groningen.nl", "050 367 5000", "https://wij.groningen.nl",
    )
    assert [(s.name, s.domains) for s in p.services] == [
        ("Schuldhulp", ["money_debt", "paperwork"]),
        ("Maatschappelijk werk", ["loneliness", "family_parenting"]),
    ]
    assert p.services[1].description == "Een maatschappelijk werker komt langs"
    food = voedselbank(hub, coordinator)
    assert (food.description, food.email, food.phone, food.website) == (None, None, None, None)
    bea = volunteer(hub, coordinator, "bea")
    assert hub.partners(bea) == [food, p]  # by name; every role may read
    assert hub.partner(bea, p.id) == p

    # Replacing: a service given with its id (object or to_dict()) keeps it.
    kept = p.services[0]
    q = hub.update_partner(
        coordinator, p.id, "WIJ Lewenborg-Noorddijk",
        [kept, {**p.services[1].to_dict(), "domains": ["loneliness"]}, {"name": "Wijkrestaurant", "domains": ["food"]}],
        email="noorddijk@wij.groningen.nl",
    )
    assert (q.name, q.version, q.email, q.phone, q.description) == ("WIJ Lewenborg-Noorddijk", 2, "noorddijk@wij.groningen.nl", None, None)
    assert [s.id for s in q.services[:2]] == [kept.id, p.services[1].id]
    assert q.services[1].domains == ["loneliness"] and q.services[2].id not in {s.id for s in p.services}
    r = hub.set_partner_status(coordinator, p.id, "inactive")
    assert (r.status, r.version) == ("inactive", 3)

    before = journal(hub, admin)
    refused: list[tuple[str, Any, dict[str, Any]]] = [
        ("services", [], {}),
        ("email", [{"name": "X", "domains": ["food"]}], {"email": "050 367 5000"}),
        ("email", [{"name": "X", "domains": ["food"]}], {"email": "geen-adres"}),
        ("phone", [{"name": "X", "domains": ["food"]}], {"phone": "a@b.nl"}),
        ("name", [{"name": "X", "domains": ["food"]}], {"status": "active", "description": None, "website": None}),
        ("services", [{"name": "X", "domains": ["food"], "colour": "red"}], {}),
        ("services", [{"name": "X"}], {}),
        ("services[1].domains", [{"name": "X", "domains": ["food"]}, {"name": "Y", "domains": []}], {}),
        ("services[0].name", [{"name": " ", "domains": ["food"]}], {}),
        ("signal_domain", [{"name": "X", "domains": ["debts"]}], {}),
        ("partner_status", [{"name": "X", "domains": ["food"]}], {"status": "closed"}),
        ("website", [{"name": "X", "domains": ["food"]}], {"website": "wij dot nl"}),
    ]
    for field, services, kw in refused:
        name = "  " if field == "name" else "Buurtzorg"
        with pytest.raises(k.ValidationError) as e:
            hub.register_partner(coordinator, name, services, **kw)
        assert e.value.field == field, (field, e.value)
    with pytest.raises(k.NotFoundError):
        hub.update_partner(coordinator, p.id, "X", [{"id": NOBODY, "name": "X", "domains": ["food"]}])
    with pytest.raises(k.ValidationError) as e:
        hub.update_partner(coordinator, p.id, "X", [{"id": "nope", "name": "X", "domains": ["food"]}])
    assert e.value.field == "partner_service_id"
    for bad in ({"name": "X", "domains": ["food"]}, "Schuldhulp", [("X", ["food"])]):
        with pytest.raises(TypeError):
            hub.register_partner(coordinator, "X", bad)  # type: ignore[arg-type]
    with pytest.raises(k.ForbiddenError):
        hub.register_partner(bea, "X", [{"name": "X", "domains": ["food"]}])
    with pytest.raises(k.ForbiddenError):
        hub.set_partner_status(bea, p.id, "active")
    assert journal(hub, admin) == before
    with pytest.raises(k.NotFoundError):
        hub.partner(bea, NOBODY)


def test_partner_suggestions(hub: k.Hub, coordinator: k.Actor) -> None:
    team, food = wij(hub, coordinator), voedselbank(hub, coordinator)
    s = record(hub, coordinator, ["money_debt", "food", "loneliness"])
    suggestions = hub.partner_suggestions(coordinator, s.id)
    assert all(isinstance(x, k.PartnerSuggestion) for x in suggestions)
    # most matched domains first (WIJ: money and loneliness; food bank: money and food), then by name
    assert [(x.partner.name, x.matched) for x in suggestions] == [
        ("Voedselbank Groningen", ["money_debt", "food"]),
        ("WIJ Lewenborg", ["loneliness", "money_debt"]),
    ]
    assert suggestions[1].services == [sv.id for sv in team.services]
    assert suggestions[0].partner == food
    hub.set_partner_status(coordinator, team.id, "inactive")
    assert [x.partner.id for x in hub.partner_suggestions(coordinator, s.id)] == [food.id]
    assert hub.partner_suggestions(coordinator, record(hub, coordinator, ["addiction"]).id) == []
    bea = volunteer(hub, coordinator, "bea")
    own = record(hub, bea, ["food"])
    assert [x.partner.id for x in hub.partner_suggestions(bea, own.id)] == [food.id]


# ---- HSDS 3.0 ----


def hsds_validators(strict: bool = False) -> tuple[Any, Any]:
    """Validators for HSDS organisations and services; their relative
    ``$ref``s resolve among the schema files. ``strict`` also refuses any
    property the schemas do not name."""
    jsonschema = pytest.importorskip("jsonschema", reason="pip install -r scripts/requirements-dev.txt")
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    def load(path: Path) -> dict[str, Any]:
        schema = json.loads(path.read_text(encoding="utf-8"))
        return _closed(schema) if strict else schema

    schemas = {p.name: load(p) for p in sorted(HSDS.glob("*.json"))}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in schemas.items()
    )
    formats = jsonschema.FormatChecker()
    if "uri" not in formats.checkers:  # jsonschema checks uri only with an optional package
        from urllib.parse import urlsplit

        formats.checks("uri")(lambda v: not isinstance(v, str) or bool(urlsplit(v).scheme and urlsplit(v).netloc))
    make = lambda name: jsonschema.Draft202012Validator(  # noqa: E731
        schemas[name], registry=registry, format_checker=formats
    )
    return make("organization.json"), make("service.json")


def _closed(schema: Any) -> Any:
    """The schema with ``additionalProperties: false`` on every object that lists its properties."""
    if isinstance(schema, dict):
        out = {key: _closed(v) for key, v in schema.items()}
        if isinstance(schema.get("properties"), dict):
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [_closed(v) for v in schema]
    return schema


def test_hsds_export_validates(hub: k.Hub, coordinator: k.Actor, researcher: k.Actor) -> None:
    team, food = wij(hub, coordinator), voedselbank(hub, coordinator)
    hub.set_partner_status(coordinator, food.id, "temporarily_closed")
    export = hub.partners_hsds(researcher)
    assert isinstance(export, dict) and set(export) == {"organizations", "services"}
    organizations, services = export["organizations"], export["services"]
    assert [o["name"] for o in organizations] == ["Voedselbank Groningen", "WIJ Lewenborg"]
    assert len(services) == 3
    for strict in (False, True):
        organization, service = hsds_validators(strict)
        for o in organizations:
            organization.validate(o)
        for s in services:
            service.validate(s)
    # the formats are checked: a broken export would fail
    organization, service = hsds_validators()
    assert not organization.is_valid({**organizations[1], "id": "nope"})
    assert not organization.is_valid({**organizations[1], "email": "geen-adres"})
    assert not organization.is_valid({**organizations[1], "website": "wij dot nl"})
    assert not service.is_valid({**services[0], "status": "temporarily_closed"})

    wij_org = organizations[1]
    assert (wij_org["id"], wij_org["email"], wij_org["website"]) == (team.id, team.email, team.website)
    assert [ph["number"] for ph in wij_org["phones"]] == ["050 367 5000"]
    assert organizations[0]["description"] == "Voedselbank Groningen"  # required: the name stands in
    by_id = {s["id"]: s for s in services}
    pakket = by_id[food.services[0].id]
    assert (pakket["organization_id"], pakket["status"]) == (food.id, "temporarily closed")
    terms = [a["taxonomy_term"] for a in by_id[team.services[0].id]["attributes"]]
    assert [(t["code"], t["name"], t["language"]) for t in terms] == [
        ("money_debt", "geldzorgen en schulden", "nl"), ("paperwork", "post en formulieren", "nl")
    ]
    english = hub.partners_hsds(researcher, lang="en")
    terms_en = [a["taxonomy_term"] for a in {s["id"]: s for s in english["services"]}[team.services[0].id]["attributes"]]
    assert [(t["name"], t["language"], t["id"]) for t in terms_en] == [
        ("money and debt", "en", terms[0]["id"]), ("paperwork", "en", terms[1]["id"])
    ]
    assert hub.partners_hsds(researcher) == export  # stable from one export to the next
    with pytest.raises(k.ValidationError) as e:
        hub.partners_hsds(researcher, lang="de")
    assert e.value.field == "lang"


def test_hsds_schema_copies_match_shared() -> None:
    if not SHARED_HSDS.is_dir():
        pytest.skip(f"{SHARED_HSDS} is not there to compare with")
    shared = {p.name: p.read_bytes() for p in SHARED_HSDS.glob("*.json")}
    ours = {p.name: p.read_bytes() for p in HSDS.glob("*.json")}
    assert ours == shared


# ---- vocabularies ----


def test_signal_vocabularies() -> None:
    names = k.vocabularies()
    for name in ["signal_domain", "urgency", "consent", "signal_status", "partner_status",
                 "referral_status", "referral_outcome"]:
        assert name in names
        assert all(e["code"] and e["nl"] and e["en"] for e in k.labels(name))
    assert {e["code"]: e["nl"] for e in k.labels("urgency")}["acute"] == "acuut"
    assert [e["code"] for e in k.labels("referral_status")][:3] == ["draft", "requested", "accepted"]
