// A TypeScript consumer of the programme package (`kringloop-programme`): it
// must type-check against pkg-programme/kringloop_wasm.d.ts with `strict`, and
// the @ts-expect-error lines prove the types are precise (not `any`).
import init, {
  Hub,
  labels,
  type Activity,
  type ActivityReport,
  type Actor,
  type Assessment,
  type CoachingSuggestion,
  type CodeLabel,
  type Conflict,
  type Course,
  type CourseEffect,
  type Enrolment,
  type HubReport,
  type Idea,
  type KringloopError,
  type Resident,
  type ScheduleChange,
  type Session,
  type TableTally,
  type Trajectory,
  type Volunteer,
  type Withdrawal,
} from "../../pkg-programme/kringloop_wasm.js";

export async function programme(): Promise<string> {
  await init();
  const hub: Hub = await Hub.open("memory:", "oude-bieb", { now: "2026-03-02T12:00:00Z" });
  const anna: Actor = { name: "anna", role: "coordinator" };
  const bea: Volunteer = await hub.registerVolunteer(anna, { displayName: "Bea", status: "active" });
  const team: Volunteer[] = await hub.volunteers(anna, { status: "active" });
  const cafe: Activity = await hub.createActivity(anna, {
    name: "Breicafé",
    kind: "craft",
    leaders: [bea.id],
    capacity: 10,
  });
  const change: ScheduleChange = await hub.setSchedule(anna, cafe.id, {
    recurrence: { freq: "weekly", every: 1, weekdays: ["monday"] },
    startsOn: "2026-02-02",
    span: { start: "10:00", end: "12:00" },
  });
  await hub.setSchedule(anna, cafe.id, {
    recurrence: { freq: "monthly", every: 1, nth: "last", weekday: "friday" },
    startsOn: "2026-02-02",
    span: { start: "19:00", end: "21:00" },
    count: 12,
  });
  const added: number = await hub.generateSessions(anna, { from: "2026-02-01", to: "2026-02-28", activityId: cafe.id });
  const sessions: Session[] = await hub.sessions(anna, { from: "2026-02-01", to: "2026-02-28" });
  const first = sessions[0];
  const held: Session = await hub.recordAttendance(anna, first.id, {
    headcount: 8,
    firstTimers: 2,
    participants: [{ kind: "volunteer", id: bea.id }],
  });
  const resident: Resident = await hub.registerResident(anna, { name: "Mw. De Vries", consent: true });
  const idea: Idea = await hub.submitIdea(anna, { title: "Repaircafé", text: "Elke maand." });
  await hub.changeIdea(anna, idea.id, { status: "discussed" });
  const tally: TableTally = await hub.recordTally(anna, { visitors: 12, conversations: 5 });
  const report: ActivityReport = await hub.activityReport(anna, { from: "2026-02-01", to: "2026-02-28" });
  const kinds: CodeLabel[] = labels("activity_kind");
  await hub.forgetResident(anna, resident.id);

  // @ts-expect-error: "weekly" needs weekdays, not a weekday
  const bad: ScheduleChange["schedule"]["recurrence"] = { freq: "weekly", every: 1, weekday: "monday" };
  // @ts-expect-error: not an idea status
  await hub.changeIdea(anna, idea.id, { status: "considered" });
  // @ts-expect-error: the shop's operations are not in this package
  await hub.planShift(anna, {});
  // @ts-expect-error: the research tables are in the shop package
  await hub.researchTable({ name: "onderzoek", role: "researcher" }, "attendance");

  // Volunteer development: assessments, trajectories, courses, conflicts.
  const cor: Volunteer = await hub.registerVolunteer(anna, { displayName: "Cor", status: "active", startDate: "2025-01-01" });
  const step: Assessment = await hub.recordAssessment(anna, {
    volunteer: cor.id,
    on: "2025-06-01",
    instrument: "participation_ladder",
    scores: [{ measure: "step", value: 3 }],
  });
  const course_: Trajectory = await hub.trajectory(anna, cor.id, "ladder", { windowMonths: 24 });
  const suggestions: CoachingSuggestion[] = await hub.coachingSuggestions(anna);
  const training: Course = await hub.createCourse(anna, { title: "Kassatraining", sessions: ["2026-04-06"], capacity: 1 });
  const place: Enrolment = await hub.enrol(anna, training.id, cor.id);
  const left: Withdrawal = await hub.withdraw(anna, training.id, cor.id);
  const effect: CourseEffect = await hub.courseEffect(anna, training.id, "zrm.housing", { minN: 3 });
  const conflict: Conflict = await hub.registerConflict(anna, {
    parties: [bea.id, cor.id],
    description: "ruzie over de kassa",
    step: 2,
    intervention: "coordinator",
  });
  // @ts-expect-error: not a measure
  await hub.trajectory(anna, cor.id, "happiness");
  // @ts-expect-error: not an intervention
  await hub.followUpConflict(anna, conflict.id, { note: "x", intervention: "police" });
  const development = [step.scores[0].value, course_.class, suggestions.length, place.status, left.promoted?.status, effect.insufficientData];

  // The hub report: the figures (null where hidden), Markdown and HTML.
  const quarter = { from: "2026-01-01", to: "2026-03-31" };
  const figures: HubReport = await hub.hubReport(anna, quarter);
  const visitors: number | null = figures.table.visitors;
  const debt: number | null = figures.signals.byDomain.find((d) => d.key === "money_debt")?.count ?? null;
  const markdown: string = await hub.hubReportMarkdown(anna, quarter);
  const html: string = await hub.hubReportHtml({ name: "onderzoek", role: "researcher" }, quarter, "en");
  // @ts-expect-error: not a language
  await hub.hubReportHtml(anna, quarter, "de");
  // @ts-expect-error: a period is { from, to }
  await hub.hubReport(anna, { start: "2026-01-01", end: "2026-03-31" });
  // @ts-expect-error: hidden counts are null, not 0: a number | null is not a number
  const sure: number = figures.ladder.up;
  const report_ = [visitors, debt, figures.reuse.byCategory.length, markdown.length > 0, html.length > 0, sure];

  try {
    await hub.recordTally(anna, { visitors: 1, conversations: 1 });
  } catch (e) {
    const err = e as KringloopError;
    if (err.code !== "conflict") throw err;
  }
  const use: number | null = report.months[0]?.capacityUse ?? null;
  return [team.length, change.removedSessions, added, held.attendance?.headcount, tally.visitors, kinds.length, use, bad, ...development, ...report_]
    .map(String)
    .join(",");
}
