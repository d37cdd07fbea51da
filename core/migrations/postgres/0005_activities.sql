-- 0005 (PostgreSQL): activities, their schedules and sessions (with the named
-- participants of each session's attendance), registered residents,
-- residents' ideas with their status history, and the daily table tally.
-- The SQLite migration of the same version makes the same logical
-- change. Representations as in 0001; money in BIGINT cents.
-- Every text column is COLLATE "C" (byte order, like Rust and SQLite).

CREATE TABLE activities (
    hub_id      TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id          TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C",
    leaders     TEXT COLLATE "C" NOT NULL, -- JSON array of volunteer ids (sorted)
    location    TEXT COLLATE "C",
    capacity    BIGINT,
    price       BIGINT           NOT NULL, -- cents
    status      TEXT COLLATE "C" NOT NULL,
    version     BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, id)
);

CREATE INDEX activities_by_name ON activities (hub_id, name, id);

CREATE TABLE schedules (
    hub_id      TEXT COLLATE "C" NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    activity_id TEXT COLLATE "C" NOT NULL,
    recurrence  TEXT COLLATE "C" NOT NULL, -- JSON, as the domain serialises Recurrence
    starts_on   TEXT COLLATE "C" NOT NULL,
    start_min   BIGINT           NOT NULL,
    end_min     BIGINT           NOT NULL,
    until_date  TEXT COLLATE "C",
    max_count   BIGINT,
    PRIMARY KEY (hub_id, id),
    FOREIGN KEY (hub_id, activity_id) REFERENCES activities (hub_id, id)
);

CREATE INDEX schedules_by_activity ON schedules (hub_id, activity_id, starts_on, id);

-- One row per session. The attendance columns are all NULL (not recorded)
-- or all set. schedule_id is NULL for an extra session (and not a foreign
-- key: the store takes sessions of any schedule, like the memory store).
CREATE TABLE sessions (
    hub_id        TEXT COLLATE "C" NOT NULL,
    id            TEXT COLLATE "C" NOT NULL,
    activity_id   TEXT COLLATE "C" NOT NULL,
    date          TEXT COLLATE "C" NOT NULL,
    start_min     BIGINT           NOT NULL,
    end_min       BIGINT           NOT NULL,
    schedule_id   TEXT COLLATE "C",
    status        TEXT COLLATE "C" NOT NULL,
    cancel_reason TEXT COLLATE "C",
    headcount     BIGINT,
    first_timers  BIGINT,
    recorded_by   TEXT COLLATE "C",
    recorded_at   BIGINT, -- microseconds
    version       BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, id),
    -- One session per activity, day and start time: generation is
    -- idempotent (INSERT … ON CONFLICT DO NOTHING).
    UNIQUE (hub_id, activity_id, date, start_min),
    FOREIGN KEY (hub_id, activity_id) REFERENCES activities (hub_id, id),
    CHECK ((headcount IS NULL AND first_timers IS NULL AND recorded_by IS NULL AND recorded_at IS NULL)
        OR (headcount IS NOT NULL AND first_timers IS NOT NULL AND recorded_by IS NOT NULL
            AND recorded_at IS NOT NULL))
);

-- The listing and the report (by date), and the sessions of ended schedules.
CREATE INDEX sessions_by_date ON sessions (hub_id, date, start_min, id);
CREATE INDEX sessions_by_schedule ON sessions (hub_id, schedule_id, date);

-- The named participants of a session's attendance, in the attendance's
-- order (pos).
CREATE TABLE session_participants (
    hub_id         TEXT COLLATE "C" NOT NULL,
    session_id     TEXT COLLATE "C" NOT NULL,
    kind           TEXT COLLATE "C" NOT NULL CHECK (kind IN ('volunteer', 'resident')),
    participant_id TEXT COLLATE "C" NOT NULL,
    pos            BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, session_id, kind, participant_id),
    FOREIGN KEY (hub_id, session_id) REFERENCES sessions (hub_id, id)
);

-- Forgetting a resident removes their rows.
CREATE INDEX session_participants_by_participant
    ON session_participants (hub_id, kind, participant_id);

-- Residents registered with their consent (personal data: forgetting one
-- deletes the row).
CREATE TABLE residents (
    hub_id        TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id            TEXT COLLATE "C" NOT NULL,
    name          TEXT COLLATE "C" NOT NULL,
    contact       TEXT COLLATE "C",
    consent_on    TEXT COLLATE "C" NOT NULL,
    registered_by TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (hub_id, id)
);

CREATE INDEX residents_by_name ON residents (hub_id, name, id);

-- activity_id is not a foreign key: update_idea checks it, insert_idea
-- takes what it is given (like the memory store).
CREATE TABLE ideas (
    hub_id       TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id           TEXT COLLATE "C" NOT NULL,
    title        TEXT COLLATE "C" NOT NULL,
    idea_text    TEXT COLLATE "C" NOT NULL,
    submitted_on TEXT COLLATE "C" NOT NULL,
    contact      TEXT COLLATE "C",
    status       TEXT COLLATE "C" NOT NULL,
    activity_id  TEXT COLLATE "C",
    version      BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, id)
);

CREATE INDEX ideas_by_submitted_on ON ideas (hub_id, submitted_on, id);
CREATE INDEX ideas_by_status ON ideas (hub_id, status, submitted_on, id);

-- Every status change of an idea, oldest first (pos).
CREATE TABLE idea_history (
    hub_id      TEXT COLLATE "C" NOT NULL,
    idea_id     TEXT COLLATE "C" NOT NULL,
    pos         BIGINT           NOT NULL,
    changed_on  TEXT COLLATE "C" NOT NULL,
    from_status TEXT COLLATE "C" NOT NULL,
    to_status   TEXT COLLATE "C" NOT NULL,
    reason      TEXT COLLATE "C",
    changed_by  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (hub_id, idea_id, pos),
    FOREIGN KEY (hub_id, idea_id) REFERENCES ideas (hub_id, id)
);

CREATE INDEX idea_history_by_status ON idea_history (hub_id, to_status, changed_on);

-- One tally per day.
CREATE TABLE table_tallies (
    hub_id        TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    date          TEXT COLLATE "C" NOT NULL,
    visitors      BIGINT           NOT NULL,
    conversations BIGINT           NOT NULL,
    recorded_by   TEXT COLLATE "C" NOT NULL,
    version       BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, date)
);
