-- 0007 (SQLite): courses with enrolments (and their waiting list), and the
-- conflict register. The PostgreSQL migration of the same version makes the
-- same logical change. Representations as in 0001.

-- Courses; the session dates as JSON (read and written with the course).
-- first_session repeats the first date for the listing's order.
CREATE TABLE courses (
    hub_id        TEXT    NOT NULL REFERENCES hubs (id),
    id            TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    description   TEXT,
    sessions      TEXT    NOT NULL, -- JSON array of "YYYY-MM-DD", in order
    first_session TEXT,             -- NULL for a course without sessions
    capacity      INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id)
) STRICT;

CREATE INDEX courses_by_first_session ON courses (hub_id, first_session, id);

-- One row per volunteer and course: enrolling again after withdrawing
-- replaces the withdrawn row.
CREATE TABLE course_enrolments (
    hub_id       TEXT    NOT NULL,
    course_id    TEXT    NOT NULL,
    volunteer_id TEXT    NOT NULL,
    status       TEXT    NOT NULL, -- enrolled, waiting, withdrawn
    enrolled_at  INTEGER NOT NULL, -- microseconds; the waiting list's order
    attended     TEXT    NOT NULL, -- JSON array of "YYYY-MM-DD"
    completed    INTEGER NOT NULL CHECK (completed IN (0, 1)),
    version      INTEGER NOT NULL,
    PRIMARY KEY (hub_id, course_id, volunteer_id),
    FOREIGN KEY (hub_id, course_id) REFERENCES courses (hub_id, id),
    FOREIGN KEY (hub_id, volunteer_id) REFERENCES volunteers (hub_id, id)
) STRICT;

-- The listing, the count of places taken and the head of the waiting list.
CREATE INDEX course_enrolments_by_status
    ON course_enrolments (hub_id, course_id, status, enrolled_at, volunteer_id);
CREATE INDEX course_enrolments_by_volunteer ON course_enrolments (hub_id, volunteer_id);

-- Conflicts; the follow-ups as JSON (read and written with the conflict).
CREATE TABLE conflicts (
    hub_id       TEXT    NOT NULL REFERENCES hubs (id),
    id           TEXT    NOT NULL,
    arose_on     TEXT    NOT NULL,
    description  TEXT    NOT NULL,
    step         INTEGER NOT NULL, -- Glasl step 1-9
    phase        TEXT    NOT NULL,
    intervention TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    follow_ups   TEXT    NOT NULL, -- JSON array of {"on", "note", "step", "status"}
    version      INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id)
) STRICT;

CREATE INDEX conflicts_by_date ON conflicts (hub_id, arose_on, id);

-- The parties of a conflict, in the conflict's order (pos).
CREATE TABLE conflict_parties (
    hub_id       TEXT    NOT NULL,
    conflict_id  TEXT    NOT NULL,
    pos          INTEGER NOT NULL,
    volunteer_id TEXT    NOT NULL,
    PRIMARY KEY (hub_id, conflict_id, pos),
    FOREIGN KEY (hub_id, conflict_id) REFERENCES conflicts (hub_id, id),
    FOREIGN KEY (hub_id, volunteer_id) REFERENCES volunteers (hub_id, id)
) STRICT;

CREATE INDEX conflict_parties_by_volunteer ON conflict_parties (hub_id, volunteer_id);
