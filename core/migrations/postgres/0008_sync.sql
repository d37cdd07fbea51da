-- 0008 (PostgreSQL): journal sync between hubs. Entry ids become unique per
-- hub, so an entry imported from another hub can never be applied twice, and
-- imports record the entries they could not apply. The SQLite migration of
-- the same version makes the same logical change. Representations as in 0001.

DROP INDEX journal_by_id;
CREATE UNIQUE INDEX journal_by_id ON journal (hub_id, id);

-- One row per refused entry of an imported batch, for the coordinator.
CREATE TABLE sync_conflicts (
    hub_id      TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    entry_id    TEXT COLLATE "C" NOT NULL,
    source_hub  TEXT COLLATE "C" NOT NULL,
    action      TEXT COLLATE "C" NOT NULL,
    entity      TEXT COLLATE "C" NOT NULL,
    entity_id   TEXT COLLATE "C" NOT NULL,
    reason      TEXT COLLATE "C" NOT NULL,
    detected_at BIGINT NOT NULL,
    entry       TEXT COLLATE "C" NOT NULL, -- the refused journal entry, JSON
    PRIMARY KEY (hub_id, entry_id)
);
