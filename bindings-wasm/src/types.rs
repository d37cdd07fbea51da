//! TypeScript declarations of every input and output, appended to the
//! generated `kringloop_wasm.d.ts` so the package is typed, not `any`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A wall-clock time, `HH:MM` in, `HH:MM:SS` out. */
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
/** Names of the code lists `labels()` knows. */
export type Vocabulary =
  | "role" | "action" | "weekday" | "volunteer_role" | "volunteer_status" | "shift_status" | "vog_state";

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
