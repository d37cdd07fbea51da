//! TypeScript declarations of every input and output, appended to the
//! generated `kringloop_wasm.d.ts` so the package is typed, not `any`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A wall-clock time, `HH:MM`. */
export type IsoTime = string;
/** An instant in RFC 3339, e.g. `2026-03-02T12:00:00Z`. */
export type IsoDateTime = string;
/** A time-ordered id (UUIDv7, hyphenated). */
export type Id = string;

/** The role an actor acts in. */
export type Role = "volunteer" | "coordinator" | "researcher" | "admin";
/** A volunteer's role in the shop. */
export type VolunteerRole =
  | "shop_floor" | "cashier" | "intake_sorting" | "coffee_host"
  | "activity_lead" | "driver" | "coordinator";
/** A volunteer's status. */
export type VolunteerStatus = "prospect" | "active" | "paused" | "left";
/** A shift's status. */
export type ShiftStatus = "planned" | "worked" | "cancelled";
/** A day of the week. */
export type Weekday =
  | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
/** Why a VOG needs attention. */
export type VogState = "missing" | "expired" | "expiring";
/** Kind of donated goods. */
export type Category =
  | "books" | "clothing" | "crockery" | "toys" | "furniture" | "electronics" | "household" | "other";
/** State of an item: `a` as new, `b` good, `c` fair. */
export type Condition = "a" | "b" | "c";
/** Who donated goods. */
export type DonorKind = "household" | "clearance" | "company" | "anonymous";
/** What a stock move records. */
export type MoveKind =
  | "intake" | "sale" | "return" | "markdown" | "discard" | "recycle" | "transfer" | "correction";
/** The kinds of move `recordMove` takes (intake, sale and return come from their own operations). */
export type ManualMoveKind = "markdown" | "discard" | "recycle" | "transfer" | "correction";
/** How a customer pays. */
export type PaymentMethod = "cash" | "card";
/** The colour of a price tag (its markdown step). */
export type TagColour = "white" | "yellow" | "orange" | "red" | "green" | "blue" | "purple";
/** How sales reports group dates. */
export type Bucket = "day" | "week" | "month";
/** Names of the code lists `labels()` knows. */
export type Vocabulary =
  | "role" | "action" | "weekday" | "volunteer_role" | "volunteer_status" | "shift_status" | "vog_state"
  | "category" | "condition" | "donor_kind" | "move_kind" | "payment_method" | "tag_colour" | "bucket";
/** An amount of money in whole euro cents (an integer; `250` is € 2,50). */
export type Cents = number;

/** Who is acting: a name for the journal, a role, and for volunteers their own record. */
export interface Actor {
  name: string;
  role: Role;
  volunteerId?: Id | null;
}

/** Options of `Hub.open`. */
export interface HubOptions {
  /** Fixes the hub's clock at this instant (move it with `hub.setNow`). */
  now?: IsoDateTime | null;
}

/** A weekly window in which a volunteer is available. */
export interface AvailabilitySlot {
  weekday: Weekday;
  start: IsoTime;
  end: IsoTime;
}

/** Input of `registerVolunteer`. */
export interface NewVolunteer {
  displayName: string;
  contact?: string | null;
  /** Default: today. */
  startDate?: IsoDate | null;
  /** `prospect` (default) or `active`. */
  status?: "prospect" | "active" | null;
  roles?: VolunteerRole[];
  skills?: string[];
  availability?: AvailabilitySlot[];
  /** The date the VOG (certificate of good conduct) was issued. */
  vogDate?: IsoDate | null;
}

/** Input of `updateVolunteer`: omitted properties stay; `null` clears `contact` / `vogDate`. */
export interface VolunteerUpdate {
  displayName?: string | null;
  contact?: string | null;
  startDate?: IsoDate | null;
  roles?: VolunteerRole[] | null;
  skills?: string[] | null;
  availability?: AvailabilitySlot[] | null;
  vogDate?: IsoDate | null;
}

