-- 0010 (PostgreSQL): the research tables. Each hub gets a secret for its
-- pseudonymous keys (HMAC-SHA256), made on first use: 32 random bytes as
-- 64 hex characters. It is never exported and never journalled. The
-- SQLite migration of the same version makes the same change.
-- The research tables themselves are queries over the existing tables,
-- paged by their primary keys: no new index is needed.
CREATE TABLE hub_secrets (
    hub_id       TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES hubs (id),
    research_key TEXT COLLATE "C" NOT NULL
);
