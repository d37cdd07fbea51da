//! TypeScript declarations of every input and output, appended to the
//! generated `kringloop_wasm.d.ts` so the package is typed, not `any`: the
//! declarations every package shares, then those of the shop floor's calls
//! (feature `floor`: the shop and the offline package), of the office's calls
//! (feature `shop` only), of the research tables (feature `shop` only), of the
//! programme package (feature `programme`) and of persistence and import
//! (feature `offline`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const COMMON: &'static str = r#"
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

/** A day of the week. */
export type Weekday =
  | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

/** A language for labels. */
export type Lang = "nl" | "en";

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

/** Filter of `volunteers`. */
export interface VolunteersFilter {
  status?: VolunteerStatus | null;
}

/** An inclusive range of dates. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
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

/* Codes and rows the shop's operations and the programme's hub report share. */

/** Kind of donated goods. */
export type Category =
  | "books" | "clothing" | "crockery" | "toys" | "furniture" | "electronics" | "household" | "other";

/** What a signal is about. */
export type SignalDomain =
  | "loneliness" | "money_debt" | "housing" | "physical_health" | "mental_health" | "family_parenting"
  | "safety_violence" | "addiction" | "work_daytime" | "paperwork" | "food" | "other";

/** Where a referral stands (the HL7 SDOH closed-loop Task statuses). */
export type ReferralStatus =
  | "draft" | "requested" | "accepted" | "rejected" | "in_progress" | "on_hold"
  | "completed" | "failed" | "cancelled";

/** What came of a closed referral. */
export type ReferralOutcome =
  | "got_help" | "could_not_contact" | "not_eligible" | "no_capacity"
  | "no_longer_interested" | "referred_elsewhere";

