-- 0009 (SQLite): the hub report counts the sales and refunds of a period;
-- this index answers that from the index alone. The PostgreSQL migration of the
-- same version makes the same change.
CREATE INDEX sales_by_date ON sales (hub_id, date, reverses);
