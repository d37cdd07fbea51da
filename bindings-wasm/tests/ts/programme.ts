// A TypeScript consumer of the programme package (`kringloop-programme`): it
// must type-check against pkg-programme/kringloop_wasm.d.ts with `strict`, and
// the @ts-expect-error lines prove the types are precise (not `any`).
import init, {
  Hub,
  labels,
  type Activity,
  type ActivityReport,
  type Actor,
  type CodeLabel,
  type Idea,
  type KringloopError,
  type Resident,
  type ScheduleChange,
  type Session,
  type TableTally,
  type Volunteer,
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

  try {
    await hub.recordTally(anna, { visitors: 1, conversations: 1 });
  } catch (e) {
    const err = e as KringloopError;
    if (err.code !== "conflict") throw err;
  }
  const use: number | null = report.months[0]?.capacityUse ?? null;
  return [team.length, change.removedSessions, added, held.attendance?.headcount, tally.visitors, kinds.length, use, bad]
    .map(String)
    .join(",");
}
