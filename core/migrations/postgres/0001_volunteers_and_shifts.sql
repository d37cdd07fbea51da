-- 0001 (PostgreSQL): hubs, volunteers, shifts, opening hours and the journal.
-- The SQLite migration of the same version makes the same logical change.
--
-- Portable representations (identical SQL text on both backends):
--   ids         TEXT, hyphenated lowercase UUID
--   dates       TEXT 'YYYY-MM-DD' (sorts like the date)
--   times       BIGINT minutes since midnight
--   timestamps  BIGINT microseconds since the Unix epoch, UTC
--   sets        TEXT holding JSON (roles, skills, availability)
-- Every integer is BIGINT (decoded as i64). Every text column uses the "C"
-- collation so ORDER BY compares bytes, like Rust's str ordering and SQLite's
-- BINARY collation, whatever the database's default collation is.
-- Every table carries hub_id and every primary key includes it.

CREATE TABLE hubs (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    slug        TEXT COLLATE "C" NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL,
    -- The last journal seq handed out in this hub; every write bumps it first
    -- (which also row-locks the hub until commit).
    journal_seq BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE volunteers (
    hub_id        TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id            TEXT COLLATE "C" NOT NULL,
    display_name  TEXT COLLATE "C" NOT NULL,
    contact       TEXT COLLATE "C",
    start_date    TEXT COLLATE "C" NOT NULL,
    status        TEXT COLLATE "C" NOT NULL,
    status_since  TEXT COLLATE "C" NOT NULL,
    status_reason TEXT COLLATE "C",
    roles         TEXT COLLATE "C" NOT NULL, -- JSON array of role codes
    skills        TEXT COLLATE "C" NOT NULL, -- JSON array of skill names
    availability  TEXT COLLATE "C" NOT NULL, -- JSON array of {"weekday","start","end"} (minutes)
    vog_date      TEXT COLLATE "C",
    version       BIGINT NOT NULL,
    PRIMARY KEY (hub_id, id)
);

CREATE INDEX volunteers_by_name ON volunteers (hub_id, display_name, id);

CREATE TABLE shifts (
    hub_id       TEXT COLLATE "C" NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    volunteer_id TEXT COLLATE "C" NOT NULL,
    role         TEXT COLLATE "C" NOT NULL,
    date         TEXT COLLATE "C" NOT NULL,
    start_min    BIGINT NOT NULL,
    end_min      BIGINT NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    note         TEXT COLLATE "C",
    PRIMARY KEY (hub_id, id),
    FOREIGN KEY (hub_id, volunteer_id) REFERENCES volunteers (hub_id, id)
);

-- Overlap checks and per-volunteer listings.
CREATE INDEX shifts_by_volunteer ON shifts (hub_id, volunteer_id, date);
-- The roster and the hour reports.
CREATE INDEX shifts_by_date ON shifts (hub_id, date, start_min);

-- Opening hours as one row per slot and role.
CREATE TABLE opening_slots (
    hub_id    TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    weekday   TEXT COLLATE "C" NOT NULL,
    start_min BIGINT NOT NULL,
    end_min   BIGINT NOT NULL,
    role      TEXT COLLATE "C" NOT NULL,
    required  BIGINT NOT NULL,
    PRIMARY KEY (hub_id, weekday, start_min, role)
);

CREATE TABLE journal (
    hub_id    TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    seq       BIGINT NOT NULL,
    id        TEXT COLLATE "C" NOT NULL,
    at        BIGINT NOT NULL,
    actor     TEXT COLLATE "C" NOT NULL,
    role      TEXT COLLATE "C" NOT NULL,
    action    TEXT COLLATE "C" NOT NULL,
    entity    TEXT COLLATE "C" NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL,
    detail    TEXT COLLATE "C" NOT NULL, -- JSON
    PRIMARY KEY (hub_id, seq)
);

-- Entry ids are unique by construction (UUIDv7), but not enforced: the
-- memory store does not enforce it either. Indexed for lookups.
CREATE INDEX journal_by_id ON journal (hub_id, id);
