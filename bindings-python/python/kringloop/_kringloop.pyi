"""Type stubs for the compiled module ``kringloop._kringloop`` (hand-written,
checked against the module by ``mypy.stubtest`` in the tests)."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any, TypedDict, final

__version__: str

__all__ = [
    "Actor",
    "Candidate",
    "CashUp",
    "ConflictError",
    "ForbiddenError",
    "HoursByRole",
    "HoursByVolunteer",
    "Hub",
    "ImpactFactor",
    "ImpactRow",
    "Item",
    "ItemView",
    "JournalRecord",
    "KringloopError",
    "MilestoneReached",
    "NotFoundError",
    "OpeningSlot",
    "PriceTag",
    "PricingPolicy",
    "RosterGap",
    "Sale",
    "SaleLine",
    "SalesRow",
    "Shift",
    "StockMove",
    "StockOnHand",
    "StorageError",
    "ValidationError",
    "VogStatus",
    "Volunteer",
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

#: One weekly availability window: ``(weekday, start, end)``, e.g. ``("monday", time(9), time(12))``.
_Availability = tuple[str, time, time]

def labels(vocabulary: str) -> list[_Label]:
    """Every code of ``vocabulary`` (``volunteer_role``, ``volunteer_status``,
    ``shift_status``, ``weekday``, ``role``, ``action``, ``vog_state``, ``category``,
    ``condition``, ``donor_kind``, ``move_kind``, ``payment_method``, ``tag_colour``,
    ``bucket``) with labels."""

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
    # journal
    def journal(self, actor: Actor, *, after: int = 0, limit: int = 1000) -> list[JournalRecord]: ...
