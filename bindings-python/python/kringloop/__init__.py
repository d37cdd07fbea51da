"""kringloop: run a neighbourhood second-hand shop that is also the social hub
of its district.

Open a :class:`Hub` from a store URL (``memory:``, ``sqlite:<path>``,
``postgres://…``) and call its methods as an :class:`Actor`. Every refusal is
a :class:`KringloopError` subclass, and a refused call has changed nothing.
See ``docs/python.md``.
"""

from kringloop._kringloop import (
    Actor,
    Candidate,
    ConflictError,
    ForbiddenError,
    Hub,
    HoursByRole,
    HoursByVolunteer,
    JournalRecord,
    KringloopError,
    MilestoneReached,
    NotFoundError,
    OpeningSlot,
    RosterGap,
    Shift,
    StorageError,
    ValidationError,
    VogStatus,
    Volunteer,
    __version__,
    labels,
    vocabularies,
)

__all__ = [
    "Actor",
    "Candidate",
    "ConflictError",
    "ForbiddenError",
    "HoursByRole",
    "HoursByVolunteer",
    "Hub",
    "JournalRecord",
    "KringloopError",
    "MilestoneReached",
    "NotFoundError",
    "OpeningSlot",
    "RosterGap",
    "Shift",
    "StorageError",
    "ValidationError",
    "VogStatus",
    "Volunteer",
    "__version__",
    "labels",
    "vocabularies",
]
