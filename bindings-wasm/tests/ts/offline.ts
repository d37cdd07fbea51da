// A TypeScript consumer of the offline package (`kringloop-offline`: the shop
// floor's calls plus persistence and journal import, without the office's
// calls): it must type-check against
// pkg-offline/kringloop_wasm.d.ts with `strict`; the @ts-expect-error lines
// prove the types are precise (not `any`).
import init, {
  Hub,
  type Actor,
  type ImportReport,
  type SyncBatch,
  type SyncConflict,
} from "../../pkg-offline/kringloop_wasm.js";

export async function offline(): Promise<string> {
  await init();
  const anna: Actor = { name: "anna", role: "coordinator" };
  const till = await Hub.open("memory:", "oude-bieb");
  const text: string = await till.snapshot();
  const again: Hub = await Hub.restore(text, { now: "2026-03-02T12:00:00Z" });
  // @ts-expect-error: restore takes the snapshot's text
  await Hub.restore(await till.exportJournal(anna));
  const batch: SyncBatch = await again.exportJournal(anna, 0);
  const office = await Hub.open("memory:", "stadhuis");
  const report: ImportReport = await office.importJournal(anna, batch);
  await office.importJournal(anna, JSON.stringify(batch));
  // @ts-expect-error: a batch is an object or its JSON text
  await office.importJournal(anna, 42);
  const conflicts: SyncConflict[] = await office.syncConflicts(anna);
  // @ts-expect-error: the office's calls are in the shop package only
  await office.signalStatistics(anna, { from: "2026-03-01", to: "2026-03-31" });
  // @ts-expect-error: the office's calls are in the shop package only
  await till.changeVolunteerStatus(anna, "0190", "paused");
  // @ts-expect-error: the research tables are in the shop package only
  await till.researchTable({ name: "onderzoek", role: "researcher" }, "shifts");
  const action: string | undefined = conflicts[0]?.entry.action;
  return `${report.applied} ${report.seen} ${report.upToSeq} ${batch.upToSeq} ${conflicts.length} ${action}`;
}

// The office's types are not declared either.
// @ts-expect-error: no SignalStatistics in the offline package
export type NoStatistics = import("../../pkg-offline/kringloop_wasm.js").SignalStatistics;
// @ts-expect-error: no ResearchBatch in the offline package
export type NoResearch = import("../../pkg-offline/kringloop_wasm.js").ResearchBatch;
