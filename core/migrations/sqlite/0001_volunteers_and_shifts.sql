-- 0001 (SQLite): hubs, volunteers, shifts, opening hours and the journal.
-- The PostgreSQL migration of the same version makes the same logical change.
--
-- Portable representations (identical SQL text on both backends):
--   ids         TEXT, hyphenated lowercase UUID
--   dates       TEXT 'YYYY-MM-DD' (sorts like the date)
--   times       INTEGER minutes since midnight
--   timestamps  INTEGER microseconds since the Unix epoch, UTC
--   sets        TEXT holding JSON (roles, skills, availability)
-- Every table carries hub_id and every primary key includes it.
-- STRICT tables refuse values of the wrong type.

CREATE TABLE hubs (
    id          TEXT    NOT NULL PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    -- The last journal seq handed out in this hub; every write bumps it first.
    journal_seq INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE volunteers (
    hub_id        TEXT    NOT NULL REFERENCES hubs (id),
    id            TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    contact       TEXT,
    start_date    TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    status_since  TEXT    NOT NULL,
    status_reason TEXT,
    roles         TEXT    NOT NULL, -- JSON array of role codes
    skills        TEXT    NOT NULL, -- JSON array of skill names
    availability  TEXT    NOT NULL, -- JSON array of {"weekday","start","end"} (minutes)
    vog_date      TEXT,
    version       INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id)
) STRICT;

CREATE INDEX volunteers_by_name ON volunteers (hub_id, display_name, id);

CREATE TABLE shifts (
    hub_id       TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    volunteer_id TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    date         TEXT    NOT NULL,
    start_min    INTEGER NOT NULL,
    end_min      INTEGER NOT NULL,
    status       TEXT    NOT NULL,
    note         TEXT,
    PRIMARY KEY (hub_id, id),
    FOREIGN KEY (hub_id, volunteer_id) REFERENCES volunteers (hub_id, id)
) STRICT;

-- Overlap checks and per-volunteer listings.
CREATE INDEX shifts_by_volunteer ON shifts (hub_id, volunteer_id, date);
-- The roster and the hour reports.
CREATE INDEX shifts_by_date ON shifts (hub_id, date, start_min);

-- Opening hours as one row per slot and role.
CREATE TABLE opening_slots (
    hub_id    TEXT    NOT NULL REFERENCES hubs (id),
    weekday   TEXT    NOT NULL,
    start_min INTEGER NOT NULL,
    end_min   INTEGER NOT NULL,
    role      TEXT    NOT NULL,
    required  INTEGER NOT NULL,
    PRIMARY KEY (hub_id, weekday, start_min, role)
) STRICT;

CREATE TABLE journal (
    hub_id    TEXT    NOT NULL REFERENCES hubs (id),
    seq       INTEGER NOT NULL,
    id        TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    role      TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    entity    TEXT    NOT NULL,
    entity_id TEXT    NOT NULL,
    detail    TEXT    NOT NULL, -- JSON
    PRIMARY KEY (hub_id, seq)
) STRICT;

-- Entry ids are unique by construction (UUIDv7), but not enforced: the
-- memory store does not enforce it either. Indexed for lookups.
CREATE INDEX journal_by_id ON journal (hub_id, id);
