-- 0006 (PostgreSQL): volunteer development: the hub's skills, assessments
-- with their scores, and coaching trajectories. The SQLite migration of the
-- same version makes the same logical change. Representations as in 0001.
-- Every text column is COLLATE "C" (byte order, like Rust and SQLite).

-- The hub's list of skills (one row per hub, set as a whole).
CREATE TABLE development_skills (
    hub_id TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES hubs (id),
    skills TEXT COLLATE "C" NOT NULL -- JSON array of skill names, in the hub's order
);

-- Assessments are never changed: a correction is a new row naming the one
-- it corrects, and each assessment is corrected at most once.
CREATE TABLE assessments (
    hub_id       TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id           TEXT COLLATE "C" NOT NULL,
    volunteer_id TEXT COLLATE "C" NOT NULL,
    assessed_on  TEXT COLLATE "C" NOT NULL,
    assessor     TEXT COLLATE "C" NOT NULL,
    instrument   TEXT COLLATE "C" NOT NULL,
    note         TEXT COLLATE "C",
    corrects     TEXT COLLATE "C",
    recorded_at  BIGINT           NOT NULL, -- microseconds
    PRIMARY KEY (hub_id, id),
    -- A second correction of one assessment fails (correct the correction).
    -- Also answers "is this one corrected?" for the cohort aggregate.
    UNIQUE (hub_id, corrects),
    FOREIGN KEY (hub_id, volunteer_id) REFERENCES volunteers (hub_id, id),
    FOREIGN KEY (hub_id, corrects) REFERENCES assessments (hub_id, id)
);

CREATE INDEX assessments_by_date ON assessments (hub_id, assessed_on, id);
CREATE INDEX assessments_by_volunteer ON assessments (hub_id, volunteer_id, assessed_on, id);

-- One row per score, in the assessment's order (pos).
CREATE TABLE assessment_scores (
    hub_id        TEXT COLLATE "C" NOT NULL,
    assessment_id TEXT COLLATE "C" NOT NULL,
    measure       TEXT COLLATE "C" NOT NULL, -- ladder, zrm.<domain> or skill.<name>
    value         BIGINT           NOT NULL,
    pos           BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, assessment_id, measure),
    FOREIGN KEY (hub_id, assessment_id) REFERENCES assessments (hub_id, id)
);

-- The cohort aggregate (one measure across the hub).
CREATE INDEX assessment_scores_by_measure ON assessment_scores (hub_id, measure);

-- Coaching trajectories; goals and sessions as JSON (read and written with
-- the trajectory, never queried on their own).
CREATE TABLE coachings (
    hub_id       TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id           TEXT COLLATE "C" NOT NULL,
    volunteer_id TEXT COLLATE "C" NOT NULL,
    coach_id     TEXT COLLATE "C" NOT NULL,
    goals        TEXT COLLATE "C" NOT NULL, -- JSON array of goal texts
    opened_on    TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    outcome      TEXT COLLATE "C",
    closed_on    TEXT COLLATE "C",
    sessions     TEXT COLLATE "C" NOT NULL, -- JSON array of {"on": "YYYY-MM-DD", "note": text or null}
    version      BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, id),
    FOREIGN KEY (hub_id, volunteer_id) REFERENCES volunteers (hub_id, id),
    FOREIGN KEY (hub_id, coach_id) REFERENCES volunteers (hub_id, id)
);

-- The open-coaching check and the listings.
CREATE INDEX coachings_by_volunteer ON coachings (hub_id, volunteer_id, status, opened_on, id);
CREATE INDEX coachings_by_opened_on ON coachings (hub_id, opened_on, id);
