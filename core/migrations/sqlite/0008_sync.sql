-- 0008 (SQLite): journal sync between hubs. Entry ids become unique per hub,
-- so an entry imported from another hub can never be applied twice, and
-- imports record the entries they could not apply. The PostgreSQL migration
-- of the same version makes the same logical change.

DROP INDEX journal_by_id;
CREATE UNIQUE INDEX journal_by_id ON journal (hub_id, id);

-- One row per refused entry of an imported batch, for the coordinator.
CREATE TABLE sync_conflicts (
    hub_id      TEXT    NOT NULL REFERENCES hubs (id),
    entry_id    TEXT    NOT NULL,
    source_hub  TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    entity      TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    detected_at INTEGER NOT NULL,
    entry       TEXT    NOT NULL, -- the refused journal entry, JSON
    PRIMARY KEY (hub_id, entry_id)
) STRICT;
