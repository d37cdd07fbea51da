-- 0010 (SQLite): the research tables. Each hub gets a secret for its
-- pseudonymous keys (HMAC-SHA256), made on first use: 32 random bytes as
-- 64 hex characters. It is never exported and never journalled. The
-- PostgreSQL migration of the same version makes the same change.
-- The research tables themselves are queries over the existing tables,
-- paged by their primary keys: no new index is needed.
CREATE TABLE hub_secrets (
    hub_id       TEXT NOT NULL PRIMARY KEY REFERENCES hubs (id),
    research_key TEXT NOT NULL
) STRICT;
