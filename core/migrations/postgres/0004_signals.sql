-- 0004 (PostgreSQL): signals, their personal fields, partners with their
-- services, referrals and the signal policy. The SQLite migration of
-- the same version makes the same logical change. Representations as in
-- 0001; flags are BIGINT 0 or 1.
-- Every text column is COLLATE "C" (byte order, like Rust and SQLite).
--
-- Personal fields (person, contact, summary) live only in signal_personal,
-- so the retention purge erases them by deleting rows (what a DELETE
-- leaves behind on PostgreSQL is described in
-- core/src/store/sql/signals.rs). Every other table holds coded facts only.

CREATE TABLE signals (
    hub_id                TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id                    TEXT COLLATE "C" NOT NULL,
    recorded_at           BIGINT           NOT NULL, -- microseconds
    recorded_on           TEXT COLLATE "C" NOT NULL, -- the hub's date; statistics count by it
    recorded_by           TEXT COLLATE "C" NOT NULL,
    recorded_by_volunteer TEXT COLLATE "C",
    urgency               TEXT COLLATE "C" NOT NULL,
    consent               TEXT COLLATE "C" NOT NULL,
    consent_at            BIGINT,
    consent_asked_by      TEXT COLLATE "C",
    do_not_contact        BIGINT           NOT NULL CHECK (do_not_contact IN (0, 1)),
    status                TEXT COLLATE "C" NOT NULL,
    closed_at             BIGINT,
    personal_erased_at    BIGINT,
    version               BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, id)
);

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
    hub_id    TEXT COLLATE "C" NOT NULL,
    signal_id TEXT COLLATE "C" NOT NULL,
    pos       BIGINT           NOT NULL,
    domain    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (hub_id, signal_id, pos),
    FOREIGN KEY (hub_id, signal_id) REFERENCES signals (hub_id, id)
);

-- The personal fields: the only place they are stored. Deleted by the purge.
CREATE TABLE signal_personal (
    hub_id    TEXT COLLATE "C" NOT NULL,
    signal_id TEXT COLLATE "C" NOT NULL,
    person    TEXT COLLATE "C",
    contact   TEXT COLLATE "C",
    summary   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (hub_id, signal_id),
    FOREIGN KEY (hub_id, signal_id) REFERENCES signals (hub_id, id)
);

CREATE TABLE partners (
    hub_id      TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id          TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C",
    email       TEXT COLLATE "C",
    phone       TEXT COLLATE "C",
    website     TEXT COLLATE "C",
    status      TEXT COLLATE "C" NOT NULL,
    version     BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, id)
);

CREATE INDEX partners_by_name ON partners (hub_id, name, id);

-- A partner's services in the partner's order.
CREATE TABLE partner_services (
    hub_id      TEXT COLLATE "C" NOT NULL,
    partner_id  TEXT COLLATE "C" NOT NULL,
    pos         BIGINT           NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C",
    domains     TEXT COLLATE "C" NOT NULL, -- JSON array of signal domain codes
    PRIMARY KEY (hub_id, partner_id, pos),
    FOREIGN KEY (hub_id, partner_id) REFERENCES partners (hub_id, id)
);

CREATE TABLE referrals (
    hub_id            TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id                TEXT COLLATE "C" NOT NULL,
    signal_id         TEXT COLLATE "C" NOT NULL,
    partner_id        TEXT COLLATE "C" NOT NULL,
    status            TEXT COLLATE "C" NOT NULL,
    held_from         TEXT COLLATE "C",
    created_at        BIGINT           NOT NULL,
    created_on        TEXT COLLATE "C" NOT NULL,
    created_by        TEXT COLLATE "C" NOT NULL,
    consent_exception TEXT COLLATE "C",
    requested_at      BIGINT,
    follow_up         TEXT COLLATE "C",
    outcome           TEXT COLLATE "C",
    closed_at         BIGINT,
    updated_at        BIGINT           NOT NULL,
    version           BIGINT           NOT NULL,
    PRIMARY KEY (hub_id, id),
    FOREIGN KEY (hub_id, signal_id) REFERENCES signals (hub_id, id),
    FOREIGN KEY (hub_id, partner_id) REFERENCES partners (hub_id, id)
);

-- A signal's referrals (open-referral check, first request), the listing
-- by creation, the follow-up list and the statistics by period.
CREATE INDEX referrals_by_signal ON referrals (hub_id, signal_id, status);
CREATE INDEX referrals_by_created_at ON referrals (hub_id, created_at, id);
CREATE INDEX referrals_by_follow_up ON referrals (hub_id, follow_up, created_at, id);
CREATE INDEX referrals_by_created_on ON referrals (hub_id, created_on);
CREATE INDEX referrals_by_partner ON referrals (hub_id, partner_id);

CREATE TABLE signal_policies (
    hub_id TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES hubs (id),
    policy TEXT COLLATE "C" NOT NULL -- JSON, as the domain serialises SignalPolicy
);