/** A volunteer. */
export interface Volunteer {
  id: Id;
  displayName: string;
  contact: string | null;
  startDate: IsoDate;
  status: VolunteerStatus;
  statusSince: IsoDate;
  statusReason: string | null;
  roles: VolunteerRole[];
  skills: string[];
  availability: AvailabilitySlot[];
  vogDate: IsoDate | null;
  /** Bumped by every change. */
  version: number;
}

/** Options of `changeVolunteerStatus`. */
export interface StatusChangeOptions {
  /** Needed for pausing, leaving and returning. */
  reason?: string | null;
  /** From which date (default: today). */
  on?: IsoDate | null;
}

/** Filter of `volunteers`. */
export interface VolunteersFilter {
  status?: VolunteerStatus | null;
}

/** Input of `planShift` and `recordShift`. */
export interface NewShift {
  volunteerId: Id;
  role: VolunteerRole;
  date: IsoDate;
  start: IsoTime;
  end: IsoTime;
  note?: string | null;
}

/** A shift on the roster. */
export interface Shift {
  id: Id;
  volunteerId: Id;
  role: VolunteerRole;
  date: IsoDate;
  start: IsoTime;
  end: IsoTime;
  status: ShiftStatus;
  note: string | null;
}

/** Options of `completeShift`: the times actually worked, both or neither. */
export interface CompleteShiftOptions {
  start?: IsoTime | null;
  end?: IsoTime | null;
}

/** Options of `cancelShift`. */
export interface CancelShiftOptions {
  reason?: string | null;
}

/** An inclusive range of dates. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** Query of `shifts`. */
export interface ShiftQuery extends Period {
  volunteerId?: Id | null;
  includeCancelled?: boolean | null;
}

/** Worked hours of one volunteer. */
export interface HoursByVolunteer {
  volunteerId: Id;
  displayName: string;
  minutes: number;
  shifts: number;
}

/** Worked hours in one role. */
export interface HoursByRole {
  role: VolunteerRole;
  minutes: number;
  shifts: number;
}

/** An hour milestone a volunteer passed. */
export interface MilestoneReached {
  volunteerId: Id;
  displayName: string;
  milestoneHours: number;
  totalMinutes: number;
}

/** A weekly opening slot and how many people per role it needs. */
export interface OpeningSlot {
  weekday: Weekday;
  start: IsoTime;
  end: IsoTime;
  staffing: Partial<Record<VolunteerRole, number>>;
}

/** A stretch of an opening slot with fewer people planned than required. */
export interface RosterGap {
  date: IsoDate;
  start: IsoTime;
  end: IsoTime;
  role: VolunteerRole;
  required: number;
  planned: number;
  /** Who could fill it: may work, holds the role, usually available then, not busy. */
  candidates: Candidate[];
}

/** A volunteer who could fill a roster gap. */
export interface Candidate {
  volunteerId: Id;
  displayName: string;
}

/** A volunteer whose VOG needs attention. */
export interface VogStatus {
  volunteerId: Id;
  displayName: string;
  vogDate: IsoDate | null;
  expiresOn: IsoDate | null;
  state: VogState;
}

/** Input of `takeIn` and `takeInBatch`: one intake lot of identical goods. */
export interface NewItem {
  category: Category;
  /** What it is, as on its label (1–200 characters). */
  description: string;
  condition: Condition;
  /** Units (1–10 000, default 1). */
  quantity?: number;
  /** Weight of one unit in grams (1–500 000). */
  weightGrams: number;
  donor?: DonorKind | null;
  /** Default: today; not in the future. */
  intakeDate?: IsoDate | null;
  /** A fixed price instead of the policy's base price (0 – 1 000 000 cents). */
  priceOverride?: Cents | null;
}

/** An item (one intake lot), immutable once taken in. */
export interface Item {
  id: Id;
  category: Category;
  description: string;
  condition: Condition;
  /** Units taken in. */
  quantity: number;
  weightGrams: number;
  donor: DonorKind | null;
  intakeDate: IsoDate;
  priceOverride: Cents | null;
}

