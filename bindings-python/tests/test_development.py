"""Volunteer development: the hub's skills, assessments on the participation
ladder, the self-sufficiency matrix and skills (with corrections), trajectories
(rising, declining, rise-then-plateau), coaching suggestions, cohort curves
with researchers' suppression, coaching trajectories whose notes the coached
volunteer does not see, courses with a waiting list, attendance, completion
and the before/after course effect, and the conflict register that volunteers
never read — on the memory store and on SQLite."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any, Callable

import pytest

import kringloop as k
from conftest import TODAY

NOBODY = "019cae6b-6600-7000-8000-00000000abcd"
JOINED_2025 = (date(2025, 1, 1), date(2025, 12, 31))


# ---- helpers ----


def member(hub: k.Hub, coordinator: k.Actor, name: str, *, coach: bool = False) -> k.Volunteer:
    """An active volunteer who joined on 6 January 2025 (a coach has the coordinator role)."""
    roles = ["cashier", "coordinator"] if coach else ["cashier"]
    return hub.register_volunteer(coordinator, name, status="active", start_date=date(2025, 1, 6), roles=roles)


def own(v: k.Volunteer) -> k.Actor:
    """The volunteer acting for themselves."""
    return k.Actor(v.display_name.lower(), "volunteer", volunteer_id=v.id)


def ladder(hub: k.Hub, actor: k.Actor, v: k.Volunteer, points: list[tuple[date, int]]) -> None:
    for on, step in points:
        hub.record_assessment(actor, v.id, "participation_ladder", {"step": step}, on=on)


def journal(hub: k.Hub, admin: k.Actor, action: str | None = None) -> list[k.JournalRecord]:
    rows = hub.journal(admin, limit=10_000)
    return [r for r in rows if action is None or r.action == action]


def tick(hub: k.Hub) -> None:
    """One second on, so records made one after another sort in that order."""
    hub.set_now(hub.now + timedelta(seconds=1))


def four(hub: k.Hub, coordinator: k.Actor) -> list[k.Volunteer]:
    """Anneke rose then flattened, Bart declines, Carla rises, Dirk has one point."""
    a, b, c, d = (member(hub, coordinator, n) for n in ("Anneke", "Bart", "Carla", "Dirk"))
    ladder(hub, coordinator, a, [(date(2025, 1, 10), 2), (date(2025, 2, 20), 3), (date(2025, 4, 1), 4),
                                 (date(2025, 8, 1), 4), (date(2025, 12, 1), 4), (date(2026, 2, 1), 4)])
    ladder(hub, coordinator, b, [(date(2025, 5, 1), 4), (date(2025, 9, 1), 3), (date(2026, 1, 15), 2)])
    ladder(hub, coordinator, c, [(date(2025, 5, 1), 2), (date(2025, 9, 1), 3), (date(2026, 1, 15), 4)])
    ladder(hub, coordinator, d, [(date(2025, 6, 1), 3)])
    return [a, b, c, d]


def training(hub: k.Hub, actor: k.Actor, sessions: list[date], capacity: int) -> k.Course:
    return hub.create_course(actor, "Omgaan met lastige klanten", sessions, capacity,
                             description="Drie middagen training voor de kassa")


# ---- vocabularies ----


def test_development_vocabularies() -> None:
    names = k.vocabularies()
    for v in ("instrument", "ladder_step", "zrm_domain", "trajectory_class", "coaching_status",
              "coaching_outcome", "enrolment_status", "intervention", "conflict_status", "glasl_phase"):
        assert v in names, v
    assert [e["code"] for e in k.labels("instrument")] == ["participation_ladder", "self_sufficiency", "skills"]
    steps = k.labels("ladder_step")
    assert (len(steps), steps[3]["code"], steps[3]["nl"]) == (6, "unpaid_work", "4 onbetaald werk")
    assert len(k.labels("zrm_domain")) == 13
    assert [e["code"] for e in k.labels("glasl_phase")] == ["win_win", "win_lose", "lose_lose"]
    assert [e["code"] for e in k.labels("trajectory_class")] == ["rising", "plateau", "declining", "insufficient_data"]


# ---- skills and assessments ----


def test_assessments_on_every_instrument(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    els = member(hub, coordinator, "Els")
    assert hub.set_skills(coordinator, ["Klantcontact", "Kassa"]) == ["Klantcontact", "Kassa"]
    assert sorted(hub.skills(coordinator)) == ["Kassa", "Klantcontact"]
    step = hub.record_assessment(coordinator, els.id, "participation_ladder", {"step": 4}, on=date(2026, 2, 1))
    assert isinstance(step, k.Assessment)
    tick(hub)
    assert (step.volunteer_id, step.on, step.instrument, step.scores, step.assessor, step.corrects) == (
        els.id, date(2026, 2, 1), "participation_ladder", {"ladder": 4}, "anna", None
    )
    zrm = hub.record_assessment(coordinator, els.id, "self_sufficiency", {"social_network": 2, "finances": 3},
                                on=date(2026, 2, 1), note="gesprek bij de koffie")
    assert list(zrm.scores.items()) == [("zrm.finances", 3), ("zrm.social_network", 2)]
    assert zrm.note == "gesprek bij de koffie"
    assert "koffie" not in repr(zrm)
    assert repr(zrm) == (f"Assessment(id='{zrm.id}', volunteer_id='{els.id}', on=2026-02-01, "
                         "instrument='self_sufficiency', scores={'zrm.finances': 3, 'zrm.social_network': 2}, "
                         "corrects=None)")
    tick(hub)
    kassa = hub.record_assessment(coordinator, els.id, "skills", {"Kassa": 5})   # on: today
    assert (kassa.on, kassa.scores, kassa.recorded_at) == (TODAY, {"skill.Kassa": 5}, hub.now)
    rows = hub.assessments(coordinator, els.id)
    assert rows == [step, zrm, kassa]
    assert rows[1].to_dict()["scores"] == {"zrm.finances": 3, "zrm.social_network": 2}
    assert [r.action for r in journal(hub, admin) if r.entity == "assessment"] == ["assessment.recorded"] * 3
    [skills_set] = journal(hub, admin, "hub.skills_set")
    assert skills_set.detail == ["Klantcontact", "Kassa"]


def test_bad_assessments_change_nothing(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    els = member(hub, coordinator, "Els")
    hub.set_skills(coordinator, ["Kassa"])
    before = journal(hub, admin)
    refused: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
        ("scores[0]", "participation_ladder", {"step": 7}, {}),               # outside 1–6
        ("scores[0]", "participation_ladder", {"step": 0}, {}),
        ("scores[0]", "participation_ladder", {"step": -1}, {}),
        ("scores[0]", "participation_ladder", {"step": 300}, {}),
        ("scores[0]", "participation_ladder", {"trede": 3}, {}),              # the ladder's measure is "step"
        ("scores", "participation_ladder", {"step": 3, "finances": 4}, {}),   # exactly one score
        ("scores[1]", "self_sufficiency", {"social_network": 2, "finances": 6}, {}),   # outside 1–5
        ("scores[0]", "self_sufficiency", {"money": 3}, {}),
        ("scores[0]", "skills", {"Zingen": 3}, {}),                           # not one of the hub's skills
        ("scores", "skills", {}, {}),
        ("on", "participation_ladder", {"step": 3}, {"on": date(2025, 1, 5)}),   # before she joined
        ("on", "participation_ladder", {"step": 3}, {"on": TODAY + timedelta(days=1)}),
        ("instrument", "ladder", {"step": 3}, {}),
        ("assessment_id", "participation_ladder", {"step": 3}, {"corrects": "nope"}),
    ]
    for field, instrument, scores, kw in refused:
        with pytest.raises(k.ValidationError) as e:
            hub.record_assessment(coordinator, els.id, instrument, scores, **kw)
        assert e.value.field == field, (field, scores, e.value)
    with pytest.raises(k.ValidationError, match="before Els joined on 2025-01-06"):
        hub.record_assessment(coordinator, els.id, "participation_ladder", {"step": 3}, on=date(2024, 12, 31))
    with pytest.raises(k.NotFoundError) as nf:
        hub.record_assessment(coordinator, NOBODY, "participation_ladder", {"step": 3})
    assert (nf.value.entity, nf.value.id) == ("volunteer", NOBODY)
    with pytest.raises(TypeError):
        hub.record_assessment(coordinator, els.id, "participation_ladder", [("step", 3)])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hub.record_assessment(coordinator, els.id, "participation_ladder", {"step": "4"})  # type: ignore[dict-item]
    with pytest.raises(k.ValidationError) as e:
        hub.set_skills(coordinator, [])
    assert e.value.field == "skills"
    with pytest.raises(k.ValidationError):
        hub.set_skills(coordinator, ["Kassa", "Kassa"])
    with pytest.raises(TypeError):
        hub.set_skills(coordinator, "Kassa")  # type: ignore[arg-type]
    assert hub.assessments(coordinator, els.id) == []
    assert hub.skills(coordinator) == ["Kassa"]
    assert journal(hub, admin) == before


def test_corrections_keep_history(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    gert, hanna = member(hub, coordinator, "Gert"), member(hub, coordinator, "Hanna")
    wrong = hub.record_assessment(coordinator, gert.id, "participation_ladder", {"step": 6}, on=date(2026, 1, 5))
    tick(hub)
    fixed = hub.record_assessment(coordinator, gert.id, "participation_ladder", {"step": 3}, on=date(2026, 1, 5),
                                  corrects=wrong.id)
    assert fixed.corrects == wrong.id
    assert hub.assessments(coordinator, gert.id) == [wrong, fixed]   # history is kept
    assert [r.entity_id for r in journal(hub, admin, "assessment.corrected")] == [fixed.id]
    with pytest.raises(k.ConflictError):   # a second correction of the same one
        hub.record_assessment(coordinator, gert.id, "participation_ladder", {"step": 2}, corrects=wrong.id)
    with pytest.raises(k.ValidationError) as e:   # another volunteer's assessment
        hub.record_assessment(coordinator, hanna.id, "participation_ladder", {"step": 3}, corrects=wrong.id)
    assert e.value.field == "corrects"
    with pytest.raises(k.ValidationError) as e:   # another instrument
        hub.record_assessment(coordinator, gert.id, "self_sufficiency", {"finances": 3}, corrects=fixed.id)
    assert e.value.field == "corrects"
    with pytest.raises(k.NotFoundError) as nf:
        hub.record_assessment(coordinator, gert.id, "participation_ladder", {"step": 3}, corrects=NOBODY)
    assert nf.value.entity == "assessment"
    # The trajectory sees the corrected value only; correcting the correction works.
    t = hub.trajectory(coordinator, gert.id, "ladder")
    assert (t.latest, t.points) == (3, 1)
    tick(hub)
    again = hub.record_assessment(coordinator, gert.id, "participation_ladder", {"step": 4}, on=date(2026, 1, 5),
                                  corrects=fixed.id)
    assert hub.trajectory(coordinator, gert.id, "ladder").latest == 4
    assert len(hub.assessments(coordinator, gert.id)) == 3 and again.corrects == fixed.id


def test_a_volunteer_reads_only_their_own_development(
    hub: k.Hub, coordinator: k.Actor, researcher: k.Actor
) -> None:
    els, fatima = member(hub, coordinator, "Els"), member(hub, coordinator, "Fatima")
    ladder(hub, coordinator, els, [(date(2026, 2, 1), 4)])
    assert len(hub.assessments(own(els), els.id)) == 1
    assert hub.trajectory(own(els), els.id, "ladder").latest == 4
    for call in (
        lambda: hub.assessments(own(els), fatima.id),
        lambda: hub.trajectory(own(els), fatima.id, "ladder"),
        lambda: hub.assessments(researcher, els.id),
        lambda: hub.record_assessment(own(els), els.id, "participation_ladder", {"step": 5}),
    ):
        with pytest.raises(k.ForbiddenError):
            call()
    with pytest.raises(k.ForbiddenError) as e:
        hub.record_assessment(researcher, els.id, "participation_ladder", {"step": 5})
    assert (e.value.role, e.value.action) == ("researcher", "record_assessment")


# ---- trajectories and coaching suggestions ----


def test_trajectories(hub: k.Hub, coordinator: k.Actor) -> None:
    a, b, c, d = four(hub, coordinator)
    ta = hub.trajectory(coordinator, a.id, "ladder")
    assert isinstance(ta, k.Trajectory)
    assert (ta.measure, ta.class_, ta.after_rise, ta.points, ta.latest) == ("ladder", "plateau", True, 4, 4)
    assert ta.slope_per_month is not None and abs(ta.slope_per_month) < 0.05
    tb = hub.trajectory(coordinator, b.id, "ladder")
    assert (tb.class_, tb.after_rise, tb.latest) == ("declining", False, 2)
    assert tb.slope_per_month is not None and tb.slope_per_month < -0.05
    assert hub.trajectory(coordinator, c.id, "ladder").class_ == "rising"
    td = hub.trajectory(coordinator, d.id, "ladder")
    assert (td.class_, td.slope_per_month, td.points, td.latest) == ("insufficient_data", None, 1, 3)
    assert td.to_dict() == {"measure": "ladder", "class_": "insufficient_data", "slope_per_month": None,
                            "points": 1, "after_rise": False, "latest": 3}
    # A measure never scored: no points at all.
    empty = hub.trajectory(coordinator, a.id, "zrm.finances")
    assert (empty.class_, empty.points, empty.latest) == ("insufficient_data", 0, None)
    # The parameters are adjustable (the others keep their defaults) and checked.
    assert hub.trajectory(coordinator, a.id, "ladder", window_months=24).class_ == "rising"
    assert hub.trajectory(coordinator, d.id, "ladder", min_points=2).class_ == "insufficient_data"
    assert hub.trajectory(coordinator, b.id, "ladder", slope_threshold=1.0).class_ == "plateau"
    for field, kw in [
        ("min_points", {"min_points": 1}),
        ("min_points", {"min_points": -3}),
        ("window_months", {"window_months": 0}),
        ("window_months", {"window_months": 61}),
        ("window_months", {"window_months": -1}),
        ("slope_threshold", {"slope_threshold": 0.0}),
        ("slope_threshold", {"slope_threshold": float("nan")}),
    ]:
        with pytest.raises(k.ValidationError) as e:
            hub.trajectory(coordinator, a.id, "ladder", **kw)
        assert e.value.field == field, kw
    with pytest.raises(k.ValidationError) as e:
        hub.trajectory(coordinator, a.id, "height")
    assert e.value.field == "measure"
    with pytest.raises(k.ValidationError):
        hub.trajectory(coordinator, a.id, "zrm.nope")
    with pytest.raises(k.NotFoundError):
        hub.trajectory(coordinator, NOBODY, "ladder")


def test_coaching_suggestions_and_their_exclusion(hub: k.Hub, coordinator: k.Actor) -> None:
    a, b, _, _ = four(hub, coordinator)
    suggested = hub.coaching_suggestions(coordinator)
    assert [(s.display_name, s.trajectory.class_) for s in suggested] == [("Anneke", "plateau"), ("Bart", "declining")]
    assert isinstance(suggested[0], k.CoachingSuggestion)
    assert suggested[0].volunteer_id == a.id
    assert "after rising" in suggested[0].reason, suggested[0].reason
    assert "declining" in suggested[1].reason, suggested[1].reason
    assert repr(suggested[1]).startswith(f"CoachingSuggestion(volunteer_id='{b.id}', display_name='Bart', reason=")
    # An open coaching trajectory takes Anneke off the list.
    otto = member(hub, coordinator, "Otto", coach=True)
    hub.open_coaching(coordinator, a.id, otto.id, ["Zelf de kassa opmaken"])
    assert [s.display_name for s in hub.coaching_suggestions(coordinator)] == ["Bart"]
    # With a wider window Anneke's line still rises: nobody but Bart either way.
    assert [s.display_name for s in hub.coaching_suggestions(coordinator, window_months=24)] == ["Bart"]
    with pytest.raises(k.ValidationError) as e:
        hub.coaching_suggestions(coordinator, min_points=1)
    assert e.value.field == "min_points"
    with pytest.raises(k.ForbiddenError) as f:
        hub.coaching_suggestions(own(a))
    assert f.value.action == "manage_coaching"


# ---- cohort curves ----


def test_cohort_curve_and_researchers_suppression(
    hub: k.Hub, coordinator: k.Actor, researcher: k.Actor
) -> None:
    four(hub, coordinator)
    curve = hub.cohort_curve(coordinator, "ladder", *JOINED_2025)
    assert isinstance(curve, k.CohortCurve)
    assert (curve.measure, curve.start_date, curve.end_date, curve.threshold) == ("ladder", *JOINED_2025, None)
    assert [(p.cohort, p.month, p.n, p.mean) for p in curve.points] == [
        ("2025-Q1", 0, 1, 2.0),
        ("2025-Q1", 1, 1, 3.0),
        ("2025-Q1", 3, 1, 4.0),
        ("2025-Q1", 4, 2, 3.0),
        ("2025-Q1", 5, 1, 3.0),
        ("2025-Q1", 7, 1, 4.0),
        ("2025-Q1", 8, 2, 3.0),
        ("2025-Q1", 11, 1, 4.0),
        ("2025-Q1", 12, 2, 3.0),
        ("2025-Q1", 13, 1, 4.0),
    ]
    assert repr(curve.points[0]) == "CohortPoint(cohort='2025-Q1', month=0, n=1, mean=2.0)"
    assert hub.cohort_curve(coordinator, "ladder", date(2026, 1, 1), date(2026, 12, 31)).points == []
    # Researchers: every mean here stands on fewer than 10 scores, so all are hidden.
    hidden = hub.cohort_curve(researcher, "ladder", *JOINED_2025)
    assert hidden.threshold == 10
    assert len(hidden.points) == len(curve.points)
    assert all(p.n is None and p.mean is None for p in hidden.points)
    # With a threshold of 2 the months with two scores show.
    hub.set_signal_policy(coordinator, suppression_threshold=2)
    shown = hub.cohort_curve(researcher, "ladder", *JOINED_2025)
    assert [(p.month, p.n, p.mean) for p in shown.points if p.n is not None] == [(4, 2, 3.0), (8, 2, 3.0), (12, 2, 3.0)]
    with pytest.raises(k.ValidationError):
        hub.cohort_curve(coordinator, "ladder", date(2025, 12, 31), date(2025, 1, 1))
    with pytest.raises(k.ValidationError) as e:
        hub.cohort_curve(coordinator, "step", *JOINED_2025)
    assert e.value.field == "measure"


# ---- coaching ----


def test_coaching_lifecycle_and_hidden_notes(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    ingrid, jan = member(hub, coordinator, "Ingrid"), member(hub, coordinator, "Jan")
    karin = member(hub, coordinator, "Karin", coach=True)
    before = journal(hub, admin)
    for field, volunteer, coach, goals, kw in [
        ("coach", ingrid.id, jan.id, ["Doel"], {}),             # Jan is no coordinator
        ("coach", karin.id, karin.id, ["Doel"], {}),            # nobody coaches themselves
        ("goals", ingrid.id, karin.id, [], {}),
        ("goals", ingrid.id, karin.id, [f"Doel {i}" for i in range(11)], {}),
        ("opened_on", ingrid.id, karin.id, ["Doel"], {"opened_on": date(2024, 1, 1)}),
    ]:
        with pytest.raises(k.ValidationError) as e:
            hub.open_coaching(coordinator, volunteer, coach, goals, **kw)
        assert e.value.field == field, (field, e.value)
    with pytest.raises(k.NotFoundError):
        hub.open_coaching(coordinator, NOBODY, karin.id, ["Doel"])
    assert journal(hub, admin) == before

    c = hub.open_coaching(coordinator, ingrid.id, karin.id, ["Meer zelfvertrouwen aan de kassa"])
    assert isinstance(c, k.Coaching)
    assert (c.volunteer_id, c.coach_id, c.goals, c.opened_on, c.status, c.outcome, c.sessions, c.version) == (
        ingrid.id, karin.id, ["Meer zelfvertrouwen aan de kassa"], TODAY, "open", None, [], 1
    )
    with pytest.raises(k.ConflictError):   # one open trajectory per volunteer
        hub.open_coaching(coordinator, ingrid.id, karin.id, ["Nog een"])
    c = hub.add_coaching_session(coordinator, c.id, note="Ging goed; volgende keer de kas tellen")
    c = hub.add_coaching_session(coordinator, c.id)   # no note
    assert [(s.on, s.note) for s in c.sessions] == [(TODAY, "Ging goed; volgende keer de kas tellen"), (TODAY, None)]
    assert "kas tellen" not in repr(c) and "kas tellen" not in repr(c.sessions[0])
    with pytest.raises(k.ValidationError) as e:
        hub.add_coaching_session(coordinator, c.id, on=date(2020, 1, 1))
    assert e.value.field == "on"

    # The coached volunteer reads their own trajectory, without the coach's notes.
    mine = hub.coaching(own(ingrid), c.id)
    assert [s.note for s in mine.sessions] == [None, None]
    assert (mine.goals, mine.coach_id) == (c.goals, karin.id)
    assert hub.coaching(coordinator, c.id).sessions[0].note is not None
    assert [x.sessions[0].note for x in hub.coachings(own(ingrid))] == [None]
    with pytest.raises(k.ForbiddenError):
        hub.coaching(own(jan), c.id)
    with pytest.raises(k.ForbiddenError):
        hub.coachings(own(jan), volunteer_id=ingrid.id)
    assert hub.coachings(own(jan)) == []
    assert "kas tellen" not in str([r.detail for r in journal(hub, admin)])   # notes stay out of the journal
    [session_added, _] = journal(hub, admin, "coaching.session_added")
    assert session_added.detail == {"sessions": 1}

    with pytest.raises(k.ValidationError) as e:
        hub.close_coaching(coordinator, c.id, "done")
    assert e.value.field == "coaching_outcome"
    closed = hub.close_coaching(coordinator, c.id, "goals_met")
    assert (closed.status, closed.outcome, closed.closed_on, closed.version) == ("closed", "goals_met", TODAY, 4)
    assert hub.coaching(coordinator, c.id) == closed
    with pytest.raises(k.ConflictError):
        hub.add_coaching_session(coordinator, c.id)
    with pytest.raises(k.ConflictError):
        hub.close_coaching(coordinator, c.id, "stopped")
    assert hub.coachings(coordinator, volunteer_id=ingrid.id, open_only=True) == []
    again = hub.open_coaching(coordinator, ingrid.id, karin.id, ["Kas tellen"], opened_on=date(2026, 2, 1))
    assert {x.id for x in hub.coachings(coordinator, volunteer_id=ingrid.id)} == {c.id, again.id}
    assert [x.id for x in hub.coachings(coordinator, open_only=True)] == [again.id]
    with pytest.raises(k.NotFoundError) as nf:
        hub.coaching(coordinator, NOBODY)
    assert nf.value.entity == "coaching"
    with pytest.raises(k.ValidationError) as e:
        hub.coaching(coordinator, "nope")
    assert e.value.field == "coaching_id"


# ---- courses ----


def test_course_waiting_list_and_promotion(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    a, b, c, d = (member(hub, coordinator, n) for n in ("Anneke", "Bart", "Carla", "Dirk"))
    course = training(hub, coordinator, [date(2026, 3, 17), date(2026, 3, 10)], 2)
    assert isinstance(course, k.Course)
    assert (course.title, course.sessions, course.capacity) == (
        "Omgaan met lastige klanten", [date(2026, 3, 10), date(2026, 3, 17)], 2
    )
    assert hub.course(own(a), course.id) == course       # volunteers read courses
    assert hub.courses(own(a)) == [course]
    statuses = []
    for v in (a, b, c, d):
        tick(hub)
        statuses.append(hub.enrol(coordinator, course.id, v.id).status)
    assert statuses == ["enrolled", "enrolled", "waiting", "waiting"]
    with pytest.raises(k.ConflictError):
        hub.enrol(coordinator, course.id, a.id)
    # Bart withdraws: Carla, first on the waiting list, gets his place.
    w = hub.withdraw(coordinator, course.id, b.id)
    assert isinstance(w, k.Withdrawal)
    assert (w.withdrawn.volunteer_id, w.withdrawn.status) == (b.id, "withdrawn")
    assert w.promoted is not None and (w.promoted.volunteer_id, w.promoted.status) == (c.id, "enrolled")
    assert repr(w).startswith("Withdrawal(withdrawn=Enrolment(course_id=")
    # A waiting volunteer withdrawing promotes nobody; withdrawing twice is not found.
    assert hub.withdraw(coordinator, course.id, d.id).promoted is None
    with pytest.raises(k.NotFoundError):
        hub.withdraw(coordinator, course.id, d.id)
    assert [(e.volunteer_id, e.status) for e in hub.enrolments(coordinator, course.id)] == [
        (a.id, "enrolled"), (b.id, "withdrawn"), (c.id, "enrolled"), (d.id, "withdrawn")
    ]
    # Bart may come back: the course is full, so he waits.
    tick(hub)
    assert hub.enrol(coordinator, course.id, b.id).status == "waiting"
    # A volunteer sees their own enrolment only.
    assert [e.volunteer_id for e in hub.enrolments(own(a), course.id)] == [a.id]
    with pytest.raises(k.ForbiddenError):
        hub.enrol(own(a), course.id, a.id)
    with pytest.raises(k.ForbiddenError):
        hub.withdraw(own(a), course.id, a.id)
    assert len(journal(hub, admin, "course.enrolment_requested")) == 5
    assert len(journal(hub, admin, "course.withdrawn")) == 2


def test_bad_courses_change_nothing(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    before = journal(hub, admin)
    for field, title, sessions, capacity in [
        ("sessions", "Kassatraining", [], 5),
        ("sessions", "Kassatraining", [date(2026, 3, 10), date(2026, 3, 10)], 5),
        ("sessions", "Kassatraining", [date(2026, 3, 10) + timedelta(days=i) for i in range(53)], 5),
        ("capacity", "Kassatraining", [date(2026, 3, 10)], 0),
        ("capacity", "Kassatraining", [date(2026, 3, 10)], 201),
        ("capacity", "Kassatraining", [date(2026, 3, 10)], -1),
        ("title", " ", [date(2026, 3, 10)], 5),
    ]:
        with pytest.raises(k.ValidationError) as e:
            hub.create_course(coordinator, title, sessions, capacity)
        assert e.value.field == field, (field, e.value)
    with pytest.raises(TypeError):
        hub.create_course(coordinator, "Kassatraining", ["2026-03-10"], 5)  # type: ignore[list-item]
    assert hub.courses(coordinator) == [] and journal(hub, admin) == before
    with pytest.raises(k.NotFoundError) as nf:
        hub.enrol(coordinator, NOBODY, NOBODY)
    assert nf.value.entity == "course"
    with pytest.raises(k.ValidationError) as e:
        hub.course(coordinator, "nope")
    assert e.value.field == "course_id"


def test_concurrent_enrolments_never_overfill(hub: k.Hub, coordinator: k.Actor) -> None:
    people = [member(hub, coordinator, f"Vrijwilliger {i}") for i in range(8)]
    course = training(hub, coordinator, [date(2026, 4, 1)], 3)
    results: list[str] = []
    errors: list[BaseException] = []

    def enrol(v: k.Volunteer) -> None:
        try:
            results.append(hub.enrol(coordinator, course.id, v.id).status)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=enrol, args=(v,)) for v in people]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert sorted(results) == ["enrolled"] * 3 + ["waiting"] * 5
    assert sum(e.status == "enrolled" for e in hub.enrolments(coordinator, course.id)) == 3


def test_attendance_completion_and_course_effect(hub: k.Hub, coordinator: k.Actor) -> None:
    people = [member(hub, coordinator, n) for n in ("Els", "Fatima", "Gert", "Hanna", "Ingrid", "Jan")]
    ids = [v.id for v in people]
    course = training(hub, coordinator, [date(2026, 1, 13), date(2026, 1, 20)], 10)
    for v in ids:
        hub.enrol(coordinator, course.id, v)
    after = hub.record_course_attendance(coordinator, course.id, date(2026, 1, 13), ids[:4])
    assert sum(e.attended == [date(2026, 1, 13)] for e in after) == 4
    # Correcting: Gert was not there after all.
    after = hub.record_course_attendance(coordinator, course.id, date(2026, 1, 13), [ids[0], ids[1], ids[3]])
    assert next(e for e in after if e.volunteer_id == ids[2]).attended == []
    for field, on, present in [
        ("date", date(2026, 1, 14), ids[:1]),   # not a session of the course
    ]:
        with pytest.raises(k.ValidationError) as e:
            hub.record_course_attendance(coordinator, course.id, on, present)
        assert e.value.field == field
    karin = member(hub, coordinator, "Karin")
    with pytest.raises(k.ValidationError) as e:   # not enrolled
        hub.record_course_attendance(coordinator, course.id, date(2026, 1, 20), [karin.id])
    assert e.value.field == "present"
    with pytest.raises(TypeError):
        hub.record_course_attendance(coordinator, course.id, date(2026, 1, 20), ids[0])  # type: ignore[arg-type]
    done = hub.complete_course(coordinator, course.id, ids[:5])
    assert sum(e.completed for e in done) == 5
    with pytest.raises(k.ValidationError) as e:
        hub.complete_course(coordinator, course.id, [karin.id])
    assert e.value.field == "completed"
    # Before and after on the ladder: four of the five rose one step, one stayed.
    for i, v in enumerate(people[:5]):
        ladder(hub, coordinator, v, [(date(2025, 12, 1), 3), (date(2026, 2, 15), 3 if i == 4 else 4)])
    effect = hub.course_effect(coordinator, course.id, "ladder")
    assert isinstance(effect, k.CourseEffect)
    assert (effect.course_id, effect.measure, effect.n, effect.insufficient_data) == (course.id, "ladder", 5, False)
    assert effect.mean_change == pytest.approx(0.8)
    assert effect.sd_change == pytest.approx(0.4472136, abs=1e-6)
    assert "not the effect of the course alone" in effect.note
    strict = hub.course_effect(coordinator, course.id, "ladder", min_n=6)
    assert (strict.n, strict.mean_change, strict.sd_change, strict.insufficient_data) == (5, None, None, True)
    assert strict.note.startswith("insufficient data")
    other = hub.course_effect(coordinator, course.id, "zrm.finances")
    assert (other.n, other.insufficient_data) == (0, True)
    with pytest.raises(k.ValidationError) as e:
        hub.course_effect(coordinator, course.id, "ladder", min_n=-1)
    assert e.value.field == "min_n"
    # A course whose sessions lie ahead: no attendance yet, no completion yet.
    later = training(hub, coordinator, [date(2026, 5, 1)], 10)
    hub.enrol(coordinator, later.id, ids[0])
    with pytest.raises(k.ValidationError) as e:
        hub.record_course_attendance(coordinator, later.id, date(2026, 5, 1), ids[:1])
    assert e.value.field == "date"
    with pytest.raises(k.ValidationError) as e:
        hub.complete_course(coordinator, later.id, ids[:1])
    assert e.value.field == "completed"
    # A volunteer sees their attendance and completion through their own enrolment.
    [mine] = hub.enrolments(own(people[0]), course.id)
    assert (mine.attended, mine.completed) == ([date(2026, 1, 13)], True)


# ---- the conflict register ----


def test_conflict_register_and_glasl_phases(
    hub: k.Hub, coordinator: k.Actor, admin: k.Actor, researcher: k.Actor
) -> None:
    lucas, marieke, nadia = (member(hub, coordinator, n) for n in ("Lucas", "Marieke", "Nadia"))
    about = "Onenigheid over de kassadiensten"
    before = journal(hub, admin)
    for field, parties, step, intervention in [
        ("parties", [lucas.id], 2, "among_themselves"),               # one party is no conflict
        ("parties", [lucas.id, lucas.id], 2, "among_themselves"),
        ("step", [lucas.id, marieke.id], 10, "among_themselves"),
        ("step", [lucas.id, marieke.id], 0, "among_themselves"),
        ("step", [lucas.id, marieke.id], -1, "among_themselves"),
        ("intervention", [lucas.id, marieke.id], 2, "police"),
    ]:
        with pytest.raises(k.ValidationError) as e:
            hub.register_conflict(coordinator, parties, about, step, intervention)
        assert e.value.field == field, (field, e.value)
    with pytest.raises(k.ValidationError) as e:
        hub.register_conflict(coordinator, [lucas.id, marieke.id], about, 2, "coordinator", on=TODAY + timedelta(days=1))
    assert e.value.field == "on"
    with pytest.raises(k.NotFoundError):
        hub.register_conflict(coordinator, [lucas.id, NOBODY], about, 2, "coordinator")
    with pytest.raises(TypeError):
        hub.register_conflict(coordinator, lucas.id, about, 2, "coordinator")  # type: ignore[arg-type]
    assert journal(hub, admin) == before and hub.conflicts(coordinator) == []

    c = hub.register_conflict(coordinator, [marieke.id, lucas.id], about, 3, "among_themselves",
                              on=date(2026, 2, 20))
    assert isinstance(c, k.Conflict)
    assert (sorted([lucas.id, marieke.id]), c.on, c.description, c.step, c.phase, c.status, c.follow_ups) == (
        c.parties, date(2026, 2, 20), about, 3, "win_win", "open", []
    )
    assert "kassadiensten" not in repr(c)
    c = hub.follow_up_conflict(coordinator, c.id, "Escaleert: verwijten over en weer", step=5,
                               intervention="mediator", status="in_mediation")
    assert (c.step, c.phase, c.intervention, c.status, len(c.follow_ups)) == (5, "win_lose", "mediator",
                                                                             "in_mediation", 1)
    [f] = c.follow_ups
    assert (f.on, f.step, f.status, f.note) == (TODAY, 5, "in_mediation", "Escaleert: verwijten over en weer")
    assert "verwijten" not in repr(f) and "verwijten" not in repr(c)
    c = hub.follow_up_conflict(coordinator, c.id, "Ruzie in de winkel", step=8)
    assert (c.step, c.phase, c.status, c.intervention) == (8, "lose_lose", "in_mediation", "mediator")
    assert hub.conflict(coordinator, c.id) == c
    with pytest.raises(k.ValidationError) as e:
        hub.follow_up_conflict(coordinator, c.id, "te vroeg", on=date(2026, 2, 1))   # before the last one
    assert e.value.field == "on"
    with pytest.raises(k.ValidationError) as e:
        hub.follow_up_conflict(coordinator, c.id, "x", step=12)
    assert e.value.field == "step"
    with pytest.raises(k.ValidationError) as e:
        hub.follow_up_conflict(coordinator, c.id, "x", status="forgotten")
    assert e.value.field == "conflict_status"
    resolved = hub.follow_up_conflict(coordinator, c.id, "Afspraken gemaakt", step=1, status="resolved")
    assert (resolved.status, resolved.phase, resolved.version) == ("resolved", "win_win", 4)
    with pytest.raises(k.ConflictError):   # resolved is final
        hub.follow_up_conflict(coordinator, c.id, "nog iets")
    other = hub.register_conflict(admin, [marieke.id, nadia.id], "Wie de sleutel heeft", 7, "external")
    assert other.phase == "lose_lose"
    assert [x.id for x in hub.conflicts(coordinator)] == [c.id, other.id]
    assert [x.id for x in hub.conflicts(coordinator, unresolved_only=True)] == [other.id]

    # Volunteers cannot read conflicts, not even their own; nor can researchers.
    for actor in (own(lucas), own(nadia), researcher):
        with pytest.raises(k.ForbiddenError) as fe:
            hub.conflict(actor, c.id)
        assert fe.value.action == "manage_conflicts"
        with pytest.raises(k.ForbiddenError):
            hub.conflicts(actor)
        with pytest.raises(k.ForbiddenError):
            hub.follow_up_conflict(actor, other.id, "x")
        with pytest.raises(k.ForbiddenError):
            hub.register_conflict(actor, [lucas.id, nadia.id], "x", 1, "coordinator")
    # The journal keeps who was involved and the step, never the description or notes.
    details = str([r.detail for r in journal(hub, admin)])
    assert "kassadiensten" not in details and "verwijten" not in details and "sleutel" not in details
    [registered, _] = journal(hub, admin, "conflict.registered")
    assert registered.detail["step"] == 3 and registered.detail["parties"] == c.parties


# ---- who may do what ----

COORDINATION = {"coordinator", "admin"}
EVERYONE = {"volunteer", "coordinator", "researcher", "admin"}
OWN = {"volunteer", "coordinator", "admin"}


def test_every_role_meets_the_development_matrix(hub: k.Hub, coordinator: k.Actor) -> None:
    lucas = member(hub, coordinator, "Lucas")
    marieke = member(hub, coordinator, "Marieke", coach=True)
    hub.set_skills(coordinator, ["Kassa"])
    coaching = hub.open_coaching(coordinator, lucas.id, marieke.id, ["Doel"])
    course = training(hub, coordinator, [date(2026, 2, 10)], 5)
    hub.enrol(coordinator, course.id, lucas.id)
    conflict = hub.register_conflict(coordinator, [lucas.id, marieke.id], "x", 1, "coordinator")

    calls: dict[str, tuple[set[str], Callable[[k.Actor], object]]] = {
        "set_skills": (COORDINATION, lambda a: hub.set_skills(a, ["Kassa"])),
        "skills": (EVERYONE, lambda a: hub.skills(a)),
        "record_assessment": (COORDINATION,
                              lambda a: hub.record_assessment(a, lucas.id, "participation_ladder", {"step": 4})),
        "assessments": (OWN, lambda a: hub.assessments(a, lucas.id)),
        "trajectory": (OWN, lambda a: hub.trajectory(a, lucas.id, "ladder")),
        "cohort_curve": (EVERYONE, lambda a: hub.cohort_curve(a, "ladder", *JOINED_2025)),
        "coaching_suggestions": (COORDINATION, lambda a: hub.coaching_suggestions(a)),
        "add_coaching_session": (COORDINATION, lambda a: hub.add_coaching_session(a, coaching.id)),
        "coaching": (OWN, lambda a: hub.coaching(a, coaching.id)),
        "coachings": (OWN, lambda a: hub.coachings(a)),
        "create_course": (COORDINATION, lambda a: training(hub, a, [date(2026, 6, 1)], 5)),
        "course": (OWN, lambda a: hub.course(a, course.id)),
        "courses": (OWN, lambda a: hub.courses(a)),
        "enrolments": (OWN, lambda a: hub.enrolments(a, course.id)),
        "record_course_attendance": (COORDINATION,
                                     lambda a: hub.record_course_attendance(a, course.id, date(2026, 2, 10),
                                                                            [lucas.id])),
        "course_effect": (COORDINATION, lambda a: hub.course_effect(a, course.id, "ladder")),
        "conflict": (COORDINATION, lambda a: hub.conflict(a, conflict.id)),
        "conflicts": (COORDINATION, lambda a: hub.conflicts(a)),
    }
    for role in sorted(EVERYONE):
        actor = k.Actor("wie", role, volunteer_id=lucas.id)
        for name, (allowed, call) in calls.items():
            if role in allowed:
                call(actor)
            else:
                with pytest.raises(k.ForbiddenError):
                    call(actor)
                    pytest.fail(f"{role} may not {name}")
