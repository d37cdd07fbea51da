-- 0005 (SQLite): activities, their schedules and sessions (with the named
-- participants of each session's attendance), registered residents,
-- residents' ideas with their status history, and the daily table tally.
-- The PostgreSQL migration of the same version makes the same logical
-- change. Representations as in 0001; money in INTEGER cents.

CREATE TABLE activities (
    hub_id      TEXT    NOT NULL REFERENCES hubs (id),
    id          TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    description TEXT,
    leaders     TEXT    NOT NULL, -- JSON array of volunteer ids (sorted)
    location    TEXT,
    capacity    INTEGER,
    price       INTEGER NOT NULL, -- cents
    status      TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id)
) STRICT;

CREATE INDEX activities_by_name ON activities (hub_id, name, id);

CREATE TABLE schedules (
    hub_id      TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    activity_id TEXT    NOT NULL,
    recurrence  TEXT    NOT NULL, -- JSON, as the domain serialises Recurrence
    starts_on   TEXT    NOT NULL,
    start_min   INTEGER NOT NULL,
    end_min     INTEGER NOT NULL,
    until_date  TEXT,
    max_count   INTEGER,
    PRIMARY KEY (hub_id, id),
    FOREIGN KEY (hub_id, activity_id) REFERENCES activities (hub_id, id)
) STRICT;

CREATE INDEX schedules_by_activity ON schedules (hub_id, activity_id, starts_on, id);

-- One row per session. The attendance columns are all NULL (not recorded)
-- or all set. schedule_id is NULL for an extra session (and not a foreign
-- key: the store takes sessions of any schedule, like the memory store).
CREATE TABLE sessions (
    hub_id        TEXT    NOT NULL,
    id            TEXT    NOT NULL,
    activity_id   TEXT    NOT NULL,
    date          TEXT    NOT NULL,
    start_min     INTEGER NOT NULL,
    end_min       INTEGER NOT NULL,
    schedule_id   TEXT,
    status        TEXT    NOT NULL,
    cancel_reason TEXT,
    headcount     INTEGER,
    first_timers  INTEGER,
    recorded_by   TEXT,
    recorded_at   INTEGER, -- microseconds
    version       INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id),
    -- One session per activity, day and start time: generation is
    -- idempotent (INSERT … ON CONFLICT DO NOTHING).
    UNIQUE (hub_id, activity_id, date, start_min),
    FOREIGN KEY (hub_id, activity_id) REFERENCES activities (hub_id, id),
    CHECK ((headcount IS NULL AND first_timers IS NULL AND recorded_by IS NULL AND recorded_at IS NULL)
        OR (headcount IS NOT NULL AND first_timers IS NOT NULL AND recorded_by IS NOT NULL
            AND recorded_at IS NOT NULL))
) STRICT;

-- The listing and the report (by date), and the sessions of ended schedules.
CREATE INDEX sessions_by_date ON sessions (hub_id, date, start_min, id);
CREATE INDEX sessions_by_schedule ON sessions (hub_id, schedule_id, date);

-- The named participants of a session's attendance, in the attendance's
-- order (pos).
CREATE TABLE session_participants (
    hub_id         TEXT    NOT NULL,
    session_id     TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('volunteer', 'resident')),
    participant_id TEXT    NOT NULL,
    pos            INTEGER NOT NULL,
    PRIMARY KEY (hub_id, session_id, kind, participant_id),
    FOREIGN KEY (hub_id, session_id) REFERENCES sessions (hub_id, id)
) STRICT;

-- Forgetting a resident removes their rows.
CREATE INDEX session_participants_by_participant
    ON session_participants (hub_id, kind, participant_id);

-- Residents registered with their consent (personal data: forgetting one
-- deletes the row; secure_delete is on for every connection).
CREATE TABLE residents (
    hub_id        TEXT NOT NULL REFERENCES hubs (id),
    id            TEXT NOT NULL,
    name          TEXT NOT NULL,
    contact       TEXT,
    consent_on    TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    PRIMARY KEY (hub_id, id)
) STRICT;

CREATE INDEX residents_by_name ON residents (hub_id, name, id);

-- activity_id is not a foreign key: update_idea checks it, insert_idea
-- takes what it is given (like the memory store).
CREATE TABLE ideas (
    hub_id       TEXT    NOT NULL REFERENCES hubs (id),
    id           TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    idea_text    TEXT    NOT NULL,
    submitted_on TEXT    NOT NULL,
    contact      TEXT,
    status       TEXT    NOT NULL,
    activity_id  TEXT,
    version      INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id)
) STRICT;

CREATE INDEX ideas_by_submitted_on ON ideas (hub_id, submitted_on, id);
CREATE INDEX ideas_by_status ON ideas (hub_id, status, submitted_on, id);

-- Every status change of an idea, oldest first (pos).
CREATE TABLE idea_history (
    hub_id      TEXT    NOT NULL,
    idea_id     TEXT    NOT NULL,
    pos         INTEGER NOT NULL,
    changed_on  TEXT    NOT NULL,
    from_status TEXT    NOT NULL,
    to_status   TEXT    NOT NULL,
    reason      TEXT,
    changed_by  TEXT    NOT NULL,
    PRIMARY KEY (hub_id, idea_id, pos),
    FOREIGN KEY (hub_id, idea_id) REFERENCES ideas (hub_id, id)
) STRICT;

CREATE INDEX idea_history_by_status ON idea_history (hub_id, to_status, changed_on);

-- One tally per day.
CREATE TABLE table_tallies (
    hub_id        TEXT    NOT NULL REFERENCES hubs (id),
    date          TEXT    NOT NULL,
    visitors      INTEGER NOT NULL,
    conversations INTEGER NOT NULL,
    recorded_by   TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    PRIMARY KEY (hub_id, date)
) STRICT;