/** What an item costs on a day and which tag it wears. */
export interface PriceTag {
  /** Price before the markdown: the override, else the policy's base price (or the manual price). */
  base: Cents;
  /** Percentage off (0 for a manual price). */
  percentOff: number;
  /** `null` for a manual (markdown) price, which has no schedule. */
  colour: TagColour | null;
  /** The unit price charged. */
  price: Cents;
}

/** An item with its stock on hand and its price tag today. */
export interface ItemView extends Item {
  /** Units on hand (the sum of its moves). */
  onHand: number;
  /** The latest markdown price, if any. */
  manualPrice: Cents | null;
  tag: PriceTag;
}

/** Input of `recordMove`. */
export interface NewMove {
  itemId: Id;
  kind: ManualMoveKind;
  /** Positive for discard/recycle/transfer (removed); signed for a correction; 0 or absent for a markdown. */
  quantity?: number;
  /** The new unit price (markdown only). */
  unitPrice?: Cents | null;
  /** Why (required for a correction). */
  reason?: string | null;
}

/** One entry of the append-only stock ledger. */
export interface StockMove {
  id: Id;
  itemId: Id;
  kind: MoveKind;
  /** Units added (+) or removed (−); 0 for a markdown. */
  quantity: number;
  date: IsoDate;
  at: IsoDateTime;
  actor: string;
  /** The sale or refund it belongs to. */
  saleId: Id | null;
  /** As sold or returned, or the new price of a markdown. */
  unitPrice: Cents | null;
  reason: string | null;
}

/** The base price of a category in a condition. */
export interface BasePrice {
  category: Category;
  condition: Condition;
  price: Cents;
}

/** One step of the colour-tag markdown schedule. */
export interface MarkdownStep {
  /** Whole weeks since intake from which the step applies. */
  fromWeek: number;
  /** 0–100. */
  percentOff: number;
  colour: TagColour;
}

/** A hub's pricing policy (input of `setPricingPolicy`, output of both policy calls). */
export interface PricingPolicy {
  /** Exactly one per category and condition (8 × 3). */
  basePrices: BasePrice[];
  /** Prices round to a multiple of this (1–1000 cents). */
  roundingStep: Cents;
  /** Starts at week 0; weeks increase, percentages do not decrease; at most 12 steps. */
  markdown: MarkdownStep[];
  /** City-pass (Stadjerspas) discount, 0–100. */
  cityPassDiscountPercent: number;
}

/** One basket line: an item (at most once per basket) and how many. */
export interface BasketLine {
  itemId: Id;
  /** 1–10 000. */
  quantity: number;
}

/** Input of `checkout`. */
export interface Basket {
  /** The till, e.g. `"kassa-1"`. */
  till: string;
  /** 1–200 lines. */
  lines: BasketLine[];
  payment: PaymentMethod;
  /** The customer showed a city pass (default false). */
  cityPass?: boolean | null;
  /** When the sale happened, for tills recording offline (default now; at most 5 minutes ahead). */
  at?: IsoDateTime | null;
}

/** A priced line of a sale (negative quantities in a refund). */
export interface SaleLine {
  itemId: Id;
  category: Category;
  quantity: number;
  /** As charged. */
  unitPrice: Cents;
  /** `quantity × unitPrice`. */
  lineTotal: Cents;
  /** This line's share of the total after discount and rounding; the shares add up to `total`. */
  net: Cents;
  weightGrams: number;
}

/** A sale at the till, or (with `reverses`) a refund. */
export interface Sale {
  id: Id;
  till: string;
  at: IsoDateTime;
  date: IsoDate;
  actor: string;
  payment: PaymentMethod;
  cityPass: boolean;
  lines: SaleLine[];
  /** Sum of the line totals. */
  subtotal: Cents;
  /** City-pass discount (subtracted). */
  discount: Cents;
  /** Cash rounding (added; 0 for card). */
  rounding: Cents;
  /** What was paid (negative for a refund). */
  total: Cents;
  /** The sale this refund reverses. */
  reverses: Id | null;
}

