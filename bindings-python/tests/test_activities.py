"""Activities: creating, changing and archiving them, weekly and monthly
schedules with idempotent session generation, schedule changes that keep the
past, cancelled and extra sessions, attendance, residents registered with
consent (and forgotten), the ideas pipeline, the daily table tally and the
activity report with researchers' suppression."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

import kringloop as k
from conftest import NOW, TODAY, t

NOBODY = "019cae6b-6600-7000-8000-00000000abcd"
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
SPRING = (date(2026, 2, 1), date(2026, 3, 31))


# ---- helpers ----


def volunteer(hub: k.Hub, coordinator: k.Actor, name: str) -> k.Actor:
    """A volunteer actor linked to a new volunteer record."""
    v = hub.register_volunteer(coordinator, name.title(), status="active")
    return k.Actor(name, "volunteer", volunteer_id=v.id)


def crochet(hub: k.Hub, actor: k.Actor) -> k.Activity:
    """Haken en breien: a craft activity for at most 12 people."""
    return hub.create_activity(actor, "Haken en breien", "craft", capacity=12, location="aan de grote tafel")


def weekly(*weekdays: str, every: int = 1) -> Any:
    """A weekly recurrence, as ``Hub.set_schedule`` takes it."""
    return {"freq": "weekly", "every": every, "weekdays": list(weekdays)}


def journal(hub: k.Hub, admin: k.Actor, action: str | None = None) -> list[k.JournalRecord]:
    rows = hub.journal(admin, limit=10_000)
    return [r for r in rows if action is None or r.action == action]


def tick(hub: k.Hub) -> None:
    """One second on, so records made one after another sort in that order."""
    hub.set_now(hub.now + timedelta(seconds=1))


# ---- vocabularies ----


def test_activity_vocabularies() -> None:
    names = k.vocabularies()
    for v in ("activity_kind", "activity_status", "nth", "session_status", "idea_status"):
        assert v in names, v
    kinds = {e["code"]: e["nl"] for e in k.labels("activity_kind")}
    assert kinds["craft"] == "handwerk" and "idea_evening" in kinds
    assert [e["code"] for e in k.labels("nth")] == ["first", "second", "third", "fourth", "last"]
    assert [e["code"] for e in k.labels("idea_status")] == ["new", "discussed", "adopted", "realised", "declined"]


# ---- activities ----


def test_create_update_archive(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    greet = hub.register_volunteer(coordinator, "Greet")
    a = hub.create_activity(coordinator, "Inloopkoor", "music", leaders=[greet.id, greet.id], price=150)
    assert isinstance(a, k.Activity)
    assert (a.name, a.kind, a.leaders, a.price, a.status, a.version) == (
        "Inloopkoor", "music", [greet.id], 150, "active", 1
    )
    assert (a.description, a.location, a.capacity) == (None, None, None)
    assert hub.activity(coordinator, a.id) == a
    assert repr(a) == f"Activity(id='{a.id}', name='Inloopkoor', kind='music', status='active', capacity=None)"
    assert a.to_dict()["leaders"] == [greet.id]
    [entry] = journal(hub, admin, "activity.created")
    assert entry.entity_id == a.id

    # Update replaces the details: what is left out is cleared.
    u = hub.update_activity(coordinator, a.id, "Inloopkoor De Bieb", "music", capacity=40,
                            description="Zingen zonder auditie")
    assert (u.name, u.capacity, u.description, u.price, u.leaders, u.version) == (
        "Inloopkoor De Bieb", 40, "Zingen zonder auditie", 0, [], 2
    )

    archived = hub.set_activity_status(coordinator, a.id, "archived")
    assert (archived.status, archived.version) == ("archived", 3)
    assert hub.activities(coordinator) == []
    assert hub.activities(coordinator, include_archived=True) == [archived]
    # An archived activity takes no schedule and no session.
    with pytest.raises(k.ConflictError):
        hub.set_schedule(coordinator, a.id, weekly("tuesday"), TODAY, t(14), t(16))
    with pytest.raises(k.ConflictError):
        hub.add_session(coordinator, a.id, TODAY, t(14), t(16))
    with pytest.raises(k.ConflictError):
        hub.generate_sessions(coordinator, *MARCH, activity_id=a.id)
    again = hub.set_activity_status(coordinator, a.id, "active")
    assert [x.id for x in hub.activities(coordinator)] == [again.id]


def test_bad_activities_change_nothing(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    before = journal(hub, admin)
    refused: list[tuple[str, str, str, dict[str, Any]]] = [
        ("name", " ", "other", {}),
        ("name", "x" * 121, "other", {}),
        ("activity_kind", "Schilderen", "painting", {}),
        ("capacity", "Schilderen", "creative", {"capacity": 0}),
        ("capacity", "Schilderen", "creative", {"capacity": 1001}),
        ("capacity", "Schilderen", "creative", {"capacity": -1}),
        ("price", "Schilderen", "creative", {"price": -5}),
        ("volunteer_id", "Schilderen", "creative", {"leaders": ["nope"]}),
    ]
    for field, name, kind, kw in refused:
        with pytest.raises(k.ValidationError) as e:
            hub.create_activity(coordinator, name, kind, **kw)
        assert e.value.field == field, (field, e.value)
    with pytest.raises(k.NotFoundError) as nf:
        hub.create_activity(coordinator, "Schilderen", "creative", leaders=[NOBODY])
    assert nf.value.entity == "volunteer"
    with pytest.raises(TypeError):
        hub.create_activity(coordinator, "Schilderen", "creative", leaders=NOBODY)  # type: ignore[arg-type]
    assert journal(hub, admin) == before
    assert hub.activities(coordinator, include_archived=True) == []
    with pytest.raises(k.NotFoundError) as nf:
        hub.activity(coordinator, NOBODY)
    assert (nf.value.entity, nf.value.id) == ("activity", NOBODY)
    with pytest.raises(k.ValidationError) as e:
        hub.activity(coordinator, "nope")
    assert e.value.field == "activity_id"
    with pytest.raises(k.ValidationError) as e:
        hub.set_activity_status(coordinator, NOBODY, "stopped")
    assert e.value.field == "activity_status"


# ---- schedules and sessions ----


def test_weekly_sessions_are_generated_idempotently(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    a = crochet(hub, coordinator)
    change = hub.set_schedule(coordinator, a.id, weekly("thursday", "tuesday"), date(2026, 3, 3), t(14), t(16))
    assert isinstance(change, k.ScheduleChange) and change.removed_sessions == 0
    s = change.schedule
    assert s.recurrence == {"freq": "weekly", "every": 1, "weekdays": ["tuesday", "thursday"]}
    assert (s.activity_id, s.starts_on, s.start, s.end, s.until, s.count) == (
        a.id, date(2026, 3, 3), t(14), t(16), None, None
    )
    assert hub.schedules(coordinator, a.id) == [s]
    assert list(s.recurrence) == ["freq", "every", "weekdays"]  # keys in the order they are written
    assert f"recurrence={{'freq': 'weekly', 'every': 1, 'weekdays': ['tuesday', 'thursday']}}, starts_on=2026-03-03" in repr(s)
    assert s.to_dict()["recurrence"] == s.recurrence

    assert hub.generate_sessions(coordinator, *MARCH, activity_id=a.id) == 9
    before = journal(hub, admin)
    assert hub.generate_sessions(coordinator, *MARCH) == 0
    assert journal(hub, admin) == before, "nothing new, nothing journalled"
    sessions = hub.sessions(coordinator, *MARCH, activity_id=a.id)
    assert [x.date for x in sessions[:3]] == [date(2026, 3, 3), date(2026, 3, 5), date(2026, 3, 10)]
    assert all(x.status == "planned" and x.attendance is None and x.schedule_id == s.id for x in sessions)
    assert (sessions[0].start, sessions[0].end, sessions[0].activity_id) == (t(14), t(16), a.id)

    # A cancelled session stays cancelled when generating again.
    cancelled = hub.cancel_session(coordinator, sessions[1].id, "Lekkage in de zaal")
    assert (cancelled.status, cancelled.cancel_reason, cancelled.version) == ("cancelled", "Lekkage in de zaal", 2)
    assert hub.generate_sessions(coordinator, *MARCH, activity_id=a.id) == 0
    assert hub.session(coordinator, sessions[1].id) == cancelled
    with pytest.raises(k.ConflictError):
        hub.cancel_session(coordinator, sessions[1].id, "nog eens")
    with pytest.raises(k.ValidationError) as e:
        hub.cancel_session(coordinator, sessions[2].id, " ")
    assert e.value.field == "reason"

    # An extra session; not twice at the same time.
    extra = hub.add_session(coordinator, a.id, date(2026, 3, 7), t(10), t(12))
    assert (extra.schedule_id, extra.status, extra.date) == (None, "planned", date(2026, 3, 7))
    with pytest.raises(k.ConflictError):
        hub.add_session(coordinator, a.id, date(2026, 3, 3), t(14), t(15))
    with pytest.raises(k.ValidationError):
        hub.add_session(coordinator, a.id, date(2026, 3, 8), t(15), t(14))
    assert len(hub.sessions(coordinator, *MARCH)) == 10
    assert hub.sessions(coordinator, date(2026, 3, 7), date(2026, 3, 7)) == [extra]

    # Generation windows are bounded (at most 400 days).
    with pytest.raises(k.ValidationError) as e:
        hub.generate_sessions(coordinator, date(2026, 1, 1), date(2027, 6, 1))
    assert e.value.field == "period"
    with pytest.raises(k.ValidationError):
        hub.sessions(coordinator, date(2026, 3, 31), date(2026, 3, 1))
    with pytest.raises(k.NotFoundError) as nf:
        hub.session(coordinator, NOBODY)
    assert nf.value.entity == "session"


def test_every_other_week(hub: k.Hub, coordinator: k.Actor) -> None:
    a = crochet(hub, coordinator)
    # From Wednesday 4 March: that week's Tuesday has passed.
    hub.set_schedule(coordinator, a.id, weekly("tuesday", "thursday", every=2), date(2026, 3, 4), t(14), t(16))
    hub.generate_sessions(coordinator, *MARCH)
    dates = [s.date for s in hub.sessions(coordinator, *MARCH)]
    assert dates == [date(2026, 3, 5), date(2026, 3, 17), date(2026, 3, 19), date(2026, 3, 31)]


def test_monthly_schedules_and_bad_rules(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    film = hub.create_activity(coordinator, "Filmavond", "film")
    change = hub.set_schedule(
        coordinator, film.id, {"freq": "monthly", "nth": "last", "weekday": "friday"},  # every: 1 by default
        date(2026, 1, 1), t(19, 30), t(22), count=10,
    )
    assert change.schedule.recurrence == {"freq": "monthly", "every": 1, "nth": "last", "weekday": "friday"}
    assert change.schedule.count == 10
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert hub.generate_sessions(coordinator, *year, activity_id=film.id) == 10
    dates = [s.date for s in hub.sessions(coordinator, *year, activity_id=film.id)]
    assert dates[:3] == [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27)]
    assert dates[-1] == date(2026, 10, 30)
    assert hub.sessions(coordinator, *year)[0].start == t(19, 30)

    # Rules that cannot be: refused, nothing stored.
    before = journal(hub, admin)
    refused: list[tuple[str, Any, date, dict[str, Any]]] = [
        ("recurrence", weekly("monday"), date(2026, 3, 3), {"until": date(2026, 3, 8)}),  # never occurs
        ("until", weekly("monday"), date(2026, 3, 3), {"until": date(2026, 3, 1)}),
        ("count", weekly("monday"), TODAY, {"count": 0}),
        ("count", weekly("monday"), TODAY, {"count": -1}),
        ("every", weekly("monday", every=0), TODAY, {}),
        ("every", weekly("monday", every=53), TODAY, {}),
        ("every", weekly("monday", every=-1), TODAY, {}),
        ("weekdays", weekly(), TODAY, {}),
        ("weekday", weekly("maandag"), TODAY, {}),
        ("nth", {"freq": "monthly", "nth": "fifth", "weekday": "friday"}, TODAY, {}),
        ("recurrence", {"freq": "daily", "every": 1}, TODAY, {}),
        ("recurrence", {"every": 1, "weekdays": ["monday"]}, TODAY, {}),
        ("recurrence", {"freq": "weekly"}, TODAY, {}),
        ("recurrence", {"freq": "monthly", "weekday": "friday"}, TODAY, {}),
        ("recurrence", {"freq": "weekly", "weekdays": ["monday"], "nth": "first"}, TODAY, {}),
    ]
    for field, rule, starts_on, kw in refused:
        with pytest.raises(k.ValidationError) as e:
            hub.set_schedule(coordinator, film.id, rule, starts_on, t(14), t(16), **kw)
        assert e.value.field == field, (field, rule, e.value)
    with pytest.raises(k.ValidationError):
        hub.set_schedule(coordinator, film.id, weekly("monday"), TODAY, t(16), t(14))
    with pytest.raises(TypeError):
        hub.set_schedule(coordinator, film.id, [("freq", "weekly")], TODAY, t(14), t(16))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hub.set_schedule(coordinator, film.id, {"freq": "weekly", "weekdays": "monday"}, TODAY, t(14), t(16))  # type: ignore[typeddict-item]
    assert journal(hub, admin) == before
    assert len(hub.schedules(coordinator, film.id)) == 1


def test_changing_a_schedule_keeps_the_past(hub: k.Hub, coordinator: k.Actor) -> None:
    a = crochet(hub, coordinator)
    first = hub.set_schedule(coordinator, a.id, weekly("tuesday"), date(2026, 2, 3), t(14), t(16)).schedule
    assert hub.generate_sessions(coordinator, *SPRING, activity_id=a.id) == 9
    held = hub.sessions(coordinator, *SPRING, activity_id=a.id)[0]
    hub.record_attendance(coordinator, held.id, headcount=7)

    # A change may not start in the past.
    with pytest.raises(k.ValidationError) as e:
        hub.set_schedule(coordinator, a.id, weekly("wednesday"), date(2026, 2, 25), t(14), t(16))
    assert e.value.field == "starts_on"
    # From next Monday on Wednesdays: planned Tuesdays from then go, the past stays.
    wednesdays: Any = {**first.recurrence, "weekdays": ["wednesday"]}  # a schedule's recurrence goes back in
    change = hub.set_schedule(coordinator, a.id, wednesdays, date(2026, 3, 9), t(14), t(16))
    assert change.removed_sessions == 4  # 10, 17, 24, 31 March
    assert hub.generate_sessions(coordinator, *SPRING, activity_id=a.id) == 3  # 11, 18, 25 March
    dates = [s.date for s in hub.sessions(coordinator, *SPRING, activity_id=a.id)]
    assert dates == [date(2026, 2, d) for d in (3, 10, 17, 24)] + [date(2026, 3, d) for d in (3, 11, 18, 25)]
    old, new = hub.schedules(coordinator, a.id)
    assert (old.id, old.until, new.id, new.until) == (first.id, date(2026, 3, 8), change.schedule.id, None)
    attendance = hub.session(coordinator, held.id).attendance
    assert attendance is not None and attendance.headcount == 7


# ---- attendance and residents ----


def test_attendance_rules(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    a = crochet(hub, coordinator)  # capacity 12
    rina = volunteer(hub, coordinator, "rina")
    assert rina.volunteer_id is not None
    truus = hub.register_resident(rina, "Truus", consent=True)
    past = hub.add_session(coordinator, a.id, date(2026, 2, 24), t(14), t(16))
    future = hub.add_session(coordinator, a.id, date(2026, 3, 10), t(14), t(16))
    named: dict[str, Any] = {"volunteers": [rina.volunteer_id], "residents": [truus.id]}

    before = journal(hub, admin)
    refused: list[tuple[str, str, dict[str, Any]]] = [
        ("headcount", past.id, {"headcount": 1, **named}),  # fewer than named
        ("headcount", past.id, {"headcount": 13}),  # over the capacity
        ("headcount", past.id, {"headcount": -1}),
        ("first_timers", past.id, {"headcount": 3, "first_timers": 4}),
        ("first_timers", past.id, {"headcount": 3, "first_timers": -1}),
        ("participants", past.id, {"headcount": 3, "volunteers": [rina.volunteer_id] * 2}),
        ("date", future.id, {"headcount": 3}),  # not happened yet
        ("resident_id", past.id, {"residents": ["nope"]}),
    ]
    for field, session, kw in refused:
        with pytest.raises(k.ValidationError) as e:
            hub.record_attendance(rina, session, **kw)
        assert e.value.field == field, (field, kw, e.value)
    with pytest.raises(k.NotFoundError) as nf:
        hub.record_attendance(rina, past.id, headcount=3, residents=[NOBODY])
    assert nf.value.entity == "resident"
    with pytest.raises(TypeError):
        hub.record_attendance(rina, past.id, volunteers=rina.volunteer_id)  # type: ignore[arg-type]
    assert journal(hub, admin) == before

    # Good: 8 people, 2 new, two of them named; then corrected.
    s = hub.record_attendance(rina, past.id, headcount=8, first_timers=2, **named)
    at = s.attendance
    assert isinstance(at, k.Attendance)
    assert (at.headcount, at.first_timers, at.volunteers, at.residents) == (8, 2, [rina.volunteer_id], [truus.id])
    assert (at.recorded_by, at.recorded_at, s.status) == ("rina", NOW, "planned")
    assert hub.session(coordinator, past.id) == s
    assert isinstance(s.to_dict()["attendance"], k.Attendance)
    fixed = hub.record_attendance(rina, past.id, headcount=9, first_timers=2, **named)
    assert fixed.attendance is not None
    assert (fixed.attendance.headcount, fixed.version) == (9, s.version + 1)

    # Held sessions cannot be cancelled; cancelled ones take no attendance.
    with pytest.raises(k.ConflictError):
        hub.cancel_session(coordinator, past.id, "te laat")
    gone = hub.add_session(coordinator, a.id, date(2026, 2, 26), t(14), t(16))
    hub.cancel_session(coordinator, gone.id, "ziek")
    with pytest.raises(k.ConflictError):
        hub.record_attendance(rina, gone.id, headcount=2)

    # Forgetting a resident removes their name, keeps the headcount.
    hub.forget_resident(rina, truus.id)
    after = hub.session(coordinator, past.id).attendance
    assert after is not None
    assert (after.headcount, after.volunteers, after.residents) == (9, [rina.volunteer_id], [])

    # Only names, no headcount: the headcount is the number of names.
    only = hub.add_session(coordinator, a.id, date(2026, 2, 17), t(14), t(16))
    s = hub.record_attendance(rina, only.id, volunteers=(v for v in [rina.volunteer_id]))
    assert s.attendance is not None and s.attendance.headcount == 1
    # Today's session counts as begun.
    today = hub.add_session(coordinator, a.id, TODAY, t(14), t(16))
    assert hub.record_attendance(rina, today.id).attendance is not None


def test_residents_with_and_without_consent(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    bea = volunteer(hub, coordinator, "bea")
    with pytest.raises(k.ValidationError) as e:
        hub.register_resident(bea, "Kees")  # consent defaults to False
    assert e.value.field == "consent"
    with pytest.raises(k.ValidationError) as e:
        hub.register_resident(bea, "Kees", contact="bel me", consent=True)
    assert e.value.field == "contact"
    with pytest.raises(k.ValidationError) as e:
        hub.register_resident(bea, " ", consent=True)
    assert e.value.field == "person"
    assert hub.residents(bea) == []

    truus = hub.register_resident(bea, "Truus", contact="06 1111 2222", consent=True)
    mo = hub.register_resident(coordinator, "Mo", consent=True)
    assert isinstance(truus, k.Resident)
    assert (truus.name, truus.contact, truus.consent_on, truus.registered_by) == ("Truus", "06 1111 2222", TODAY, "bea")
    assert [r.name for r in hub.residents(bea)] == ["Mo", "Truus"]
    # Name and contact never show in a repr, nor in the journal.
    assert repr(truus) == f"Resident(id='{truus.id}', consent_on=2026-03-02)"
    [entry] = [r for r in journal(hub, admin, "resident.registered") if r.entity_id == truus.id]
    assert "Truus" not in str(entry.detail) and "1111" not in str(entry.detail)

    hub.forget_resident(coordinator, truus.id)
    assert hub.residents(coordinator) == [mo]
    with pytest.raises(k.NotFoundError) as nf:
        hub.forget_resident(coordinator, truus.id)
    assert nf.value.entity == "resident"
    with pytest.raises(k.ValidationError) as e:
        hub.forget_resident(coordinator, "nope")
    assert e.value.field == "resident_id"


# ---- ideas ----


def test_ideas_pipeline(hub: k.Hub, coordinator: k.Actor) -> None:
    lotte = volunteer(hub, coordinator, "lotte")
    idea = hub.submit_idea(lotte, "Repair café", "Eens per maand samen spullen repareren",
                           contact="06 1111 2222", contact_consent=True)
    assert isinstance(idea, k.Idea)
    assert (idea.status, idea.contact, idea.submitted_on, idea.history, idea.version) == ("new", None, TODAY, [], 1)
    assert hub.idea(coordinator, idea.id).contact == "06 1111 2222"  # only coordinators and admins see it
    assert hub.idea(lotte, idea.id).contact is None
    assert "06 1111" not in repr(hub.idea(coordinator, idea.id))

    with pytest.raises(k.ValidationError) as e:
        hub.submit_idea(lotte, "x", "y", contact="06 1111 2222")
    assert e.value.field == "contact_consent"
    with pytest.raises(k.ValidationError) as e:
        hub.submit_idea(lotte, "x", "y", submitted_on=TODAY + timedelta(days=1))
    assert e.value.field == "submitted_on"
    with pytest.raises(k.ValidationError) as e:
        hub.submit_idea(lotte, " ", "y")
    assert e.value.field == "title"

    # No jumping from new to realised; volunteers do not move ideas.
    with pytest.raises(k.ConflictError):
        hub.change_idea(coordinator, idea.id, "realised")
    with pytest.raises(k.ForbiddenError) as f:
        hub.change_idea(lotte, idea.id, "discussed")
    assert f.value.action == "manage_ideas"
    with pytest.raises(k.ValidationError) as e:
        hub.change_idea(coordinator, idea.id, "discussed", activity_id=NOBODY)
    assert e.value.field == "activity"
    with pytest.raises(k.ValidationError) as e:
        hub.change_idea(coordinator, idea.id, "thought_about")
    assert e.value.field == "idea_status"
    discussed = hub.change_idea(coordinator, idea.id, "discussed", on=TODAY)
    [step] = discussed.history
    assert isinstance(step, k.IdeaChange)
    assert (step.on, step.from_status, step.to_status, step.reason, step.by) == (TODAY, "new", "discussed", None, "anna")
    hub.change_idea(coordinator, idea.id, "adopted")
    repair = hub.create_activity(coordinator, "Repair café", "craft")
    with pytest.raises(k.NotFoundError) as nf:
        hub.change_idea(coordinator, idea.id, "realised", activity_id=NOBODY)
    assert nf.value.entity == "activity"
    done = hub.change_idea(coordinator, idea.id, "realised", activity_id=repair.id)
    assert (done.status, done.activity_id, len(done.history), done.version) == ("realised", repair.id, 3, 4)
    assert [(h.from_status, h.to_status) for h in done.history] == [
        ("new", "discussed"), ("discussed", "adopted"), ("adopted", "realised")
    ]
    assert hub.idea(coordinator, idea.id) == done
    with pytest.raises(k.ConflictError):
        hub.change_idea(coordinator, idea.id, "declined", reason="te laat")  # realised is final

    # Declining needs a reason.
    tick(hub)
    other = hub.submit_idea(lotte, "Zwembad", "Een zwembad in de tuin")
    with pytest.raises(k.ValidationError) as e:
        hub.change_idea(coordinator, other.id, "declined")
    assert e.value.field == "reason"
    declined = hub.change_idea(coordinator, other.id, "declined", reason="Geen ruimte")
    assert declined.history[-1].reason == "Geen ruimte"
    assert [i.id for i in hub.ideas(coordinator, status="declined")] == [other.id]
    assert [i.id for i in hub.ideas(lotte)] == [idea.id, other.id]
    assert all(i.contact is None for i in hub.ideas(lotte))
    with pytest.raises(k.NotFoundError):
        hub.idea(coordinator, NOBODY)


# ---- the table tally ----


def test_tally_once_a_day_and_corrected(hub: k.Hub, coordinator: k.Actor, researcher: k.Actor) -> None:
    ria = volunteer(hub, coordinator, "ria")
    tally = hub.record_tally(ria, 23, 9)
    assert isinstance(tally, k.TableTally)
    assert (tally.date, tally.visitors, tally.conversations, tally.recorded_by, tally.version) == (TODAY, 23, 9, "ria", 1)
    with pytest.raises(k.ConflictError):
        hub.record_tally(ria, 1, 1)  # once a day
    fixed = hub.correct_tally(coordinator, 25, 9, date=TODAY)
    assert (fixed.visitors, fixed.version, fixed.recorded_by) == (25, 2, "anna")
    with pytest.raises(k.NotFoundError):
        hub.correct_tally(ria, 1, 0, date=TODAY - timedelta(days=1))
    with pytest.raises(k.ValidationError) as e:
        hub.record_tally(ria, 1, 0, date=TODAY + timedelta(days=1))
    assert e.value.field == "date"
    for visitors, conversations, field in [(5001, 0, "visitors"), (1, 5001, "conversations"), (-1, 0, "visitors")]:
        with pytest.raises(k.ValidationError) as e:
            hub.record_tally(ria, visitors, conversations, date=date(2026, 2, 2))
        assert e.value.field == field
    hub.record_tally(ria, 10, 4, date=date(2026, 2, 27))
    rows = hub.tallies(researcher, *SPRING)  # counts only: every role
    assert [(r.date, r.visitors) for r in rows] == [(date(2026, 2, 27), 10), (TODAY, 25)]


# ---- the report ----


@pytest.fixture
def busy_hub(hub: k.Hub, coordinator: k.Actor) -> k.Hub:
    """February and March: crochet on Tuesdays (9 people, 1 new, each time),
    the choir on Wednesdays (20 people, 3 new; 18 February cancelled), the
    tally on three days, and two ideas."""
    a = crochet(hub, coordinator)
    choir = hub.create_activity(coordinator, "Inloopkoor", "music")
    hub.set_schedule(coordinator, a.id, weekly("tuesday"), date(2026, 2, 3), t(14), t(16))
    hub.set_schedule(coordinator, choir.id, weekly("wednesday"), date(2026, 2, 4), t(19), t(21))
    hub.generate_sessions(coordinator, *SPRING)
    for s in hub.sessions(coordinator, *SPRING):
        if s.date >= TODAY:
            continue
        if s.activity_id == choir.id and s.date == date(2026, 2, 18):
            hub.cancel_session(coordinator, s.id, "dirigent ziek")
        elif s.activity_id == a.id:
            hub.record_attendance(coordinator, s.id, headcount=9, first_timers=1)
        else:
            hub.record_attendance(coordinator, s.id, headcount=20, first_timers=3)
    for day, visitors in [(date(2026, 2, 24), 20), (date(2026, 2, 26), 30), (TODAY, 15)]:
        hub.record_tally(coordinator, visitors, visitors // 2, date=day)
    idea = hub.submit_idea(coordinator, "Breicafé", "Ook op zaterdag")
    hub.change_idea(coordinator, idea.id, "discussed")
    hub.submit_idea(coordinator, "Boekenruil", "Een ruilkast")
    return hub


def test_report_numbers(busy_hub: k.Hub, coordinator: k.Actor) -> None:
    r = busy_hub.activity_report(coordinator, *SPRING)
    assert isinstance(r, k.ActivityReport)
    assert (r.start_date, r.end_date, r.threshold) == (*SPRING, None)
    rows = {(m.activity_name, m.month): m for m in r.months}
    assert [(m.month, m.activity_name) for m in r.months] == [
        ("2026-02", "Haken en breien"), ("2026-02", "Inloopkoor"),
        ("2026-03", "Haken en breien"), ("2026-03", "Inloopkoor"),
    ]
    feb = rows["Haken en breien", "2026-02"]
    assert isinstance(feb, k.ActivityMonth)
    assert (feb.held, feb.cancelled, feb.planned, feb.attendance, feb.first_timers) == (4, 0, 0, 36, 4)
    assert (feb.average_attendance, feb.capacity_use) == (9.0, 0.75)
    choir = rows["Inloopkoor", "2026-02"]
    assert (choir.held, choir.cancelled, choir.attendance, choir.first_timers) == (3, 1, 60, 9)
    assert (choir.average_attendance, choir.capacity_use) == (20.0, None)  # no capacity set
    mar = rows["Haken en breien", "2026-03"]
    assert (mar.held, mar.planned, mar.attendance, mar.average_attendance) == (0, 5, 0, None)
    assert [(i.status, i.count) for i in r.ideas] == [("new", 1), ("discussed", 1)]
    assert all(isinstance(i, k.IdeasByStatus) for i in r.ideas)
    assert [(w.week, w.days, w.visitors, w.conversations) for w in r.tally] == [
        (date(2026, 2, 23), 2, 50, 25), (date(2026, 3, 2), 1, 15, 7)
    ]
    assert all(isinstance(w, k.TallyWeek) for w in r.tally)
    d = r.to_dict()
    assert isinstance(d["months"][0], k.ActivityMonth) and d["threshold"] is None
    assert repr(r) == "ActivityReport(start_date=2026-02-01, end_date=2026-03-31, threshold=None)"
    with pytest.raises(k.ValidationError):
        busy_hub.activity_report(coordinator, date(2026, 3, 31), date(2026, 2, 1))


def test_researchers_get_small_counts_hidden(busy_hub: k.Hub, coordinator: k.Actor, researcher: k.Actor) -> None:
    s = busy_hub.activity_report(researcher, *SPRING)
    assert s.threshold == 10
    feb = next(m for m in s.months if (m.activity_name, m.month) == ("Haken en breien", "2026-02"))
    assert (feb.held, feb.cancelled, feb.attendance, feb.first_timers) == (4, 0, 36, None)
    assert (feb.average_attendance, feb.capacity_use) == (9.0, 0.75)
    assert [i.count for i in s.ideas] == [None, None]
    assert s.tally == busy_hub.activity_report(coordinator, *SPRING).tally  # visits, not people
    # A stricter policy hides more; the averages go with the attendance they come from.
    busy_hub.set_signal_policy(coordinator, suppression_threshold=40)
    strict = busy_hub.activity_report(researcher, *SPRING)
    feb = next(m for m in strict.months if (m.activity_name, m.month) == ("Haken en breien", "2026-02"))
    assert (strict.threshold, feb.held, feb.attendance, feb.average_attendance, feb.capacity_use) == (
        40, 4, None, None, None
    )


# ---- who may do what ----


def test_role_denials(hub: k.Hub, coordinator: k.Actor, researcher: k.Actor) -> None:
    bea = volunteer(hub, coordinator, "bea")
    a = crochet(hub, coordinator)
    past = hub.add_session(coordinator, a.id, date(2026, 2, 24), t(14), t(16))
    idea = hub.submit_idea(coordinator, "Idee", "Tekst")
    denied: list[tuple[k.Actor, str, Any]] = [
        (bea, "manage_activities", lambda x: hub.create_activity(x, "Schilderen", "creative")),
        (bea, "manage_activities", lambda x: hub.update_activity(x, a.id, "Haken", "craft")),
        (bea, "manage_activities", lambda x: hub.set_activity_status(x, a.id, "archived")),
        (bea, "manage_activities", lambda x: hub.set_schedule(x, a.id, weekly("friday"), TODAY, t(14), t(16))),
        (bea, "manage_activities", lambda x: hub.generate_sessions(x, *MARCH)),
        (bea, "manage_activities", lambda x: hub.add_session(x, a.id, TODAY, t(10), t(11))),
        (bea, "manage_activities", lambda x: hub.cancel_session(x, past.id, "ziek")),
        (bea, "manage_ideas", lambda x: hub.change_idea(x, idea.id, "discussed")),
        (researcher, "manage_activities", lambda x: hub.create_activity(x, "Schilderen", "creative")),
        (researcher, "read_activities", lambda x: hub.activities(x)),
        (researcher, "read_activities", lambda x: hub.activity(x, a.id)),
        (researcher, "read_activities", lambda x: hub.schedules(x, a.id)),
        (researcher, "read_activities", lambda x: hub.sessions(x, *MARCH)),
        (researcher, "read_activities", lambda x: hub.session(x, past.id)),
        (researcher, "record_attendance", lambda x: hub.record_attendance(x, past.id, headcount=3)),
        (researcher, "manage_residents", lambda x: hub.register_resident(x, "Mo", consent=True)),
        (researcher, "manage_residents", lambda x: hub.residents(x)),
        (researcher, "manage_residents", lambda x: hub.forget_resident(x, NOBODY)),
        (researcher, "submit_idea", lambda x: hub.submit_idea(x, "Idee", "Tekst")),
        (researcher, "read_ideas", lambda x: hub.ideas(x)),
        (researcher, "read_ideas", lambda x: hub.idea(x, idea.id)),
        (researcher, "record_tally", lambda x: hub.record_tally(x, 3, 1)),
        (researcher, "record_tally", lambda x: hub.correct_tally(x, 3, 1)),
    ]
    for actor, action, call in denied:
        with pytest.raises(k.ForbiddenError) as e:
            call(actor)
        assert (e.value.role, e.value.action) == (actor.role, action)

    # What a volunteer may do.
    assert [x.id for x in hub.activities(bea)] == [a.id]
    assert hub.sessions(bea, date(2026, 2, 1), date(2026, 2, 28)) == [hub.session(bea, past.id)]
    assert hub.record_attendance(bea, past.id, headcount=5).attendance is not None
    mo = hub.register_resident(bea, "Mo", consent=True)
    assert hub.residents(bea) == [mo]
    assert hub.submit_idea(bea, "Nog een idee", "Tekst").status == "new"
    assert len(hub.ideas(bea)) == 2
    assert hub.record_tally(bea, 3, 1).visitors == 3
    assert hub.activity_report(bea, *MARCH).threshold is None
    assert len(hub.tallies(bea, *MARCH)) == 1
