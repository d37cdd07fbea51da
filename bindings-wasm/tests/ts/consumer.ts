// A tiny TypeScript consumer of the generated package: it must type-check
// against pkg/kringloop_wasm.d.ts with `strict`, and the @ts-expect-error
// lines prove the types are precise (not `any`).
import init, {
  Hub,
  labels,
  type Actor,
  type CodeLabel,
  type KringloopError,
  type RosterGap,
  type Shift,
  type Volunteer,
} from "../../pkg/kringloop_wasm.js";

export async function demo(): Promise<string> {
  await init();
  const hub: Hub = await Hub.open("memory:", "oude-bieb", { now: "2026-03-02T12:00:00Z" });
  const anna: Actor = { name: "anna", role: "coordinator" };
  const bea: Volunteer = await hub.registerVolunteer(anna, { displayName: "Bea", roles: ["cashier"] });
  const shift: Shift = await hub.planShift(anna, {
    volunteerId: bea.id,
    role: "cashier",
    date: "2026-03-02",
    start: "10:00",
    end: "13:00",
  });
  const gaps: RosterGap[] = await hub.rosterGaps(anna, { from: "2026-03-02", to: "2026-03-08" });
  const roles: CodeLabel[] = labels("volunteer_role");
  const minutes: number = (await hub.hoursByRole(anna, { from: "2026-03-01", to: "2026-03-31" }))[0]?.minutes ?? 0;

  // @ts-expect-error: "king" is not a Role
  await hub.volunteers({ name: "x", role: "king" });
  // @ts-expect-error: NewVolunteer needs displayName
  await hub.registerVolunteer(anna, { roles: ["cashier"] });
  // @ts-expect-error: "juggler" is not a VolunteerRole
  await hub.planShift(anna, { volunteerId: bea.id, role: "juggler", date: "2026-03-02", start: "10:00", end: "11:00" });
  // @ts-expect-error: Shift has no `hours`
  void shift.hours;
  // @ts-expect-error: labels takes a Vocabulary
  labels("colours");

  try {
    await hub.registerVolunteer(anna, { displayName: "" });
  } catch (e) {
    const err = e as KringloopError;
    const code: "validation" | "not_found" | "conflict" | "forbidden" | "storage" = err.code;
    return `${code} ${err.field ?? ""} ${gaps.length} ${roles.length} ${minutes} ${shift.status}`;
  }
  return "no error";
}
