-- 0004 (SQLite): signals, their personal fields, partners with their
-- services, referrals and the signal policy. The PostgreSQL migration of
-- the same version makes the same logical change. Representations as in
-- 0001; flags are INTEGER 0 or 1.
--
-- Personal fields (person, contact, summary) live only in signal_personal,
-- so the retention purge erases them by deleting rows (secure_delete is on
-- for every connection). Every other table holds coded facts only.

CREATE TABLE signals (
    hub_id                TEXT    NOT NULL REFERENCES hubs (id),
    id                    TEXT    NOT NULL,
    recorded_at           INTEGER NOT NULL, -- microseconds
    recorded_on           TEXT    NOT NULL, -- the hub's date; statistics count by it
    recorded_by           TEXT    NOT NULL,
    recorded_by_volunteer TEXT,
    urgency               TEXT    NOT NULL,
    consent               TEXT    NOT NULL,
    consent_at            INTEGER,
    consent_asked_by      TEXT,
    do_not_contact        INTEGER NOT NULL CHECK (do_not_contact IN (0, 1)),
    status                TEXT    NOT NULL,
    closed_at             INTEGER,
    personal_erased_at    INTEGER,
    version               INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id)
) STRICT;

-- The listing (oldest first), the statistics by period, a volunteer's own
-- signals and the purge candidates (closed, not yet erased).
CREATE INDEX signals_by_recorded_at ON signals (hub_id, recorded_at, id);
CREATE INDEX signals_by_recorded_on ON signals (hub_id, recorded_on);
CREATE INDEX signals_by_volunteer ON signals (hub_id, recorded_by_volunteer, recorded_at);
CREATE INDEX signals_to_purge ON signals (hub_id, closed_at, id)
    WHERE closed_at IS NOT NULL AND personal_erased_at IS NULL;

-- A signal's domains, one row each in the signal's order, so the
-- statistics group by domain in SQL.
CREATE TABLE signal_domains (
    hub_id    TEXT    NOT NULL,
    signal_id TEXT    NOT NULL,
    pos       INTEGER NOT NULL,
    domain    TEXT    NOT NULL,
    PRIMARY KEY (hub_id, signal_id, pos),
    FOREIGN KEY (hub_id, signal_id) REFERENCES signals (hub_id, id)
) STRICT;

-- The personal fields: the only place they are stored. Deleted by the purge.
CREATE TABLE signal_personal (
    hub_id    TEXT NOT NULL,
    signal_id TEXT NOT NULL,
    person    TEXT,
    contact   TEXT,
    summary   TEXT NOT NULL,
    PRIMARY KEY (hub_id, signal_id),
    FOREIGN KEY (hub_id, signal_id) REFERENCES signals (hub_id, id)
) STRICT;

CREATE TABLE partners (
    hub_id      TEXT    NOT NULL REFERENCES hubs (id),
    id          TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT,
    email       TEXT,
    phone       TEXT,
    website     TEXT,
    status      TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id)
) STRICT;

CREATE INDEX partners_by_name ON partners (hub_id, name, id);

-- A partner's services in the partner's order.
CREATE TABLE partner_services (
    hub_id      TEXT    NOT NULL,
    partner_id  TEXT    NOT NULL,
    pos         INTEGER NOT NULL,
    id          TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT,
    domains     TEXT    NOT NULL, -- JSON array of signal domain codes
    PRIMARY KEY (hub_id, partner_id, pos),
    FOREIGN KEY (hub_id, partner_id) REFERENCES partners (hub_id, id)
) STRICT;

CREATE TABLE referrals (
    hub_id            TEXT    NOT NULL REFERENCES hubs (id),
    id                TEXT    NOT NULL,
    signal_id         TEXT    NOT NULL,
    partner_id        TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    held_from         TEXT,
    created_at        INTEGER NOT NULL,
    created_on        TEXT    NOT NULL,
    created_by        TEXT    NOT NULL,
    consent_exception TEXT,
    requested_at      INTEGER,
    follow_up         TEXT,
    outcome           TEXT,
    closed_at         INTEGER,
    updated_at        INTEGER NOT NULL,
    version           INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id),
    FOREIGN KEY (hub_id, signal_id) REFERENCES signals (hub_id, id),
    FOREIGN KEY (hub_id, partner_id) REFERENCES partners (hub_id, id)
) STRICT;

-- A signal's referrals (open-referral check, first request), the listing
-- by creation, the follow-up list and the statistics by period.
CREATE INDEX referrals_by_signal ON referrals (hub_id, signal_id, status);
CREATE INDEX referrals_by_created_at ON referrals (hub_id, created_at, id);
CREATE INDEX referrals_by_follow_up ON referrals (hub_id, follow_up, created_at, id);
CREATE INDEX referrals_by_created_on ON referrals (hub_id, created_on);
CREATE INDEX referrals_by_partner ON referrals (hub_id, partner_id);

CREATE TABLE signal_policies (
    hub_id TEXT NOT NULL PRIMARY KEY REFERENCES hubs (id),
    policy TEXT NOT NULL -- JSON, as the domain serialises SignalPolicy
) STRICT;
