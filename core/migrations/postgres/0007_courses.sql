-- 0007 (PostgreSQL): courses with enrolments (and their waiting list), and
-- the conflict register. The SQLite migration of the same version makes the
-- same logical change. Representations as in 0001.
-- Every text column is COLLATE "C" (byte order, like Rust and SQLite).

-- Courses; the session dates as JSON (read and written with the course).
-- first_session repeats the first date for the listing's order.
CREATE TABLE courses (
    hub_id        TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id            TEXT COLLATE "C" NOT NULL,
    title         TEXT COLLATE "C" NOT NULL,
    description   TEXT COLLATE "C",
    sessions      TEXT COLLATE "C" NOT NULL, -- JSON array of "YYYY-MM-DD", in order
    first_session TEXT COLLATE "C",          -- NULL for a course without sessions
    capacity      BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, id)
);

CREATE INDEX courses_by_first_session ON courses (hub_id, first_session, id);

-- One row per volunteer and course: enrolling again after withdrawing
-- replaces the withdrawn row.
CREATE TABLE course_enrolments (
    hub_id       TEXT COLLATE "C" NOT NULL,
    course_id    TEXT COLLATE "C" NOT NULL,
    volunteer_id TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL, -- enrolled, waiting, withdrawn
    enrolled_at  BIGINT           NOT NULL, -- microseconds; the waiting list's order
    attended     TEXT COLLATE "C" NOT NULL, -- JSON array of "YYYY-MM-DD"
    completed    BIGINT           NOT NULL CHECK (completed IN (0, 1)),
    version      BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, course_id, volunteer_id),
    FOREIGN KEY (hub_id, course_id) REFERENCES courses (hub_id, id),
    FOREIGN KEY (hub_id, volunteer_id) REFERENCES volunteers (hub_id, id)
);

-- The listing, the count of places taken and the head of the waiting list.
CREATE INDEX course_enrolments_by_status
    ON course_enrolments (hub_id, course_id, status, enrolled_at, volunteer_id);
CREATE INDEX course_enrolments_by_volunteer ON course_enrolments (hub_id, volunteer_id);

-- Conflicts; the follow-ups as JSON (read and written with the conflict).
CREATE TABLE conflicts (
    hub_id       TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id           TEXT COLLATE "C" NOT NULL,
    arose_on     TEXT COLLATE "C" NOT NULL,
    description  TEXT COLLATE "C" NOT NULL,
    step         BIGINT           NOT NULL, -- Glasl step 1-9
    phase        TEXT COLLATE "C" NOT NULL,
    intervention TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    follow_ups   TEXT COLLATE "C" NOT NULL, -- JSON array of {"on", "note", "step", "status"}
    version      BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, id)
);

CREATE INDEX conflicts_by_date ON conflicts (hub_id, arose_on, id);

-- The parties of a conflict, in the conflict's order (pos).
CREATE TABLE conflict_parties (
    hub_id       TEXT COLLATE "C" NOT NULL,
    conflict_id  TEXT COLLATE "C" NOT NULL,
    pos          BIGINT           NOT NULL,
    volunteer_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (hub_id, conflict_id, pos),
    FOREIGN KEY (hub_id, conflict_id) REFERENCES conflicts (hub_id, id),
    FOREIGN KEY (hub_id, volunteer_id) REFERENCES volunteers (hub_id, id)
);

CREATE INDEX conflict_parties_by_volunteer ON conflict_parties (hub_id, volunteer_id);
