"""Type stubs for the compiled module ``kringloop._kringloop`` (hand-written,
checked against the module by ``mypy.stubtest`` in the tests)."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any, Literal, TypedDict, final

__version__: str

__all__ = [
    "Activity",
    "ActivityFigures",
    "ActivityMonth",
    "ActivityReport",
    "Actor",
    "Assessment",
    "Attendance",
    "Candidate",
    "CashUp",
    "Coaching",
    "CoachingSession",
    "CoachingSuggestion",
    "CohortCurve",
    "CohortPoint",
    "Conflict",
    "ConflictError",
    "ConflictFollowUp",
    "CountTable",
    "Course",
    "CourseEffect",
    "CourseFigures",
    "Enrolment",
    "FollowUpDue",
    "ForbiddenError",
    "HoursByRole",
    "HoursByVolunteer",
    "HoursFigures",
    "Hub",
    "HubReport",
    "Idea",
    "IdeaChange",
    "IdeasByStatus",
    "ImpactFactor",
    "ImpactRow",
    "Item",
    "ItemView",
    "JournalRecord",
    "ImportReport",
    "SyncConflict",
    "KringloopError",
    "LadderFigures",
    "MilestoneReached",
    "NotFoundError",
    "OpeningSlot",
    "Partner",
    "PartnerService",
    "PartnerSuggestion",
    "PriceTag",
    "PricingPolicy",
    "PublishedDays",
    "PurgeReport",
    "Referral",
    "ReferralFigures",
    "ResearchTable",
    "Resident",
    "ReuseFigures",
    "RosterGap",
    "Sale",
    "SaleLine",
    "SalesFigures",
    "SalesMonth",
    "SalesRow",
    "Schedule",
    "ScheduleChange",
    "Session",
    "Shift",
    "Signal",
    "SignalFigures",
    "SignalPolicy",
    "SignalStatistics",
    "SignalView",
    "StockMove",
    "StockOnHand",
    "StorageError",
    "TableFigures",
    "TableTally",
    "TallyWeek",
    "Trajectory",
    "ValidationError",
    "VogStatus",
    "Volunteer",
    "VolunteerFigures",
    "Withdrawal",
    "labels",
    "vocabularies",
    "__version__",
]

class _Label(TypedDict):
    """One code of a code list with its Dutch and English labels."""

    code: str
    nl: str
    en: str

class _OpeningSlotDict(TypedDict):
    """An opening slot as ``Hub.set_opening_hours`` takes it (and ``OpeningSlot.to_dict`` gives it)."""

    weekday: str
    start: time
    end: time
    staffing: Mapping[str, int]

class _NewItemRequired(TypedDict):
    category: str
    description: str
    condition: str
    weight_grams: int

class _NewItemDict(_NewItemRequired, total=False):
    """One item for ``Hub.take_in_batch``: the arguments of ``Hub.take_in``
    (``category``, ``description``, ``condition``, ``weight_grams`` required)."""

    quantity: int
    donor: str | None
    intake_date: date | None
    price_override: int | None

class _BasketLineDict(TypedDict):
    """One basket line as a dict (a ``(item_id, quantity)`` tuple works too)."""

    item_id: str
    quantity: int

#: A basket line: ``(item_id, quantity)`` or ``{"item_id": ..., "quantity": ...}``.
_BasketLine = tuple[str, int] | _BasketLineDict

#: ``(category, condition, price_in_cents)``, e.g. ``("books", "a", 200)``.
_BasePrice = tuple[str, str, int]

#: ``(from_week, percent_off, colour)``, e.g. ``(4, 25, "yellow")``.
_MarkdownStep = tuple[int, int, str]

class _PricingPolicyDict(TypedDict):
    """A pricing policy as ``Hub.set_pricing_policy`` takes it (and ``PricingPolicy.to_dict`` gives it)."""

    base_prices: Sequence[_BasePrice]
    rounding_step: int
    markdown: Sequence[_MarkdownStep]
    city_pass_discount_percent: int

class _ImpactFactorDict(TypedDict):
    """An impact factor as ``Hub.set_impact_factors`` takes it (and ``ImpactFactor.to_dict`` gives it)."""

    category: str
    grams_co2e_per_kg: int
    source: str
    source_date: date

class _PartnerServiceRequired(TypedDict):
    name: str
    domains: Iterable[str]

class _PartnerServiceDict(_PartnerServiceRequired, total=False):
    """One service for ``Hub.register_partner`` / ``Hub.update_partner``
    (``PartnerService.to_dict`` gives one): ``name`` and ``domains``
    (signal-domain codes) required; ``id`` keeps an existing service."""

    id: str | None
    description: str | None

class _WeeklyRequired(TypedDict):
    freq: Literal["weekly"]
    weekdays: Iterable[str]

class _WeeklyRecurrence(_WeeklyRequired, total=False):
    """Weekly on ``weekdays`` (``weekday`` codes) of every ``every``-th week
    (1–52, default 1), counted from the week of the start."""

    every: int

class _MonthlyRequired(TypedDict):
    freq: Literal["monthly"]
    nth: str
    weekday: str

class _MonthlyRecurrence(_MonthlyRequired, total=False):
    """Monthly on the ``nth`` (``first`` … ``fourth``, ``last``) ``weekday`` of
    every ``every``-th month (1–52, default 1), counted from the month of the start."""

    every: int

#: How a schedule repeats, as ``Hub.set_schedule`` takes it and ``Schedule.recurrence`` gives it.
_Recurrence = _WeeklyRecurrence | _MonthlyRecurrence

#: One weekly availability window: ``(weekday, start, end)``, e.g. ``("monday", time(9), time(12))``.
_Availability = tuple[str, time, time]

def labels(vocabulary: str) -> list[_Label]:
    """Every code of ``vocabulary`` (``volunteer_role``, ``volunteer_status``,
    ``shift_status``, ``weekday``, ``role``, ``action``, ``vog_state``, ``category``,
    ``condition``, ``donor_kind``, ``move_kind``, ``payment_method``, ``tag_colour``,
    ``bucket``, ``signal_domain``, ``urgency``, ``consent``, ``signal_status``,
    ``partner_status``, ``referral_status``, ``referral_outcome``, ``activity_kind``,
    ``activity_status``, ``nth``, ``session_status``, ``idea_status``, ``instrument``,
    ``ladder_step``, ``zrm_domain``, ``trajectory_class``, ``coaching_status``,
    ``coaching_outcome``, ``enrolment_status``, ``intervention``, ``conflict_status``,
    ``glasl_phase``) with labels."""

def vocabularies() -> list[str]:
    """The names of every vocabulary ``labels`` knows."""

# ---- errors ----

class KringloopError(Exception):
    """Base class of every error kringloop raises."""

    code: str

class ValidationError(KringloopError):
    field: str
    reason: str

class NotFoundError(KringloopError):
    entity: str
    id: str

class ConflictError(KringloopError): ...

class ForbiddenError(KringloopError):
    role: str
    action: str

class StorageError(KringloopError): ...

# ---- actor ----

@final
class Actor:
    """Someone acting on the hub: a name for the journal and a role
    (``volunteer``, ``coordinator``, ``researcher``, ``admin``)."""

    def __new__(cls, name: str, role: str, *, volunteer_id: str | None = None) -> Actor: ...
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def volunteer_id(self) -> str | None: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ResearchTable:
    """A research table as an Arrow C stream (``__arrow_c_stream__``): pass it to
    ``polars.DataFrame(...)``, or call ``to_polars()`` / ``to_pandas()``."""

    @property
    def name(self) -> str: ...
    @property
    def columns(self) -> list[str]: ...
    @property
    def schema(self) -> dict[str, str]: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...
    def to_polars(self) -> Any: ...
    def to_pandas(self) -> Any: ...

# ---- results ----

@final
class Volunteer:
    @property
    def id(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def contact(self) -> str | None: ...
    @property
    def start_date(self) -> date: ...
    @property
    def status(self) -> str: ...
    @property
    def status_since(self) -> date: ...
    @property
    def status_reason(self) -> str | None: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def skills(self) -> list[str]: ...
    @property
    def availability(self) -> list[_Availability]: ...
    @property
    def vog_date(self) -> date | None: ...
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Shift:
    @property
    def id(self) -> str: ...
    @property
    def volunteer_id(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def date(self) -> date: ...
    @property
    def start(self) -> time: ...
    @property
    def end(self) -> time: ...
    @property
    def minutes(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def note(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class HoursByVolunteer:
    @property
    def volunteer_id(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def minutes(self) -> int: ...
    @property
    def shifts(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class HoursByRole:
    @property
    def role(self) -> str: ...
    @property
    def minutes(self) -> int: ...
    @property
    def shifts(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class MilestoneReached:
    @property
    def volunteer_id(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def milestone_hours(self) -> int: ...
    @property
    def total_minutes(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class OpeningSlot:
    @property
    def weekday(self) -> str: ...
    @property
    def start(self) -> time: ...
    @property
    def end(self) -> time: ...
    @property
    def staffing(self) -> dict[str, int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class RosterGap:
    @property
    def date(self) -> date: ...
    @property
    def start(self) -> time: ...
    @property
    def end(self) -> time: ...
    @property
    def role(self) -> str: ...
    @property
    def required(self) -> int: ...
    @property
    def planned(self) -> int: ...
    @property
    def candidates(self) -> list[Candidate]:
        """Who could fill the gap: may work, holds the role, usually available then, not busy."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Candidate:
    """A volunteer who could fill a roster gap."""

    @property
    def volunteer_id(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class VogStatus:
    @property
    def volunteer_id(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def vog_date(self) -> date | None: ...
    @property
    def expires_on(self) -> date | None: ...
    @property
    def state(self) -> str:
        """``missing``, ``expired`` or ``expiring``."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class JournalRecord:
    @property
    def seq(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def actor(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def entity(self) -> str: ...
    @property
    def entity_id(self) -> str: ...
    @property
    def detail(self) -> Any:
        """The new state or the change, as JSON-like Python values."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

# ---- journal sync ----

@final
class SyncConflict:
    """An entry of an imported batch that could not be applied (e.g. the same unit sold at two tills)."""
    @property
    def entry_id(self) -> str: ...
    @property
    def source_hub(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def entity(self) -> str: ...
    @property
    def entity_id(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def detected_at(self) -> datetime: ...
    @property
    def entry(self) -> Any:
        """The refused journal entry (no personal fields) as JSON-like values."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ImportReport:
    """The outcome of one import."""
    @property
    def source_hub(self) -> str: ...
    @property
    def applied(self) -> int: ...
    @property
    def seen(self) -> int: ...
    @property
    def conflicts(self) -> list[SyncConflict]: ...
    @property
    def up_to_seq(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

# ---- stock, pricing and the till: money is always an ``int`` of euro cents ----

@final
class Item:
    """One intake lot of identical donated goods (immutable; changes are moves)."""

    @property
    def id(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def condition(self) -> str:
        """``a`` (as new), ``b`` (good) or ``c`` (fair)."""
    @property
    def quantity(self) -> int:
        """Units taken in."""
    @property
    def weight_grams(self) -> int:
        """Weight of one unit."""
    @property
    def donor(self) -> str | None: ...
    @property
    def intake_date(self) -> date: ...
    @property
    def price_override(self) -> int | None:
        """A fixed price (cents) instead of the policy's base price."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class PriceTag:
    """What an item costs on a day (cents) and which tag it wears."""

    @property
    def base(self) -> int:
        """Price before the markdown: the override or the policy's base price."""
    @property
    def percent_off(self) -> int: ...
    @property
    def colour(self) -> str | None:
        """Tag colour; ``None`` for a manual (markdown) price."""
    @property
    def price(self) -> int:
        """The unit price charged."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ItemView:
    """An item with its stock on hand and its price tag on the day asked for."""

    @property
    def id(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def condition(self) -> str: ...
    @property
    def quantity(self) -> int: ...
    @property
    def weight_grams(self) -> int: ...
    @property
    def donor(self) -> str | None: ...
    @property
    def intake_date(self) -> date: ...
    @property
    def price_override(self) -> int | None: ...
    @property
    def on_hand(self) -> int:
        """Units on hand: the sum of the item's moves."""
    @property
    def manual_price(self) -> int | None:
        """The latest markdown price (cents), which is final."""
    @property
    def tag(self) -> PriceTag: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class StockMove:
    """One entry of the append-only stock ledger."""

    @property
    def id(self) -> str: ...
    @property
    def item_id(self) -> str: ...
    @property
    def kind(self) -> str:
        """``intake``, ``sale``, ``return``, ``markdown``, ``discard``, ``recycle``, ``transfer``, ``correction``."""
    @property
    def quantity(self) -> int:
        """Units added (+) or removed (−); 0 for a markdown."""
    @property
    def date(self) -> date: ...
    @property
    def at(self) -> datetime: ...
    @property
    def actor(self) -> str: ...
    @property
    def sale_id(self) -> str | None: ...
    @property
    def unit_price(self) -> int | None:
        """Cents: as sold or returned, or a markdown's new price."""
    @property
    def reason(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class PricingPolicy:
    """The hub's pricing policy. ``to_dict()`` gives what ``Hub.set_pricing_policy`` takes."""

    @property
    def base_prices(self) -> list[_BasePrice]:
        """``(category, condition, price)`` for every pair, prices in cents."""
    @property
    def rounding_step(self) -> int:
        """Prices round to a multiple of this many cents."""
    @property
    def markdown(self) -> list[_MarkdownStep]:
        """``(from_week, percent_off, colour)`` steps of the colour-tag schedule."""
    @property
    def city_pass_discount_percent(self) -> int: ...
    def to_dict(self) -> _PricingPolicyDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class SaleLine:
    """One line of a sale (negative quantities in a refund); money in cents."""

    @property
    def item_id(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def quantity(self) -> int: ...
    @property
    def unit_price(self) -> int: ...
    @property
    def line_total(self) -> int:
        """``quantity × unit_price``."""
    @property
    def net(self) -> int:
        """This line's share of the total after discount and rounding; the shares add up to it."""
    @property
    def weight_grams(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Sale:
    """A sale at the till or, with ``reverses``, a refund of an earlier sale; money in cents."""

    @property
    def id(self) -> str: ...
    @property
    def till(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def date(self) -> date: ...
    @property
    def actor(self) -> str: ...
    @property
    def payment(self) -> str:
        """``cash`` or ``card``."""
    @property
    def city_pass(self) -> bool: ...
    @property
    def lines(self) -> list[SaleLine]: ...
    @property
    def subtotal(self) -> int: ...
    @property
    def discount(self) -> int:
        """City-pass discount (subtracted)."""
    @property
    def rounding(self) -> int:
        """Cash rounding (added; 0 for card)."""
    @property
    def total(self) -> int:
        """What was paid (negative for a refund)."""
    @property
    def reverses(self) -> str | None:
        """The id of the sale this one refunds."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class CashUp:
    """The count of a till at the end of a day; money in cents."""

    @property
    def id(self) -> str: ...
    @property
    def till(self) -> str: ...
    @property
    def date(self) -> date: ...
    @property
    def opening_float(self) -> int: ...
    @property
    def cash_sales(self) -> int: ...
    @property
    def cash_refunds(self) -> int: ...
    @property
    def expected(self) -> int:
        """``opening_float + cash_sales − cash_refunds``."""
    @property
    def counted(self) -> int: ...
    @property
    def difference(self) -> int:
        """``counted − expected`` (negative: cash missing)."""
    @property
    def recorded_by(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class StockOnHand:
    """Stock on hand of one category and tag colour, valued at the day's prices (cents)."""

    @property
    def category(self) -> str: ...
    @property
    def colour(self) -> str | None:
        """Tag colour; ``None`` for manually priced items."""
    @property
    def items(self) -> int: ...
    @property
    def units(self) -> int: ...
    @property
    def weight_grams(self) -> int: ...
    @property
    def value(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class SalesRow:
    """Sales of one category in one day, week or month; refunds subtract."""

    @property
    def period_start(self) -> date:
        """The day; the week's Monday; the month's 1st."""
    @property
    def category(self) -> str: ...
    @property
    def revenue(self) -> int:
        """Cents taken, after pass discounts and cash rounding."""
    @property
    def units(self) -> int: ...
    @property
    def weight_grams(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ImpactFactor:
    """How much CO2e reusing one kilogram of a category avoids, and who says so.
    ``to_dict()`` gives what ``Hub.set_impact_factors`` takes."""

    @property
    def category(self) -> str: ...
    @property
    def grams_co2e_per_kg(self) -> int:
        """Grams of CO2e avoided per kilogram reused."""
    @property
    def source(self) -> str:
        """Where the number comes from (publication, method)."""
    @property
    def source_date(self) -> date:
        """Date of the source."""
    def to_dict(self) -> _ImpactFactorDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ImpactRow:
    """Goods of one category reused (sold, net of returns) in a period and the CO2e that avoided."""

    @property
    def category(self) -> str: ...
    @property
    def weight_grams(self) -> int: ...
    @property
    def grams_co2e(self) -> int | None:
        """``None`` when the hub has no factor for the category."""
    @property
    def source(self) -> str | None:
        """The factor's source; ``None`` without a factor."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

# ---- signals, partners and referrals ----

@final
class Signal:
    """The coded facts of a signal: no name, no contact, no free text."""

    @property
    def id(self) -> str: ...
    @property
    def recorded_at(self) -> datetime: ...
    @property
    def recorded_on(self) -> date:
        """The hub's date it was recorded on (statistics count by it)."""
    @property
    def recorded_by(self) -> str: ...
    @property
    def recorded_by_volunteer(self) -> str | None:
        """The recording actor's volunteer id, when the actor was linked to one."""
    @property
    def domains(self) -> list[str]:
        """``signal_domain`` codes, sorted, at least one."""
    @property
    def urgency(self) -> str:
        """``normal``, ``high`` or ``acute``."""
    @property
    def consent(self) -> str:
        """``given``, ``refused`` or ``not_asked``."""
    @property
    def consent_at(self) -> datetime | None: ...
    @property
    def consent_asked_by(self) -> str | None: ...
    @property
    def do_not_contact(self) -> bool:
        """The hub must not contact the person itself."""
    @property
    def status(self) -> str:
        """``open`` or ``closed``."""
    @property
    def closed_at(self) -> datetime | None: ...
    @property
    def personal_erased_at(self) -> datetime | None:
        """When the retention purge erased the personal fields."""
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class SignalView:
    """A signal with its personal fields; those are ``None`` once the purge
    erased them. They never show in ``repr``."""

    @property
    def id(self) -> str: ...
    @property
    def recorded_at(self) -> datetime: ...
    @property
    def recorded_on(self) -> date: ...
    @property
    def recorded_by(self) -> str: ...
    @property
    def recorded_by_volunteer(self) -> str | None: ...
    @property
    def domains(self) -> list[str]: ...
    @property
    def urgency(self) -> str: ...
    @property
    def consent(self) -> str: ...
    @property
    def consent_at(self) -> datetime | None: ...
    @property
    def consent_asked_by(self) -> str | None: ...
    @property
    def do_not_contact(self) -> bool: ...
    @property
    def status(self) -> str: ...
    @property
    def closed_at(self) -> datetime | None: ...
    @property
    def personal_erased_at(self) -> datetime | None: ...
    @property
    def version(self) -> int: ...
    @property
    def person(self) -> str | None:
        """First name or pseudonym, if the person gave one."""
    @property
    def contact(self) -> str | None:
        """Phone or e-mail, if the person wants to be reached."""
    @property
    def summary(self) -> str | None:
        """What the person told, in short; ``None`` only after the purge."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class PartnerService:
    """One service of a partner. ``to_dict()`` gives a service as
    ``Hub.register_partner`` / ``Hub.update_partner`` take it."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str | None: ...
    @property
    def domains(self) -> list[str]:
        """The ``signal_domain`` codes it serves, sorted."""
    def to_dict(self) -> _PartnerServiceDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Partner:
    """A partner organisation the hub refers people to."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def website(self) -> str | None: ...
    @property
    def status(self) -> str:
        """``active``, ``inactive``, ``defunct`` or ``temporarily_closed``; only ``active`` takes referrals."""
    @property
    def services(self) -> list[PartnerService]: ...
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class PartnerSuggestion:
    """An active partner serving at least one of a signal's domains."""

    @property
    def partner(self) -> Partner: ...
    @property
    def services(self) -> list[str]:
        """The ids of its services serving the signal's domains."""
    @property
    def matched(self) -> list[str]:
        """The signal's domains the partner serves."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Referral:
    """A referral of a signal to a partner (HL7 SDOH closed-loop statuses)."""

    @property
    def id(self) -> str: ...
    @property
    def signal_id(self) -> str: ...
    @property
    def partner_id(self) -> str: ...
    @property
    def status(self) -> str:
        """``draft``, ``requested``, ``accepted``, ``in_progress``, ``on_hold``, or closed:
        ``rejected``, ``completed``, ``failed``, ``cancelled``."""
    @property
    def held_from(self) -> str | None:
        """For ``on_hold``: the status it goes back to."""
    @property
    def created_at(self) -> datetime: ...
    @property
    def created_on(self) -> date: ...
    @property
    def created_by(self) -> str: ...
    @property
    def consent_exception(self) -> str | None:
        """Why an acute signal was referred without consent (only then)."""
    @property
    def requested_at(self) -> datetime | None: ...
    @property
    def follow_up(self) -> date | None: ...
    @property
    def outcome(self) -> str | None:
        """A ``referral_outcome`` code, for closed referrals."""
    @property
    def closed_at(self) -> datetime | None: ...
    @property
    def updated_at(self) -> datetime: ...
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class FollowUpDue:
    """An open referral whose follow-up date has come."""

    @property
    def referral(self) -> Referral: ...
    @property
    def partner_name(self) -> str: ...
    @property
    def urgency(self) -> str:
        """The signal's urgency."""
    @property
    def do_not_contact(self) -> bool:
        """The signal's flag: the hub must not contact the person itself."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

class _SignalPolicyDict(TypedDict):
    """A signal policy: the keyword arguments of ``Hub.set_signal_policy``."""

    retention_months: int
    suppression_threshold: int

@final
class SignalPolicy:
    """The hub's retention period and suppression threshold.
    ``to_dict()`` gives the keyword arguments of ``Hub.set_signal_policy``."""

    @property
    def retention_months(self) -> int:
        """Months after closing that a signal's personal fields are kept."""
    @property
    def suppression_threshold(self) -> int:
        """Researchers' published counts from 1 to this − 1 are hidden."""
    def to_dict(self) -> _SignalPolicyDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class PurgeReport:
    """What a purge erased."""

    @property
    def closed_before(self) -> datetime:
        """Signals closed before this moment were due."""
    @property
    def erased(self) -> list[str]:
        """The ids of the signals whose personal fields were erased."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class CountTable:
    """A two-way table of counts with its totals, as published; ``None`` is a hidden count."""

    @property
    def rows(self) -> list[str]: ...
    @property
    def columns(self) -> list[str]: ...
    @property
    def cells(self) -> list[list[int | None]]:
        """``cells[row][column]``."""
    @property
    def row_totals(self) -> list[int | None]: ...
    @property
    def column_totals(self) -> list[int | None]: ...
    @property
    def total(self) -> int | None: ...
    @property
    def threshold(self) -> int | None:
        """The suppression threshold applied, or ``None`` for exact counts."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class PublishedDays:
    """How many durations were measured and their median in days, as published."""

    @property
    def n(self) -> int | None:
        """``None`` when hidden."""
    @property
    def median(self) -> float | None:
        """``None`` when hidden or when nothing was measured."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class SignalStatistics:
    """Signal and referral statistics for signals recorded in a period."""

    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...
    @property
    def threshold(self) -> int | None:
        """The suppression threshold applied (researchers), or ``None`` (exact)."""
    @property
    def by_domain(self) -> CountTable:
        """Rows: months (``YYYY-MM``); columns: domain codes. A signal counts once per domain."""
    @property
    def by_urgency(self) -> CountTable:
        """Rows: months; columns: urgency codes."""
    @property
    def referrals_by_status(self) -> CountTable:
        """Rows: partner names; columns: referral status codes."""
    @property
    def referrals_by_outcome(self) -> CountTable:
        """Rows: partner names; columns: outcome codes (closed referrals)."""
    @property
    def days_to_referral(self) -> PublishedDays:
        """Median days from a signal to its first referral's request."""
    @property
    def days_to_closure(self) -> PublishedDays:
        """Median days from a signal to its closing."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

# ---- activities ----

@final
class Activity:
    """An activity of the hub (crochet club, choir, film night, …)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str:
        """An ``activity_kind`` code."""
    @property
    def description(self) -> str | None: ...
    @property
    def leaders(self) -> list[str]:
        """Ids of the volunteers who lead it, sorted, no repeats."""
    @property
    def location(self) -> str | None: ...
    @property
    def capacity(self) -> int | None:
        """Most people a session takes, if limited."""
    @property
    def price(self) -> int:
        """Cents per session (0: free)."""
    @property
    def status(self) -> str:
        """``active`` or ``archived``."""
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Schedule:
    """A schedule of an activity."""

    @property
    def id(self) -> str: ...
    @property
    def activity_id(self) -> str: ...
    @property
    def recurrence(self) -> _Recurrence:
        """How it repeats, as ``Hub.set_schedule`` takes it (weekdays sorted)."""
    @property
    def starts_on(self) -> date: ...
    @property
    def start(self) -> time: ...
    @property
    def end(self) -> time: ...
    @property
    def until(self) -> date | None:
        """The last day it may occur (set on the earlier schedule by a change)."""
    @property
    def count(self) -> int | None:
        """How many times it occurs at most, counted from ``starts_on``."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ScheduleChange:
    """What ``Hub.set_schedule`` did."""

    @property
    def schedule(self) -> Schedule:
        """The new schedule."""
    @property
    def removed_sessions(self) -> int:
        """Planned sessions of the earlier schedule from the new start on that were removed."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Attendance:
    """Who came to a session."""

    @property
    def headcount(self) -> int:
        """Everyone who came, named or not."""
    @property
    def first_timers(self) -> int:
        """How many of them came for the first time."""
    @property
    def volunteers(self) -> list[str]:
        """Ids of the named volunteers, sorted."""
    @property
    def residents(self) -> list[str]:
        """Ids of the named residents, sorted (a forgotten resident is dropped)."""
    @property
    def recorded_by(self) -> str: ...
    @property
    def recorded_at(self) -> datetime: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Session:
    """One session of an activity; held once it has ``attendance``."""

    @property
    def id(self) -> str: ...
    @property
    def activity_id(self) -> str: ...
    @property
    def date(self) -> date: ...
    @property
    def start(self) -> time: ...
    @property
    def end(self) -> time: ...
    @property
    def schedule_id(self) -> str | None:
        """The schedule it came from; ``None`` for an extra session."""
    @property
    def status(self) -> str:
        """``planned`` or ``cancelled``."""
    @property
    def cancel_reason(self) -> str | None: ...
    @property
    def attendance(self) -> Attendance | None: ...
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Resident:
    """A resident registered with their consent; ``name`` and ``contact`` never show in ``repr``."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str:
        """First name or pseudonym."""
    @property
    def contact(self) -> str | None: ...
    @property
    def consent_on(self) -> date:
        """The day they gave consent."""
    @property
    def registered_by(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class IdeaChange:
    """One status change of an idea."""

    @property
    def on(self) -> date: ...
    @property
    def from_status(self) -> str: ...
    @property
    def to_status(self) -> str: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def by(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Idea:
    """A resident's idea; ``contact`` is ``None`` for anyone but coordinators and admins."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def submitted_on(self) -> date: ...
    @property
    def contact(self) -> str | None: ...
    @property
    def status(self) -> str:
        """An ``idea_status`` code."""
    @property
    def history(self) -> list[IdeaChange]:
        """Every status change, oldest first."""
    @property
    def activity_id(self) -> str | None:
        """The activity it became, if any."""
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class TableTally:
    """One day's tally at the big table (counts only)."""

    @property
    def date(self) -> date: ...
    @property
    def visitors(self) -> int: ...
    @property
    def conversations(self) -> int: ...
    @property
    def recorded_by(self) -> str:
        """Who recorded (or last corrected) it."""
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ActivityMonth:
    """One activity in one month, as published; ``None`` is a hidden count."""

    @property
    def activity_id(self) -> str: ...
    @property
    def activity_name(self) -> str: ...
    @property
    def month(self) -> str:
        """``YYYY-MM``."""
    @property
    def held(self) -> int | None:
        """Sessions with attendance recorded."""
    @property
    def cancelled(self) -> int | None: ...
    @property
    def planned(self) -> int | None:
        """Sessions neither held nor cancelled (yet)."""
    @property
    def attendance(self) -> int | None:
        """Sum of the headcounts."""
    @property
    def first_timers(self) -> int | None: ...
    @property
    def average_attendance(self) -> float | None:
        """Per session held; ``None`` without one, or when the attendance is hidden."""
    @property
    def capacity_use(self) -> float | None:
        """The average as a share (0–1) of the capacity, where one is set."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class IdeasByStatus:
    """How many ideas submitted in the period have a status now."""

    @property
    def status(self) -> str: ...
    @property
    def count(self) -> int | None:
        """``None`` when hidden."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class TallyWeek:
    """The table tally of one week (counts of visits, not of people: never hidden)."""

    @property
    def week(self) -> date:
        """The Monday."""
    @property
    def days(self) -> int:
        """Days with a tally."""
    @property
    def visitors(self) -> int: ...
    @property
    def conversations(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ActivityReport:
    """The activity report for a period."""

    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...
    @property
    def threshold(self) -> int | None:
        """The suppression threshold applied (researchers), or ``None`` (exact)."""
    @property
    def months(self) -> list[ActivityMonth]:
        """Per activity and month of session dates, by month then name."""
    @property
    def ideas(self) -> list[IdeasByStatus]:
        """Ideas submitted in the period, per status they have now."""
    @property
    def tally(self) -> list[TallyWeek]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

# ---- the hub report ----

@final
class VolunteerFigures:
    """Volunteers in the period; ``None`` is a hidden count (researchers)."""

    @property
    def active(self) -> int | None:
        """Volunteers with at least one worked shift."""
    @property
    def started(self) -> int | None: ...
    @property
    def left(self) -> int | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class HoursFigures:
    """Worked minutes and shifts in the period, in all and per role."""

    @property
    def minutes(self) -> int: ...
    @property
    def shifts(self) -> int: ...
    @property
    def by_role(self) -> list[HoursByRole]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class LadderFigures:
    """Movement on the participation ladder: latest step in the period against the latest before it."""

    @property
    def measured(self) -> int | None:
        """Volunteers with a step assessed in the period."""
    @property
    def compared(self) -> int | None:
        """Of those, volunteers with a step before the period."""
    @property
    def up(self) -> int | None: ...
    @property
    def same(self) -> int | None: ...
    @property
    def down(self) -> int | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class CourseFigures:
    """Courses running in the period, places taken, completions of courses that ended in it."""

    @property
    def running(self) -> int: ...
    @property
    def participants(self) -> int | None: ...
    @property
    def completions(self) -> int | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ActivityFigures:
    """Activity sessions held and cancelled, attendance and first-timers."""

    @property
    def sessions_held(self) -> int: ...
    @property
    def sessions_cancelled(self) -> int: ...
    @property
    def attendance(self) -> int | None: ...
    @property
    def first_timers(self) -> int | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class TableFigures:
    """The daily tally at the big table, summed over the period."""

    @property
    def days(self) -> int: ...
    @property
    def visitors(self) -> int | None: ...
    @property
    def conversations(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class SignalFigures:
    """Signals recorded in the period and counts per domain code."""

    @property
    def signals(self) -> int | None: ...
    @property
    def by_domain(self) -> dict[str, int | None]:
        """A signal counts once in each of its domains."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ReferralFigures:
    """Referrals made in the period, per status code and per outcome code."""

    @property
    def referrals(self) -> int | None: ...
    @property
    def by_status(self) -> dict[str, int | None]: ...
    @property
    def by_outcome(self) -> dict[str, int | None]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class SalesMonth:
    """Sales of one month: revenue in ``int`` cents and items, refunds subtracted."""

    @property
    def month(self) -> str:
        """``YYYY-MM``."""
    @property
    def revenue(self) -> int: ...
    @property
    def items(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class SalesFigures:
    """Sales and refunds rung up in the period; revenue in ``int`` cents."""

    @property
    def sales(self) -> int: ...
    @property
    def refunds(self) -> int: ...
    @property
    def revenue(self) -> int: ...
    @property
    def items_sold(self) -> int: ...
    @property
    def by_month(self) -> list[SalesMonth]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ReuseFigures:
    """Grams reused (sold, net of refunds) and grams of CO2e avoided."""

    @property
    def grams_reused(self) -> int: ...
    @property
    def grams_co2e_avoided(self) -> int: ...
    @property
    def by_category(self) -> list[ImpactRow]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class HubReport:
    """The hub report of a period (``Hub.hub_report``); render it with
    ``to_markdown`` or ``to_html``."""

    @property
    def hub(self) -> str: ...
    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...
    @property
    def threshold(self) -> int | None:
        """The suppression threshold applied (researchers), or ``None`` (exact)."""
    @property
    def volunteers(self) -> VolunteerFigures: ...
    @property
    def hours(self) -> HoursFigures: ...
    @property
    def ladder(self) -> LadderFigures: ...
    @property
    def courses(self) -> CourseFigures: ...
    @property
    def activities(self) -> ActivityFigures: ...
    @property
    def table(self) -> TableFigures: ...
    @property
    def signals(self) -> SignalFigures: ...
    @property
    def referrals(self) -> ReferralFigures: ...
    @property
    def sales(self) -> SalesFigures: ...
    @property
    def reuse(self) -> ReuseFigures: ...
    def to_markdown(self, lang: str = "nl") -> str:
        """The report as Markdown in ``"nl"`` or ``"en"``."""
    def to_html(self, lang: str = "nl") -> str:
        """The report as one standalone HTML page (no script, no URL)."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

# ---- volunteer development, coaching, courses and conflicts ----

@final
class Assessment:
    """A dated assessment of a volunteer on one instrument; ``note`` never shows in ``repr``."""

    @property
    def id(self) -> str: ...
    @property
    def volunteer_id(self) -> str: ...
    @property
    def on(self) -> date: ...
    @property
    def assessor(self) -> str:
        """The actor who recorded it."""
    @property
    def instrument(self) -> str:
        """``participation_ladder``, ``self_sufficiency`` or ``skills``."""
    @property
    def scores(self) -> dict[str, int]:
        """Measure code (``ladder``, ``zrm.<domain>``, ``skill.<name>``) → value, sorted by code."""
    @property
    def note(self) -> str | None: ...
    @property
    def corrects(self) -> str | None:
        """The id of the assessment this one corrects."""
    @property
    def recorded_at(self) -> datetime: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Trajectory:
    """The recent course of one measure of one volunteer."""

    @property
    def measure(self) -> str: ...
    @property
    def class_(self) -> str:
        """A ``trajectory_class`` code: ``rising``, ``plateau``, ``declining`` or ``insufficient_data``."""
    @property
    def slope_per_month(self) -> float | None:
        """The fitted slope in scale points per month (when there is a verdict)."""
    @property
    def points(self) -> int:
        """Points in the window."""
    @property
    def after_rise(self) -> bool:
        """A plateau right after a rising window: "rises, then flattens"."""
    @property
    def latest(self) -> int | None:
        """The latest value, if any."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class CoachingSuggestion:
    """A volunteer the coordinator might coach, and why."""

    @property
    def volunteer_id(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def trajectory(self) -> Trajectory:
        """Their participation-ladder trajectory."""
    @property
    def reason(self) -> str:
        """Why, in plain English."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class CohortPoint:
    """One point of a cohort curve; ``n`` and ``mean`` are ``None`` when hidden."""

    @property
    def cohort(self) -> str:
        """The quarter of joining, e.g. ``2025-Q1``."""
    @property
    def month(self) -> int:
        """Months of membership (0: the month they joined)."""
    @property
    def n(self) -> int | None:
        """Number of scores."""
    @property
    def mean(self) -> float | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class CohortCurve:
    """Average curves of a measure per cohort, for volunteers who joined in a period."""

    @property
    def measure(self) -> str: ...
    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...
    @property
    def threshold(self) -> int | None:
        """The suppression threshold applied (researchers), or ``None`` (exact)."""
    @property
    def points(self) -> list[CohortPoint]:
        """By cohort, then month."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class CoachingSession:
    """One coaching session; ``note`` never shows in ``repr``."""

    @property
    def on(self) -> date: ...
    @property
    def note(self) -> str | None:
        """The coach's note; ``None`` for the coached volunteer."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Coaching:
    """A coaching trajectory."""

    @property
    def id(self) -> str: ...
    @property
    def volunteer_id(self) -> str:
        """Who is coached."""
    @property
    def coach_id(self) -> str: ...
    @property
    def goals(self) -> list[str]: ...
    @property
    def opened_on(self) -> date: ...
    @property
    def status(self) -> str:
        """``open`` or ``closed``."""
    @property
    def outcome(self) -> str | None:
        """A ``coaching_outcome`` code, once closed."""
    @property
    def closed_on(self) -> date | None: ...
    @property
    def sessions(self) -> list[CoachingSession]:
        """By date."""
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Course:
    """A course for volunteers."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str | None: ...
    @property
    def sessions(self) -> list[date]:
        """The session dates, in order."""
    @property
    def capacity(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Enrolment:
    """A volunteer's place in a course."""

    @property
    def course_id(self) -> str: ...
    @property
    def volunteer_id(self) -> str: ...
    @property
    def status(self) -> str:
        """``enrolled``, ``waiting`` or ``withdrawn``."""
    @property
    def enrolled_at(self) -> datetime:
        """When they enrolled (the waiting list's order)."""
    @property
    def attended(self) -> list[date]:
        """The session dates they attended."""
    @property
    def completed(self) -> bool: ...
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Withdrawal:
    """What ``Hub.withdraw`` changed."""

    @property
    def withdrawn(self) -> Enrolment: ...
    @property
    def promoted(self) -> Enrolment | None:
        """The volunteer who moved up from the waiting list, if any."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class CourseEffect:
    """The before/after change in a measure for a course's participants (no causal claim)."""

    @property
    def course_id(self) -> str: ...
    @property
    def measure(self) -> str: ...
    @property
    def n(self) -> int:
        """Participants who completed it with an assessment before and one after."""
    @property
    def mean_change(self) -> float | None:
        """``None`` with insufficient data."""
    @property
    def sd_change(self) -> float | None:
        """Sample standard deviation; ``None`` with insufficient data."""
    @property
    def insufficient_data(self) -> bool: ...
    @property
    def note(self) -> str:
        """What the numbers mean, in plain words."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class ConflictFollowUp:
    """A dated follow-up of a conflict; ``note`` never shows in ``repr``."""

    @property
    def on(self) -> date: ...
    @property
    def note(self) -> str: ...
    @property
    def step(self) -> int:
        """The Glasl step then."""
    @property
    def status(self) -> str:
        """The status then."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Conflict:
    """A conflict between volunteers; ``description`` never shows in ``repr``."""

    @property
    def id(self) -> str: ...
    @property
    def parties(self) -> list[str]:
        """The volunteers' ids, sorted."""
    @property
    def on(self) -> date:
        """When it arose."""
    @property
    def description(self) -> str: ...
    @property
    def step(self) -> int:
        """Glasl's escalation ladder, 1–9, now."""
    @property
    def phase(self) -> str:
        """A ``glasl_phase`` code: ``win_win`` (1–3), ``win_lose`` (4–6), ``lose_lose`` (7–9)."""
    @property
    def intervention(self) -> str:
        """``among_themselves``, ``coordinator``, ``mediator`` or ``external``."""
    @property
    def status(self) -> str:
        """``open``, ``in_mediation``, ``resolved`` (final) or ``escalated``."""
    @property
    def follow_ups(self) -> list[ConflictFollowUp]:
        """By date."""
    @property
    def version(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

# ---- the hub ----

@final
class Hub:
    """One hub in a store. Open with :meth:`Hub.open`."""

    @staticmethod
    def open(url: str, hub: str, *, now: datetime | None = None) -> Hub: ...
    @property
    def slug(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def now(self) -> datetime: ...
    def set_now(self, now: datetime) -> None: ...
    # volunteers
    def register_volunteer(
        self,
        actor: Actor,
        display_name: str,
        *,
        contact: str | None = None,
        start_date: date | None = None,
        status: str | None = None,
        roles: Iterable[str] = ...,
        skills: Iterable[str] = ...,
        availability: Sequence[_Availability] = ...,
        vog_date: date | None = None,
    ) -> Volunteer: ...
    def update_volunteer(
        self,
        actor: Actor,
        volunteer_id: str,
        *,
        display_name: str | None = None,
        contact: str | None = ...,
        start_date: date | None = None,
        roles: Iterable[str] | None = None,
        skills: Iterable[str] | None = None,
        availability: Sequence[_Availability] | None = None,
        vog_date: date | None = ...,
    ) -> Volunteer: ...
    def change_volunteer_status(
        self,
        actor: Actor,
        volunteer_id: str,
        to: str,
        *,
        reason: str | None = None,
        on: date | None = None,
    ) -> Volunteer: ...
    def volunteer(self, actor: Actor, volunteer_id: str) -> Volunteer: ...
    def volunteers(self, actor: Actor, *, status: str | None = None) -> list[Volunteer]: ...
    # shifts
    def plan_shift(
        self,
        actor: Actor,
        volunteer_id: str,
        role: str,
        date: date,
        start: time,
        end: time,
        *,
        note: str | None = None,
    ) -> Shift: ...
    def record_shift(
        self,
        actor: Actor,
        volunteer_id: str,
        role: str,
        date: date,
        start: time,
        end: time,
        *,
        note: str | None = None,
    ) -> Shift: ...
    def complete_shift(
        self, actor: Actor, shift_id: str, *, start: time | None = None, end: time | None = None
    ) -> Shift: ...
    def cancel_shift(self, actor: Actor, shift_id: str, *, reason: str | None = None) -> Shift: ...
    def shifts(
        self,
        actor: Actor,
        start_date: date,
        end_date: date,
        *,
        volunteer_id: str | None = None,
        include_cancelled: bool = False,
    ) -> list[Shift]: ...
    # hours and milestones
    def hours_by_volunteer(self, actor: Actor, start_date: date, end_date: date) -> list[HoursByVolunteer]: ...
    def hours_by_role(self, actor: Actor, start_date: date, end_date: date) -> list[HoursByRole]: ...
    def milestones(self, actor: Actor, start_date: date, end_date: date) -> list[MilestoneReached]: ...
    # opening hours, roster gaps, VOG
    def set_opening_hours(self, actor: Actor, slots: Sequence[_OpeningSlotDict]) -> list[OpeningSlot]: ...
    def opening_hours(self, actor: Actor) -> list[OpeningSlot]: ...
    def roster_gaps(self, actor: Actor, start_date: date, end_date: date) -> list[RosterGap]: ...
    def vog_expiring(self, actor: Actor, within_days: int = 60) -> list[VogStatus]: ...
    # stock: intake, items, moves (money in cents)
    def take_in(
        self,
        actor: Actor,
        category: str,
        description: str,
        condition: str,
        weight_grams: int,
        *,
        quantity: int = 1,
        donor: str | None = None,
        intake_date: date | None = None,
        price_override: int | None = None,
    ) -> Item: ...
    def take_in_batch(self, actor: Actor, items: Iterable[_NewItemDict]) -> list[Item]: ...
    def item(self, actor: Actor, item_id: str) -> ItemView: ...
    def moves(self, actor: Actor, item_id: str) -> list[StockMove]: ...
    def record_move(
        self,
        actor: Actor,
        item_id: str,
        kind: str,
        *,
        quantity: int = 0,
        unit_price: int | None = None,
        reason: str | None = None,
    ) -> StockMove: ...
    # pricing
    def pricing_policy(self, actor: Actor) -> PricingPolicy: ...
    def set_pricing_policy(self, actor: Actor, policy: PricingPolicy | _PricingPolicyDict) -> PricingPolicy: ...
    # reuse impact
    def impact_factors(self, actor: Actor) -> list[ImpactFactor]: ...
    def set_impact_factors(
        self, actor: Actor, factors: Iterable[ImpactFactor | _ImpactFactorDict]
    ) -> list[ImpactFactor]: ...
    def reuse_impact(self, actor: Actor, start_date: date, end_date: date) -> list[ImpactRow]: ...
    # the till
    def checkout(
        self,
        actor: Actor,
        till: str,
        lines: Iterable[_BasketLine],
        *,
        payment: str = "cash",
        city_pass: bool = False,
        at: datetime | None = None,
    ) -> Sale: ...
    def refund(
        self,
        actor: Actor,
        sale_id: str,
        till: str,
        *,
        lines: Iterable[_BasketLine] | None = None,
        payment: str = "cash",
    ) -> Sale: ...
    def sale(self, actor: Actor, sale_id: str) -> Sale: ...
    def cash_up(
        self, actor: Actor, till: str, opening_float: int, counted: int, *, date: date | None = None
    ) -> CashUp: ...
    def cash_ups(self, actor: Actor, start_date: date, end_date: date) -> list[CashUp]: ...
    # stock and sales reports
    def stock_on_hand(self, actor: Actor, *, on: date | None = None) -> list[StockOnHand]: ...
    def ageing(self, actor: Actor, weeks: int, *, limit: int = 1000) -> list[ItemView]: ...
    def sales_report(
        self, actor: Actor, start_date: date, end_date: date, *, bucket: str = "month"
    ) -> list[SalesRow]: ...
    # signals
    def record_signal(
        self,
        actor: Actor,
        domains: Iterable[str],
        summary: str,
        *,
        urgency: str | None = None,
        person: str | None = None,
        contact: str | None = None,
        consent: str | None = None,
        do_not_contact: bool = False,
    ) -> SignalView: ...
    def signal(self, actor: Actor, signal_id: str) -> SignalView: ...
    def signals(
        self,
        actor: Actor,
        *,
        open_only: bool = False,
        start_date: date | None = None,
        end_date: date | None = None,
    ) -> list[Signal]: ...
    def signal_views(
        self,
        actor: Actor,
        *,
        open_only: bool = False,
        start_date: date | None = None,
        end_date: date | None = None,
    ) -> list[SignalView]: ...
    def update_signal(
        self,
        actor: Actor,
        signal_id: str,
        *,
        domains: Iterable[str] | None = None,
        urgency: str | None = None,
        consent: str | None = None,
        do_not_contact: bool | None = None,
    ) -> Signal: ...
    def close_signal(self, actor: Actor, signal_id: str) -> Signal: ...
    # partners
    def register_partner(
        self,
        actor: Actor,
        name: str,
        services: Iterable[_PartnerServiceDict | PartnerService],
        *,
        description: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        website: str | None = None,
        status: str | None = None,
    ) -> Partner: ...
    def update_partner(
        self,
        actor: Actor,
        partner_id: str,
        name: str,
        services: Iterable[_PartnerServiceDict | PartnerService],
        *,
        description: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        website: str | None = None,
        status: str | None = None,
    ) -> Partner: ...
    def set_partner_status(self, actor: Actor, partner_id: str, status: str) -> Partner: ...
    def partner(self, actor: Actor, partner_id: str) -> Partner: ...
    def partners(self, actor: Actor) -> list[Partner]: ...
    def partners_hsds(self, actor: Actor, *, lang: str = "nl") -> dict[str, Any]: ...
    def partner_suggestions(self, actor: Actor, signal_id: str) -> list[PartnerSuggestion]: ...
    # referrals
    def refer(
        self,
        actor: Actor,
        signal_id: str,
        partner_id: str,
        *,
        follow_up: date | None = None,
        consent_exception: str | None = None,
        request: bool = False,
    ) -> Referral: ...
    def change_referral(
        self,
        actor: Actor,
        referral_id: str,
        status: str,
        *,
        outcome: str | None = None,
        follow_up: date | None = None,
    ) -> Referral: ...
    def set_follow_up(self, actor: Actor, referral_id: str, date: date | None) -> Referral: ...
    def referral(self, actor: Actor, referral_id: str) -> Referral: ...
    def referrals(
        self, actor: Actor, *, signal_id: str | None = None, open_only: bool = False
    ) -> list[Referral]: ...
    def follow_ups_due(self, actor: Actor, *, on: date | None = None) -> list[FollowUpDue]: ...
    # retention and statistics
    def set_signal_policy(
        self, actor: Actor, *, retention_months: int = ..., suppression_threshold: int = ...
    ) -> SignalPolicy:
        """Sets the whole policy; an argument left out takes the core's default
        (12 months, threshold 10), as ``signal_policy`` reports on a new hub."""
    def signal_policy(self, actor: Actor) -> SignalPolicy: ...
    def purge_signals(self, actor: Actor) -> PurgeReport: ...
    def signal_statistics(self, actor: Actor, start_date: date, end_date: date) -> SignalStatistics: ...
    # activities
    def create_activity(
        self,
        actor: Actor,
        name: str,
        kind: str,
        *,
        description: str | None = None,
        leaders: Iterable[str] = ...,
        location: str | None = None,
        capacity: int | None = None,
        price: int | None = None,
    ) -> Activity: ...
    def update_activity(
        self,
        actor: Actor,
        activity_id: str,
        name: str,
        kind: str,
        *,
        description: str | None = None,
        leaders: Iterable[str] = ...,
        location: str | None = None,
        capacity: int | None = None,
        price: int | None = None,
    ) -> Activity:
        """Replaces the details: what is left out is cleared (the status stays)."""
    def set_activity_status(self, actor: Actor, activity_id: str, status: str) -> Activity: ...
    def activity(self, actor: Actor, activity_id: str) -> Activity: ...
    def activities(self, actor: Actor, *, include_archived: bool = False) -> list[Activity]: ...
    # schedules and sessions
    def set_schedule(
        self,
        actor: Actor,
        activity_id: str,
        recurrence: _Recurrence,
        starts_on: date,
        start: time,
        end: time,
        *,
        until: date | None = None,
        count: int | None = None,
    ) -> ScheduleChange: ...
    def schedules(self, actor: Actor, activity_id: str) -> list[Schedule]: ...
    def generate_sessions(
        self, actor: Actor, start_date: date, end_date: date, *, activity_id: str | None = None
    ) -> int:
        """Makes the sessions the schedules give (at most 400 days); returns how many were new."""
    def add_session(self, actor: Actor, activity_id: str, date: date, start: time, end: time) -> Session: ...
    def cancel_session(self, actor: Actor, session_id: str, reason: str) -> Session: ...
    def record_attendance(
        self,
        actor: Actor,
        session_id: str,
        *,
        headcount: int | None = None,
        first_timers: int = 0,
        volunteers: Iterable[str] = ...,
        residents: Iterable[str] = ...,
    ) -> Session: ...
    def session(self, actor: Actor, session_id: str) -> Session: ...
    def sessions(
        self, actor: Actor, start_date: date, end_date: date, *, activity_id: str | None = None
    ) -> list[Session]: ...
    # residents
    def register_resident(
        self, actor: Actor, name: str, *, contact: str | None = None, consent: bool = False
    ) -> Resident: ...
    def residents(self, actor: Actor) -> list[Resident]: ...
    def forget_resident(self, actor: Actor, resident_id: str) -> None: ...
    # ideas
    def submit_idea(
        self,
        actor: Actor,
        title: str,
        text: str,
        *,
        submitted_on: date | None = None,
        contact: str | None = None,
        contact_consent: bool = False,
    ) -> Idea: ...
    def change_idea(
        self,
        actor: Actor,
        idea_id: str,
        status: str,
        *,
        reason: str | None = None,
        activity_id: str | None = None,
        on: date | None = None,
    ) -> Idea: ...
    def idea(self, actor: Actor, idea_id: str) -> Idea: ...
    def ideas(self, actor: Actor, *, status: str | None = None) -> list[Idea]: ...
    # the table tally and the report
    def record_tally(
        self, actor: Actor, visitors: int, conversations: int, *, date: date | None = None
    ) -> TableTally: ...
    def correct_tally(
        self, actor: Actor, visitors: int, conversations: int, *, date: date | None = None
    ) -> TableTally: ...
    def tallies(self, actor: Actor, start_date: date, end_date: date) -> list[TableTally]: ...
    def activity_report(self, actor: Actor, start_date: date, end_date: date) -> ActivityReport: ...
    # the hub report
    def hub_report(self, actor: Actor, start_date: date, end_date: date) -> HubReport:
        """The hub report (coordinators, admins, researchers with small counts hidden)."""
    # research tables
    def table(
        self,
        actor: Actor,
        name: str,
        start: date | None = None,
        end: date | None = None,
        *,
        batch_size: int = 8192,
    ) -> ResearchTable:
        """A research table (researchers, admins): one row per fact, pseudonymous keys, no names."""
    # volunteer development
    def set_skills(self, actor: Actor, names: Iterable[str]) -> list[str]:
        """Replaces the hub's skills (1–30 names), each scored 1–5 in ``skills`` assessments."""
    def skills(self, actor: Actor) -> list[str]: ...
    def record_assessment(
        self,
        actor: Actor,
        volunteer_id: str,
        instrument: str,
        scores: Mapping[str, int],
        *,
        on: date | None = None,
        note: str | None = None,
        corrects: str | None = None,
    ) -> Assessment:
        """``scores``: ``{"step": 4}`` for the ladder, ``{"finances": 3, …}`` (``zrm_domain``
        codes) for the matrix, ``{"Kassa": 5}`` (the hub's skills) for skills."""
    def assessments(self, actor: Actor, volunteer_id: str) -> list[Assessment]: ...
    def trajectory(
        self,
        actor: Actor,
        volunteer_id: str,
        measure: str,
        *,
        window_months: int | None = None,
        min_points: int | None = None,
        slope_threshold: float | None = None,
    ) -> Trajectory:
        """Left out: 12 months, 3 points, 0.05 scale points per month."""
    def cohort_curve(self, actor: Actor, measure: str, start_date: date, end_date: date) -> CohortCurve: ...
    def coaching_suggestions(
        self,
        actor: Actor,
        *,
        window_months: int | None = None,
        min_points: int | None = None,
        slope_threshold: float | None = None,
    ) -> list[CoachingSuggestion]: ...
    # coaching
    def open_coaching(
        self,
        actor: Actor,
        volunteer_id: str,
        coach_id: str,
        goals: Iterable[str],
        *,
        opened_on: date | None = None,
    ) -> Coaching: ...
    def add_coaching_session(
        self, actor: Actor, coaching_id: str, *, on: date | None = None, note: str | None = None
    ) -> Coaching: ...
    def close_coaching(self, actor: Actor, coaching_id: str, outcome: str, *, on: date | None = None) -> Coaching: ...
    def coaching(self, actor: Actor, coaching_id: str) -> Coaching: ...
    def coachings(
        self, actor: Actor, *, volunteer_id: str | None = None, open_only: bool = False
    ) -> list[Coaching]: ...
    # courses
    def create_course(
        self,
        actor: Actor,
        title: str,
        sessions: Sequence[date],
        capacity: int,
        *,
        description: str | None = None,
    ) -> Course: ...
    def course(self, actor: Actor, course_id: str) -> Course: ...
    def courses(self, actor: Actor) -> list[Course]: ...
    def enrol(self, actor: Actor, course_id: str, volunteer_id: str) -> Enrolment: ...
    def withdraw(self, actor: Actor, course_id: str, volunteer_id: str) -> Withdrawal: ...
    def enrolments(self, actor: Actor, course_id: str) -> list[Enrolment]: ...
    def record_course_attendance(
        self, actor: Actor, course_id: str, date: date, present: Iterable[str]
    ) -> list[Enrolment]: ...
    def complete_course(self, actor: Actor, course_id: str, volunteers: Iterable[str]) -> list[Enrolment]: ...
    def course_effect(
        self, actor: Actor, course_id: str, measure: str, *, min_n: int | None = None
    ) -> CourseEffect: ...
    # the conflict register
    def register_conflict(
        self,
        actor: Actor,
        parties: Iterable[str],
        description: str,
        step: int,
        intervention: str,
        *,
        on: date | None = None,
    ) -> Conflict: ...
    def follow_up_conflict(
        self,
        actor: Actor,
        conflict_id: str,
        note: str,
        *,
        on: date | None = None,
        step: int | None = None,
        intervention: str | None = None,
        status: str | None = None,
    ) -> Conflict: ...
    def conflict(self, actor: Actor, conflict_id: str) -> Conflict: ...
    def conflicts(self, actor: Actor, *, unresolved_only: bool = False) -> list[Conflict]: ...
    # journal
    def journal(self, actor: Actor, *, after: int = 0, limit: int = 1000) -> list[JournalRecord]: ...
    # journal sync
    def export_journal(self, actor: Actor, *, after: int = 0) -> str: ...
    def import_journal(self, actor: Actor, batch: str) -> ImportReport: ...
    def sync_conflicts(self, actor: Actor) -> list[SyncConflict]: ...
