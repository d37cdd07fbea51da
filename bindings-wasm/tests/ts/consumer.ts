// A tiny TypeScript consumer of the generated package: it must type-check
// against pkg/kringloop_wasm.d.ts with `strict`, and the @ts-expect-error
// lines prove the types are precise (not `any`).
import init, {
  Hub,
  labels,
  type Actor,
  type Basket,
  type CodeLabel,
  type ImpactFactor,
  type ImpactRow,
  type Item,
  type ItemView,
  type KringloopError,
  type FollowUpDue,
  type HsdsExport,
  type Partner,
  type PartnerSuggestion,
  type Referral,
  type ResearchBatch,
  type ResearchColumn,
  type ResearchTable,
  type ResearchValue,
  type SignalStatistics,
  type SignalView,
  type PricingPolicy,
  type RosterGap,
  type Sale,
  type SalesRow,
  type Shift,
  type StockOnHand,
  type SyncBatch,
  type TagColour,
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

  // A typed checkout: intake, a basket, a sale, the reports.
  const kees: Actor = { name: "kees", role: "volunteer" };
  const [coat, cup]: Item[] = await hub.takeInBatch(kees, [
    { category: "clothing", description: "winterjas", condition: "b", weightGrams: 1200 },
    { category: "crockery", description: "kopje", condition: "b", quantity: 4, weightGrams: 200, donor: "household" },
  ]);
  const view: ItemView = await hub.item(kees, coat!.id);
  const colour: TagColour | null = view.tag.colour;
  const basket: Basket = {
    till: "kassa-1",
    payment: "cash",
    cityPass: true,
    lines: [{ itemId: coat!.id, quantity: 1 }, { itemId: cup!.id, quantity: 2 }],
  };
  const sale: Sale = await hub.checkout(kees, basket);
  const cents: number = sale.total + sale.lines.reduce((sum, l) => sum + l.net, 0);
  const refund: Sale = await hub.refund(kees, { saleId: sale.id, till: "kassa-1", payment: "cash" });
  const reverses: string | null = refund.reverses;
  const policy: PricingPolicy = await hub.pricingPolicy(anna);
  await hub.setPricingPolicy(anna, { ...policy, cityPassDiscountPercent: 20 });
  const stock: StockOnHand[] = await hub.stockOnHand(anna, { on: "2026-04-01" });
  const rows: SalesRow[] = await hub.salesReport(anna, { from: "2026-03-01", to: "2026-03-31", bucket: "week" });
  const aged: ItemView[] = await hub.ageing(anna, { weeks: 8 });
  const sellable: ItemView[] = await hub.inStock(kees, { limit: 50 });
  const batch: SyncBatch = await hub.exportJournal(anna, 0);
  // @ts-expect-error: restore is in kringloop-offline, not in the shop package
  Hub.restore("{}");
  const suggested: TagColour | null = (await hub.suggestPrice(kees, { category: "books", condition: "a" })).colour;
  // @ts-expect-error: a condition is "a" | "b" | "c"
  await hub.suggestPrice(kees, { category: "books", condition: "d" });
  const factors: ImpactFactor[] = await hub.impactFactors(anna);
  const mine: ImpactFactor = { category: "books", gramsCo2ePerKg: 1200, source: "eigen LCA", sourceDate: "2025-09-01" };
  await hub.setImpactFactors(anna, [...factors.filter((f) => f.category !== "books"), mine]);
  const impact: ImpactRow[] = await hub.reuseImpact(anna, { from: "2026-03-01", to: "2026-03-31" });
  const co2e: number | null = impact[0]?.gramsCo2e ?? null;

  // Signals and referrals, typed.
  const me: Actor = { name: "bea", role: "volunteer", volunteerId: bea.id };
  const partner: Partner = await hub.registerPartner(anna, {
    name: "WIJ Lewenborg",
    services: [{ name: "Schuldhulp", domains: ["money_debt"] }],
  });
  const sv: SignalView = await hub.recordSignal(me, {
    domains: ["money_debt", "loneliness"],
    urgency: "acute",
    summary: "Zorgen over de huur",
    consent: "refused",
  });
  const summary: string | undefined = sv.personal?.summary;
  const suggestions: PartnerSuggestion[] = await hub.partnerSuggestions(me, sv.signal.id);
  const referral: Referral = await hub.refer(anna, {
    signal: sv.signal.id,
    partner: partner.id,
    consentException: "uitzetting morgen",
    request: true,
  });
  const step: Referral = await hub.changeReferral(anna, referral.id, { status: "accepted" });
  await hub.setFollowUp(anna, referral.id, null);
  const due: FollowUpDue[] = await hub.followUpsDue(anna, { on: "2026-03-09" });
  const stats: SignalStatistics = await hub.signalStatistics(anna, { from: "2026-03-01", to: "2026-03-31" });
  const hidden: number | null = stats.byDomain.cells[0]?.[0] ?? null;
  const hsds: HsdsExport = await hub.partnersHsds(anna, "en");
  const orgId: string = hsds.services[0]!.organization_id;
  // @ts-expect-error: "debt" is not a SignalDomain
  await hub.recordSignal(me, { domains: ["debt"], summary: "x" });
  // @ts-expect-error: a NewSignal needs a summary
  await hub.recordSignal(me, { domains: ["food"] });
  // @ts-expect-error: "done" is not a ReferralStatus
  await hub.changeReferral(anna, referral.id, { status: "done" });
  // @ts-expect-error: a cell of a CountTable may be null (hidden)
  const cell: number = stats.byDomain.total;
  // @ts-expect-error: "de" is not a Lang
  await hub.partnersHsds(anna, "de");

  // Research tables: pseudonymous rows, read batch by batch.
  const onderzoek: Actor = { name: "onderzoek", role: "researcher" };
  const linesTable: ResearchTable = await hub.researchTable(onderzoek, "sale_lines", { from: "2026-03-01" });
  const tableName: string = linesTable.name;
  const schema: ResearchColumn[] = linesTable.columns;
  const firstBatch: ResearchBatch | undefined = await linesTable.nextBatch(2);
  const dates: ResearchValue[] = firstBatch?.columns["date"] ?? [];
  const rest: ResearchBatch = await linesTable.readAll();
  const everything: ResearchBatch = await (await hub.researchTable(onderzoek, "shifts")).readAll();
  // @ts-expect-error: not a research table
  await hub.researchTable(onderzoek, "people");
  // @ts-expect-error: the period is { from?, to? }
  await hub.researchTable(onderzoek, "shifts", { start: "2026-01-01" });
  // @ts-expect-error: a column type is one of four
  const wrongType: ResearchColumn = { name: "x", type: "float64" };
  // @ts-expect-error: a batch may be undefined at the end
  const surely: ResearchBatch = await linesTable.nextBatch();
  const research = [tableName, schema[0]!.type, dates.length, rest.rows, everything.rows, wrongType.name, surely.rows].join(",");

  // @ts-expect-error: "cheque" is not a PaymentMethod
  await hub.checkout(kees, { till: "kassa-1", payment: "cheque", lines: [] });
  // @ts-expect-error: a Basket needs lines
  await hub.checkout(kees, { till: "kassa-1", payment: "card" });
  // @ts-expect-error: BasketLine has itemId, not item
  await hub.checkout(kees, { till: "kassa-1", payment: "card", lines: [{ item: coat!.id, quantity: 1 }] });
  // @ts-expect-error: "sale" moves come from checkout, not recordMove
  await hub.recordMove(kees, { itemId: coat!.id, kind: "sale", quantity: 1 });
  // @ts-expect-error: Sale totals are numbers of cents, not strings
  const wrong: string = sale.total;
  // @ts-expect-error: gramsCo2e may be null (no factor for the category)
  const grams: number = impact[0]!.gramsCo2e;
  // @ts-expect-error: "cars" is not a Category
  await hub.setImpactFactors(anna, [{ ...mine, category: "cars" }]);
  // @ts-expect-error: reuseImpact takes a period, not a bucket
  await hub.reuseImpact(anna, { from: "2026-03-01", to: "2026-03-31", bucket: "week" });
  // @ts-expect-error: "year" is not a Bucket
  await hub.salesReport(anna, { from: "2026-03-01", to: "2026-03-31", bucket: "year" });
  labels("payment_method");

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
    return `${code} ${err.field ?? ""} ${gaps.length} ${roles.length} ${minutes} ${shift.status} ${colour} ${cents} ${reverses} ${stock.length} ${rows.length} ${aged.length} ${sellable.length} ${suggested} ${batch.upToSeq} ${wrong} ${co2e} ${grams} ${summary} ${suggestions.length} ${step.status} ${due.length} ${hidden} ${orgId} ${cell} ${research}`;
  }
  return "no error";
}