/** Worked hours in one role. */
export interface HoursByRole {
  role: VolunteerRole;
  minutes: number;
  shifts: number;
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

#[cfg(feature = "floor")]
#[wasm_bindgen(typescript_custom_section)]
const SHOP: &'static str = r#"
/** A shift's status. */
export type ShiftStatus = "planned" | "worked" | "cancelled";

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

/** How soon something must happen about a signal. */
export type Urgency = "normal" | "high" | "acute";

/** Whether the person agreed to be referred. */
export type Consent = "given" | "refused" | "not_asked";

/** Whether a signal still needs attention. */
export type SignalStatus = "open" | "closed";

/** Whether a partner takes referrals. */
export type PartnerStatus = "active" | "inactive" | "defunct" | "temporarily_closed";

/** Names of the code lists `labels()` knows. */
export type Vocabulary =
  | "role" | "action" | "weekday" | "volunteer_role" | "volunteer_status" | "shift_status" | "vog_state"
  | "category" | "condition" | "donor_kind" | "move_kind" | "payment_method" | "tag_colour" | "bucket"
  | "signal_domain" | "urgency" | "consent" | "signal_status" | "partner_status" | "referral_status"
  | "referral_outcome";

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

/** Query of `shifts`. */
export interface ShiftQuery extends Period {
  volunteerId?: Id | null;
  includeCancelled?: boolean | null;
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

/** Input of `suggestPrice`: what an intake form knows before the lot is taken in. */
export interface PriceQuery {
  category: Category;
  condition: Condition;
  /** A fixed price instead of the policy's base price. */
  priceOverride?: Cents | null;
}

/** Options of `inStock`. */
export interface InStockOptions {
  /** Most items (1–10 000, default 10 000). */
  limit?: number | null;
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

/** Input of `recordSignal`: a concern a visitor shared. */
export interface NewSignal {
  /** At least one. */
  domains: SignalDomain[];
  /** Default `normal`. */
  urgency?: Urgency | null;
  /** What the person told, in short (1–500 characters). Personal: stored apart, erased by the purge. */
  summary: string;
  /** First name or pseudonym, never a full name (personal). */
  person?: string | null;
  /** Phone or e-mail (personal). */
  contact?: string | null;
  /** Default `not_asked`; a referral needs `given`. */
  consent?: Consent | null;
  /** The hub must not contact the person itself (default false). */
  doNotContact?: boolean;
}

/** Input of `updateSignal`: omitted (or `null`) properties stay. */
export interface SignalUpdate {
  domains?: SignalDomain[] | null;
  urgency?: Urgency | null;
  /** Consent asked again, now, by the actor. */
  consent?: Consent | null;
  doNotContact?: boolean | null;
}

/** The coded facts of a signal: no name, no contact, no free text. */
export interface Signal {
  id: Id;
  recordedAt: IsoDateTime;
  /** The hub's date it was recorded on (statistics count by it). */
  recordedOn: IsoDate;
  /** The name of the actor who recorded it. */
  recordedBy: string;
  /** The recording volunteer's own record, when the actor was linked to one. */
  recordedByVolunteer: Id | null;
  /** Sorted, without repeats. */
  domains: SignalDomain[];
  urgency: Urgency;
  consent: Consent;
  /** When consent was asked (`null` while `not_asked`). */
  consentAt: IsoDateTime | null;
  consentAskedBy: string | null;
  doNotContact: boolean;
  status: SignalStatus;
  closedAt: IsoDateTime | null;
  /** When the retention purge erased its personal fields. */
  personalErasedAt: IsoDateTime | null;
  /** Bumped by every change. */
  version: number;
}

/** The personal fields of a signal. */
export interface SignalPersonal {
  person: string | null;
  contact: string | null;
  summary: string;
}

/** A signal with its personal fields (`null` once purged). */
export interface SignalView {
  signal: Signal;
  personal: SignalPersonal | null;
}

/** Filter of `signals` and `signalViews`; `from` and `to` both or neither. */
export interface SignalsFilter {
  /** Only open signals (volunteers always see only their own open ones). */
  openOnly?: boolean | null;
  /** Recorded on or after this day. */
  from?: IsoDate | null;
  /** Recorded on or before this day. */
  to?: IsoDate | null;
}

/** One service of a partner, as given to `registerPartner` / `updatePartner`. */
export interface NewPartnerService {
  /** The id of an existing service to keep (when updating). */
  id?: Id | null;
  name: string;
  description?: string | null;
  /** The signal domains it serves (at least one). */
  domains: SignalDomain[];
}

/** Input of `registerPartner` and `updatePartner` (which replaces the details). */
export interface NewPartner {
  name: string;
  description?: string | null;
  email?: string | null;
  phone?: string | null;
  /** `https://…`. */
  website?: string | null;
  /** Default `active`. */
  status?: PartnerStatus | null;
  /** 1–50 services. */
  services: NewPartnerService[];
}

/** A service of a partner. */
export interface PartnerService {
  id: Id;
  name: string;
  description: string | null;
  /** Sorted, at least one. */
  domains: SignalDomain[];
}

/** A partner organisation in the directory. */
export interface Partner {
  id: Id;
  name: string;
  description: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  status: PartnerStatus;
  services: PartnerService[];
  version: number;
}

/** A partner suggested for a signal: best match first. */
export interface PartnerSuggestion {
  partner: Partner;
  /** Its services serving at least one of the signal's domains. */
  services: Id[];
  /** The signal's domains the partner serves. */
  matched: SignalDomain[];
}

/** Input of `refer`. */
export interface NewReferral {
  /** The signal's id. */
  signal: Id;
  /** The partner's id (it must be active). */
  partner: Id;
  /** When to check on it (today or later). */
  followUp?: IsoDate | null;
  /** Only for an `acute` signal without consent: why it cannot wait. */
  consentException?: string | null;
  /** Send it now (`requested`) instead of keeping a `draft` (default false). */
  request?: boolean;
}

/** A referral of a signal to a partner. */
export interface Referral {
  id: Id;
  signalId: Id;
  partnerId: Id;
  status: ReferralStatus;
  /** For `on_hold`: the status it goes back to. */
  heldFrom: ReferralStatus | null;
  createdAt: IsoDateTime;
  createdOn: IsoDate;
  createdBy: string;
  /** Why an acute signal was referred without consent. */
  consentException: string | null;
  requestedAt: IsoDateTime | null;
  followUp: IsoDate | null;
  /** Closed referrals only. */
  outcome: ReferralOutcome | null;
  closedAt: IsoDateTime | null;
  updatedAt: IsoDateTime;
  version: number;
}

/** The personal fields of one signal in a sync batch (the journal never holds them). */
export interface PersonalFields {
  signalId: Id;
  fields: SignalPersonal;
}

/** What `exportJournal` returns and `importJournal` takes: a hub's journal after a position. */
export interface SyncBatch {
  /** The batch format of the writer (1). */
  format: number;
  /** The hub that wrote the entries. */
  hubId: Id;
  hubSlug: string;
  /** The entries follow this journal position. */
  afterSeq: number;
  /** The last position included (`afterSeq` when empty): export the next batch after it. */
  upToSeq: number;
  /** In journal order. */
  entries: JournalRecord[];
  /** Personal fields of the signals recorded in `entries`. */
  personal: PersonalFields[];
}

"#;

/// The declarations of the shop package's office calls (`kringloop` only: the
/// offline package `kringloop-offline` leaves these calls out; docs/web.md).
#[cfg(feature = "shop")]
#[wasm_bindgen(typescript_custom_section)]
const OFFICE: &'static str = r#"
/** Why a VOG needs attention. */
export type VogState = "missing" | "expired" | "expiring";

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

/** Options of `changeVolunteerStatus`. */
export interface StatusChangeOptions {
  /** Needed for pausing, leaving and returning. */
  reason?: string | null;
  /** From which date (default: today). */
  on?: IsoDate | null;
}

/** Worked hours of one volunteer. */
export interface HoursByVolunteer {
  volunteerId: Id;
  displayName: string;
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

/** A volunteer whose VOG needs attention. */
export interface VogStatus {
  volunteerId: Id;
  displayName: string;
  vogDate: IsoDate | null;
  expiresOn: IsoDate | null;
  state: VogState;
}

/** Query of `ageing`. */
export interface AgeingQuery {
  /** Taken in more than this many weeks ago (0–520). */
  weeks: number;
  /** 1–10 000 (default 10 000). */
  limit?: number | null;
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

/** The directory as Open Referral HSDS 3.0 (field names as HSDS spells them). */
export interface HsdsExport {
  organizations: HsdsOrganization[];
  services: HsdsService[];
}

/** An HSDS `organization`. */
export interface HsdsOrganization {
  id: Id;
  name: string;
  /** The name when the partner has no description (HSDS requires one). */
  description: string;
  email?: string;
  website?: string;
  phones: HsdsPhone[];
}

/** An HSDS `phone`. */
export interface HsdsPhone {
  id: Id;
  organization_id: Id;
  number: string;
}

/** An HSDS `service`. */
export interface HsdsService {
  id: Id;
  organization_id: Id;
  name: string;
  description?: string;
  status: "active" | "inactive" | "defunct" | "temporarily closed";
  attributes: HsdsAttribute[];
}

/** An HSDS `attribute`: a service serves a signal domain. */
export interface HsdsAttribute {
  id: Id;
  link_id: Id;
  link_entity: "service";
  link_type: "signal_domain";
  value: SignalDomain;
  taxonomy_term_id: Id;
  taxonomy_term: HsdsTaxonomyTerm;
}

/** An HSDS `taxonomy_term`: one signal domain. */
export interface HsdsTaxonomyTerm {
  id: Id;
  code: SignalDomain;
  /** The label in the export's language. */
  name: string;
  /** The label in the other language. */
  description: string;
  taxonomy: "kringloop_signal_domain";
  language: Lang;
}

/** Input of `changeReferral`. */
export interface ReferralChange {
  status: ReferralStatus;
  /** Required when the new status closes the referral; refused otherwise. */
  outcome?: ReferralOutcome | null;
  /** A new follow-up date (today or later). */
  followUp?: IsoDate | null;
}

/** Filter of `referrals`. */
export interface ReferralsFilter {
  /** Only referrals of this signal. */
  signalId?: Id | null;
  /** Only open referrals (default false). */
  openOnly?: boolean | null;
}

/** Options of `followUpsDue`. */
export interface FollowUpsOptions {
  /** Follow-ups on or before this day (default: today). */
  on?: IsoDate | null;
}

/** An open referral whose follow-up date has come. */
export interface FollowUpDue {
  referral: Referral;
  partnerName: string;
  urgency: Urgency;
  /** The hub must not contact the person itself. */
  doNotContact: boolean;
}

/** A hub's signal policy (`setSignalPolicy` takes any part of it; the rest gets its default). */
export interface SignalPolicy {
  /** Months after closing that personal fields are kept (1–120, default 12). */
  retentionMonths: number;
  /** Published counts from 1 to this − 1 are hidden from researchers (2–100, default 10). */
  suppressionThreshold: number;
}

/** What `purgeSignals` erased. */
export interface PurgeReport {
  /** Signals closed before this instant were due. */
  closedBefore: IsoDateTime;
  /** The signals whose personal fields were erased. */
  erased: Id[];
}

/** A two-way table of counts with totals; `null` is a hidden (suppressed) count. */
export interface CountTable {
  rows: string[];
  columns: string[];
  /** `cells[row][column]`. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  /** The suppression threshold applied, if any. */
  threshold: number | null;
}

/** How many durations were measured and their median in days (both hidden together). */
export interface PublishedDays {
  n: number | null;
  median: number | null;
}

/** Signal and referral statistics for a period. */
export interface SignalStatistics {
  period: Period;
  /** The suppression threshold applied (researchers), or `null` (exact counts). */
  threshold: number | null;
  /** Rows: months (`YYYY-MM`); columns: domain codes (a signal counts in each of its domains). */
  byDomain: CountTable;
  /** Rows: months; columns: urgency codes. */
  byUrgency: CountTable;
  /** Rows: partner names; columns: referral status codes. */
  referralsByStatus: CountTable;
  /** Rows: partner names; columns: outcome codes. */
  referralsByOutcome: CountTable;
  daysToReferral: PublishedDays;
  daysToClosure: PublishedDays;
}

"#;

#[cfg(feature = "programme")]
#[wasm_bindgen(typescript_custom_section)]
const PROGRAMME: &'static str = r#"
/** Names of the code lists `labels()` knows (this package's ones; the core knows more). */
export type Vocabulary =
  | "role" | "action" | "weekday" | "volunteer_role" | "volunteer_status"
  | "activity_kind" | "activity_status" | "nth" | "session_status" | "idea_status"
  | "category" | "signal_domain" | "referral_status" | "referral_outcome";

/** What kind of activity. */
export type ActivityKind =
  | "craft" | "creative" | "music" | "film" | "idea_evening" | "meeting" | "other";

/** Whether an activity still runs. */
export type ActivityStatus = "active" | "archived";

/** Which week of the month a monthly schedule means. */
export type Nth = "first" | "second" | "third" | "fourth" | "last";

/** Where a session stands (a held session is `planned` with attendance). */
export type SessionStatus = "planned" | "cancelled";

/** Where a resident's idea stands: `new → discussed → adopted → realised`, or `declined` from the first three. */
export type IdeaStatus = "new" | "discussed" | "adopted" | "realised" | "declined";

/** A time of day, end after start. */
export interface TimeSpan {
  start: IsoTime;
  end: IsoTime;
}

/** Input of `createActivity` and `updateActivity`. */
export interface NewActivity {
  name: string;
  kind: ActivityKind;
  description?: string | null;
  /** Leading volunteers (registered ones). */
  leaders?: Id[];
  location?: string | null;
  /** Most people per session (1–1000), if limited. */
  capacity?: number | null;
  /** Price per session in cents (default 0). */
  price?: Cents | null;
}

/** An activity. */
export interface Activity {
  id: Id;
  name: string;
  kind: ActivityKind;
  description: string | null;
  leaders: Id[];
  location: string | null;
  capacity: number | null;
  price: Cents;
  status: ActivityStatus;
  /** Bumped by every change. */
  version: number;
}

/** Options of `activities`. */
export interface ActivitiesOptions {
  /** Also archived activities (default false). */
  includeArchived?: boolean | null;
}

/** How a schedule repeats: weekly on some weekdays, or monthly on the nth weekday. */
export type Recurrence =
  | { freq: "weekly"; /** 1 = every week, 2 = every other week, … (1–52). */ every: number; weekdays: Weekday[] }
  | { freq: "monthly"; /** 1 = every month, 3 = quarterly, … (1–52). */ every: number; nth: Nth; weekday: Weekday };

/** Input of `setSchedule`. */
export interface NewSchedule {
  recurrence: Recurrence;
  /** First day it may occur. */
  startsOn: IsoDate;
  span: TimeSpan;
  /** Last day it may occur. */
  until?: IsoDate | null;
  /** How many times at most (1–1000). */
  count?: number | null;
}

/** A schedule of an activity. */
export interface Schedule {
  id: Id;
  activityId: Id;
  recurrence: Recurrence;
  startsOn: IsoDate;
  span: TimeSpan;
  until: IsoDate | null;
  count: number | null;
}

/** What `setSchedule` did. */
export interface ScheduleChange {
  schedule: Schedule;
  /** Planned sessions of the earlier schedule that were removed. */
  removedSessions: number;
}

/** Query of `sessions` and `generateSessions`: a period, optionally of one activity. */
export interface SessionsQuery extends Period {
  activityId?: Id | null;
}

/** Input of `addSession`: a one-off session. */
export interface NewSession {
  date: IsoDate;
  start: IsoTime;
  end: IsoTime;
}

/** A named participant: a volunteer, or a resident registered with consent. */
export type Participant = { kind: "volunteer"; id: Id } | { kind: "resident"; id: Id };

/** Input of `recordAttendance`. */
export interface NewAttendance {
  /** Everyone who came (at least the named participants; default: just them). */
  headcount?: number | null;
  /** How many came for the first time (default 0). */
  firstTimers?: number;
  participants?: Participant[];
}

/** Who came to a session. */
export interface Attendance {
  headcount: number;
  firstTimers: number;
  participants: Participant[];
  recordedBy: string;
  recordedAt: IsoDateTime;
}

/** One session of an activity. */
export interface Session {
  id: Id;
  activityId: Id;
  date: IsoDate;
  span: TimeSpan;
  /** The schedule it came from; `null` for a one-off session. */
  scheduleId: Id | null;
  status: SessionStatus;
  cancelReason: string | null;
  /** Who came, once recorded. */
  attendance: Attendance | null;
  version: number;
}

/** Input of `registerResident`. */
export interface NewResident {
  name: string;
  /** Kept only with `consent`. */
  contact?: string | null;
  consent?: boolean;
}

/** A resident who takes part (contact only for coordinators and admins). */
export interface Resident {
  id: Id;
  name: string;
  contact: string | null;
  consentOn: IsoDate;
  registeredBy: string;
}

/** Input of `submitIdea`. */
export interface NewIdea {
  title: string;
  text: string;
  /** Default: today. */
  submittedOn?: IsoDate | null;
  /** Kept only with `contactConsent`. */
  contact?: string | null;
  contactConsent?: boolean;
}

/** Input of `changeIdea`. */
export interface IdeaStatusChange {
  status: IdeaStatus;
  /** Needed for declining. */
  reason?: string | null;
  /** The activity an adopted or realised idea became. */
  activity?: Id | null;
  /** Default: today. */
  on?: IsoDate | null;
}

/** One step in an idea's history. */
export interface IdeaChange {
  on: IsoDate;
  from: IdeaStatus;
  to: IdeaStatus;
  reason: string | null;
  by: string;
}

/** A resident's idea. */
export interface Idea {
  id: Id;
  title: string;
  text: string;
  submittedOn: IsoDate;
  contact: string | null;
  status: IdeaStatus;
  history: IdeaChange[];
  activityId: Id | null;
  version: number;
}

/** Filter of `ideas`. */
export interface IdeasFilter {
  status?: IdeaStatus | null;
}

/** Input of `recordTally` and `correctTally`. */
export interface NewTally {
  /** Default: today. */
  date?: IsoDate | null;
  visitors: number;
  conversations: number;
}

/** The day's tally at the table. */
export interface TableTally {
  date: IsoDate;
  visitors: number;
  conversations: number;
  recordedBy: string;
  version: number;
}

/** One activity in one month of the report; counts below the threshold are `null`. */
export interface ActivityMonth {
  activityId: Id;
  activityName: string;
  /** `YYYY-MM`. */
  month: string;
  held: number | null;
  cancelled: number | null;
  planned: number | null;
  attendance: number | null;
  firstTimers: number | null;
  /** Average attendance per session held. */
  averageAttendance: number | null;
  /** Average attendance as a share of the capacity (0–1), where set. */
  capacityUse: number | null;
}

/** Ideas of one status in the report. */
export interface IdeasByStatus {
  status: IdeaStatus;
  count: number | null;
}

/** The table tally of one week (from its Monday). */
export interface TallyWeek {
  week: IsoDate;
  days: number;
  visitors: number;
  conversations: number;
}

/** Result of `activityReport`. */
export interface ActivityReport {
  period: Period;
  /** The suppression threshold applied (researchers), or `null`. */
  threshold: number | null;
  months: ActivityMonth[];
  ideas: IdeasByStatus[];
  tally: TallyWeek[];
}

/** A count under a code (a domain, a status, an outcome); `null` is hidden. */
export interface Counted<K extends string> {
  key: K;
  count: number | null;
}

/** Volunteers in the report's period (`null`: hidden). */
export interface VolunteerFigures {
  /** With at least one worked shift. */
  active: number | null;
  started: number | null;
  left: number | null;
}

/** Hours worked in the period (not people: never hidden). */
export interface HoursFigures {
  minutes: number;
  shifts: number;
  /** By role code. */
  byRole: HoursByRole[];
}

/** Movement on the participation ladder in the period (`null`: hidden). */
export interface LadderFigures {
  /** Volunteers with a step assessed in the period. */
  measured: number | null;
  /** Of those, the ones with a step before the period too (shown only when up, same and down are). */
  compared: number | null;
  up: number | null;
  same: number | null;
  down: number | null;
}

/** Courses in the period. */
export interface CourseFigures {
  /** Courses running (not people: never hidden). */
  running: number;
  /** Places taken in them. */
  participants: number | null;
  /** Completions of courses that ended in the period. */
  completions: number | null;
}

/** Activity sessions in the period. */
export interface ActivityFigures {
  sessionsHeld: number;
  sessionsCancelled: number;
  attendance: number | null;
  firstTimers: number | null;
}

/** The daily tally at the big table in the period. */
export interface TableFigures {
  /** Days with a tally. */
  days: number;
  visitors: number | null;
  conversations: number;
}

/** Signals recorded in the period. */
export interface SignalFigures {
  signals: number | null;
  /** In code-list order; a signal counts once in each of its domains. */
  byDomain: Counted<SignalDomain>[];
}

/** Referrals made in the period. */
export interface ReferralFigures {
  referrals: number | null;
  /** By status now, in code-list order. */
  byStatus: Counted<ReferralStatus>[];
  /** By outcome of the closed ones, in code-list order. */
  byOutcome: Counted<ReferralOutcome>[];
}

/** Sales of one month. */
export interface SalesMonth {
  /** `YYYY-MM`. */
  month: string;
  revenue: Cents;
  items: number;
}

/** Sales in the period (refunds subtracted from revenue and items). */
export interface SalesFigures {
  sales: number;
  refunds: number;
  /** After discounts and cash rounding. */
  revenue: Cents;
  itemsSold: number;
  byMonth: SalesMonth[];
}

/** Reuse in the period. */
export interface ReuseFigures {
  gramsReused: number;
  /** By the hub's impact factors (categories without one add nothing). */
  gramsCo2eAvoided: number;
  byCategory: ImpactRow[];
}

/** Result of `hubReport`: what the hub did for its district in a period. */
export interface HubReport {
  /** The hub's slug. */
  hub: string;
  period: Period;
  /** The suppression threshold applied (researchers), or `null` (exact). */
  threshold: number | null;
  volunteers: VolunteerFigures;
  hours: HoursFigures;
  ladder: LadderFigures;
  courses: CourseFigures;
  activities: ActivityFigures;
  table: TableFigures;
  signals: SignalFigures;
  referrals: ReferralFigures;
  sales: SalesFigures;
  reuse: ReuseFigures;
}
/** A measure: `"ladder"` (the participation ladder, 1–6), `"zrm.<domain>"` (a self-sufficiency domain, 1–5) or `"skill.<name>"` (one of the hub's skills, 1–5). */
export type Measure = "ladder" | `zrm.${ZrmDomain}` | `skill.${string}`;

/** The instruments of volunteer development. */
export type Instrument = "participation_ladder" | "self_sufficiency" | "skills";

/** The domains of the self-sufficiency matrix (Zelfredzaamheid-Matrix). */
export type ZrmDomain =
  | "finances" | "work_education" | "time_use" | "housing" | "domestic_relations"
  | "mental_health" | "physical_health" | "substance_use" | "basic_adl" | "instrumental_adl"
  | "social_network" | "community_participation" | "justice";

/** One score of a new assessment: `measure` is `"step"` for the ladder, the domain code for the matrix, the skill's name for skills. */
export interface NewScore {
  measure: string;
  value: number;
}

/** Input of `recordAssessment`. */
export interface NewAssessment {
  volunteer: Id;
  /** Default: today on the hub's clock; not in the future, not before the volunteer joined. */
  on?: IsoDate;
  instrument: Instrument;
  scores: NewScore[];
  note?: string;
  /** The assessment this one corrects (same volunteer and instrument). */
  corrects?: Id;
}

/** One recorded score. */
export interface Score {
  measure: Measure;
  value: number;
}

/** A recorded assessment. */
export interface Assessment {
  id: Id;
  volunteerId: Id;
  on: IsoDate;
  assessor: string;
  instrument: Instrument;
  scores: Score[];
  note: string | null;
  corrects: Id | null;
  recordedAt: IsoDateTime;
}

/** Parameters of the trajectory method (all optional). */
export interface TrajectoryParams {
  /** Months looked back (1–60; default 12). */
  windowMonths?: number;
  /** Fewest points in the window for a verdict (2–50; default 3). */
  minPoints?: number;
  /** Slope per month from which a course counts as rising or declining (> 0, ≤ 6; default 0.05). */
  slopeThreshold?: number;
}

/** The verdict on a trajectory. */
export type TrajectoryClass = "rising" | "plateau" | "declining" | "insufficient_data";

/** Result of `trajectory`. */
export interface Trajectory {
  measure: Measure;
  class: TrajectoryClass;
  /** Least-squares slope in scale points per month, or `null` with too few points. */
  slopePerMonth: number | null;
  /** Points in the window. */
  points: number;
  /** A plateau that follows a rise. */
  afterRise: boolean;
  /** The latest score, if any. */
  latest: number | null;
}

/** One mean of a cohort curve. */
export interface CohortPoint {
  /** The cohort, e.g. `"2025-Q1"`. */
  cohort: string;
  /** Months of membership. */
  month: number;
  /** Number of scores (`null` when hidden). */
  n: number | null;
  mean: number | null;
}

/** Result of `cohortCurve`. */
export interface CohortCurve {
  measure: Measure;
  joined: Period;
  /** The suppression threshold applied (researchers, volunteers), or `null`. */
  threshold: number | null;
  points: CohortPoint[];
}

/** A volunteer the coordinator might coach, and why (`coachingSuggestions`). */
export interface CoachingSuggestion {
  volunteerId: Id;
  displayName: string;
  trajectory: Trajectory;
  reason: string;
}

/** Whether a coaching trajectory runs. */
export type CoachingStatus = "open" | "closed";

/** How a coaching trajectory ended. */
export type CoachingOutcome = "goals_met" | "partly_met" | "not_met" | "stopped";

/** Input of `openCoaching`. */
export interface NewCoaching {
  volunteer: Id;
  /** The coach, a registered volunteer. */
  coach: Id;
  goals: string[];
  /** Default: today. */
  openedOn?: IsoDate;
}

/** One coaching session (the note only for coordinators and admins). */
export interface CoachingSession {
  on: IsoDate;
  note: string | null;
}

/** A coaching trajectory. */
export interface Coaching {
  id: Id;
  volunteerId: Id;
  coachId: Id;
  goals: string[];
  openedOn: IsoDate;
  status: CoachingStatus;
  outcome: CoachingOutcome | null;
  closedOn: IsoDate | null;
  sessions: CoachingSession[];
  version: number;
}

/** Options of `addCoachingSession`. */
export interface CoachingSessionOptions {
  /** Default: today. */
  on?: IsoDate;
  note?: string;
}

/** Options of `closeCoaching`. */
export interface OnOptions {
  /** Default: today. */
  on?: IsoDate;
}

/** Filter of `coachings`. */
export interface CoachingsFilter {
  volunteerId?: Id;
  openOnly?: boolean;
}

/** Input of `createCourse`. */
export interface NewCourse {
  title: string;
  description?: string;
  /** The days of its sessions. */
  sessions: IsoDate[];
  capacity: number;
}

/** A course. */
export interface Course {
  id: Id;
  title: string;
  description: string | null;
  sessions: IsoDate[];
  capacity: number;
}

/** Where a volunteer stands in a course. */
export type EnrolmentStatus = "enrolled" | "waiting" | "withdrawn";

/** A volunteer's enrolment in a course. */
export interface Enrolment {
  courseId: Id;
  volunteerId: Id;
  status: EnrolmentStatus;
  enrolledAt: IsoDateTime;
  attended: IsoDate[];
  completed: boolean;
  version: number;
}

/** Result of `withdraw`. */
export interface Withdrawal {
  withdrawn: Enrolment;
  /** Who moved up from the waiting list, if anyone. */
  promoted: Enrolment | null;
}

/** Options of `courseEffect`. */
export interface CourseEffectOptions {
  /** Fewest participants for a number (default 5). */
  minN?: number;
}

/** Result of `courseEffect`: a before/after difference, not a causal effect. */
export interface CourseEffect {
  courseId: Id;
  measure: Measure;
  n: number;
  meanChange: number | null;
  sdChange: number | null;
  insufficientData: boolean;
  note: string;
}

/** Who handles a conflict. */
export type Intervention = "among_themselves" | "coordinator" | "mediator" | "external";

/** Where a conflict stands. */
export type ConflictStatus = "open" | "in_mediation" | "resolved" | "escalated";

/** The phase of Glasl's ladder a step falls in. */
export type GlaslPhase = "win_win" | "win_lose" | "lose_lose";

/** Input of `registerConflict`. */
export interface NewConflict {
  /** Two or more volunteers. */
  parties: Id[];
  /** Default: today. */
  on?: IsoDate;
  description: string;
  /** Step of Glasl's ladder, 1–9. */
  step: number;
  intervention: Intervention;
}

/** Input of `followUpConflict`. */
export interface NewConflictFollowUp {
  on?: IsoDate;
  note: string;
  step?: number;
  intervention?: Intervention;
  status?: ConflictStatus;
}

/** One follow-up of a conflict. */
export interface ConflictFollowUp {
  on: IsoDate;
  note: string;
  step: number;
  status: ConflictStatus;
}

/** A registered conflict. */
export interface Conflict {
  id: Id;
  parties: Id[];
  on: IsoDate;
  description: string;
  step: number;
  phase: GlaslPhase;
  intervention: Intervention;
  status: ConflictStatus;
  followUps: ConflictFollowUp[];
  version: number;
}

/** Options of `conflicts`. */
export interface ConflictsOptions {
  unresolvedOnly?: boolean;
}
"#;

#[cfg(feature = "shop")]
#[wasm_bindgen(typescript_custom_section)]
const RESEARCH: &'static str = r#"
/** The research tables (docs/research.md describes every column). */
export type ResearchTableName =
  | "volunteers" | "shifts" | "assessments" | "courses" | "enrolments"
  | "activity_sessions" | "attendance" | "stock_moves" | "sale_lines"
  | "signals" | "referrals";

/** Options of `researchTable`: only the rows whose date lies in `from..=to` (either end may be left open). */
export interface ResearchTableOptions {
  from?: IsoDate | null;
  to?: IsoDate | null;
}

/** The type of a research column's values (as the Python `schema` and Arrow). */
export type ResearchColumnType = "string" | "int64" | "date32" | "bool";

/** One column of a research table. */
export interface ResearchColumn {
  name: string;
  type: ResearchColumnType;
}

/**
 * A value of a research table: a key or code (`string`), an integer
 * (`number`: cents, grams, minutes, counts, all far below 2^53), a date
 * (`IsoDate`), a flag (`boolean`), or `null` when absent.
 */
export type ResearchValue = string | number | boolean | null;

/** Rows of a research table, column by column: `columns[name][i]` is row `i`'s value. */
export interface ResearchBatch {
  rows: number;
  columns: { [name: string]: ResearchValue[] };
}
"#;

#[cfg(feature = "offline")]
#[wasm_bindgen(typescript_custom_section)]
const OFFLINE: &'static str = r#"
/** A journal entry without its position (as carried by a sync conflict). */
export type JournalEntry = Omit<JournalRecord, "seq">;

/** Options of `Hub.restore`. */
export interface RestoreOptions {
  /** Fixes the hub's clock at this instant (move it with `hub.setNow`). */
  now?: IsoDateTime | null;
}

/** An imported entry that could not be applied, recorded for a coordinator. */
export interface SyncConflict {
  entryId: Id;
  sourceHub: Id;
  /** The refused entry's action, e.g. `sale.made`. */
  action: string;
  entity: string;
  entityId: string;
  /** The receiving hub's error. */
  reason: string;
  detectedAt: IsoDateTime;
  entry: JournalEntry;
}

/** The outcome of `importJournal`. */
export interface ImportReport {
  sourceHub: Id;
  /** Entries applied now. */
  applied: number;
  /** Entries this hub already had (applied or recorded as conflicts before). */
  seen: number;
  /** Entries that could not be applied, recorded now. */
  conflicts: SyncConflict[];
  upToSeq: number;
}

"#;