/** Input of `refund`. */
export interface RefundRequest {
  saleId: Id;
  /** The till paying back. */
  till: string;
  /** Items and units to take back; absent or empty: every line in full. */
  lines?: BasketLine[];
  payment: PaymentMethod;
}

/** Input of `cashUp`. */
export interface NewCashUp {
  till: string;
  /** Default: today; not in the future. */
  date?: IsoDate | null;
  /** Cash in the drawer when the day began. */
  openingFloat: Cents;
  /** Cash counted at the end of the day. */
  counted: Cents;
}

/** A recorded cash-up of a till on a day. */
export interface CashUp {
  id: Id;
  till: string;
  date: IsoDate;
  openingFloat: Cents;
  cashSales: Cents;
  cashRefunds: Cents;
  /** `openingFloat + cashSales − cashRefunds`. */
  expected: Cents;
  counted: Cents;
  /** `counted − expected` (negative: cash missing). */
  difference: Cents;
  recordedBy: string;
  at: IsoDateTime;
}

/** Options of `stockOnHand`. */
export interface StockOnHandOptions {
  /** Value the stock at the prices of this day (default: today). */
  on?: IsoDate | null;
}

/** Stock on hand of a category under one tag colour, valued at the day's prices. */
export interface StockOnHand {
  category: Category;
  /** `null`: manually priced. */
  colour: TagColour | null;
  items: number;
  units: number;
  weightGrams: number;
  value: Cents;
}

/** Query of `ageing`. */
export interface AgeingQuery {
  /** Taken in more than this many weeks ago (0–520). */
  weeks: number;
  /** 1–10 000 (default 10 000). */
  limit?: number | null;
}

/** Query of `salesReport`. */
export interface SalesQuery extends Period {
  /** Default `day`. */
  bucket?: Bucket | null;
}

/** Sales of one category in one bucket; refunds subtract. */
export interface SalesRow {
  /** The day, the week's Monday, or the month's 1st. */
  periodStart: IsoDate;
  category: Category;
  /** Money taken after pass discounts and cash rounding. */
  revenue: Cents;
  units: number;
  weightGrams: number;
}

/** How much CO2e reusing one kilogram of a category avoids, and who says so
 * (input of `setImpactFactors`, output of both factor calls). */
export interface ImpactFactor {
  category: Category;
  /** Grams of CO2e avoided per kilogram reused, 0–100 000 (whole grams). */
  gramsCo2ePerKg: number;
  /** Where the number comes from, 3–300 characters on one line. */
  source: string;
  /** Date of the source. */
  sourceDate: IsoDate;
}

/** Goods of one category reused (sold, net of returns) in a period. */
export interface ImpactRow {
  category: Category;
  weightGrams: number;
  /** CO2e avoided; `null` when the hub has no factor for the category. */
  gramsCo2e: number | null;
  /** The factor's source; `null` without a factor. */
  source: string | null;
}

/** Options of `journal`. */
export interface JournalOptions {
  /** Position after which to start (default 0). */
  after?: number | null;
  /** Most entries (1–10 000, default 10 000). */
  limit?: number | null;
}

/** One journalled change with its position. */
export interface JournalRecord {
  seq: number;
  id: Id;
  at: IsoDateTime;
  actor: string;
  role: Role;
  action: string;
  entity: string;
  entityId: string;
  detail: unknown;
}

/** One entry of a code list. */
export interface CodeLabel {
  code: string;
  nl: string;
  en: string;
}

/** The machine code of a kringloop error. */
export type ErrorCode = "validation" | "not_found" | "conflict" | "forbidden" | "storage";

/** What every rejected Promise (and thrown error) of this package carries. */
export interface KringloopError extends Error {
  name: "KringloopError";
  code: ErrorCode;
  /** For `validation`: the field or argument at fault, camelCased. */
  field?: string;
  /** For `not_found`: the kind of thing asked for. */
  entity?: string;
  /** For `not_found`: the id asked for. */
  id?: string;
}
"#;
