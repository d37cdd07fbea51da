-- 0012 (PostgreSQL): the sale lines in the order the research table `sale_lines`
-- reads them: by day, then sale and line. A period's export is then one
-- range of this index, batch after batch (keyset paging on
-- (date, sale_id, line_no)), instead of a walk over every line of the hub
-- (docs/performance.md, "Exports to DataFrames"). One more index entry per
-- line at the till. The SQLite migration of the same version makes the same
-- change.

CREATE INDEX sale_lines_by_date ON sale_lines (hub_id, date, sale_id, line_no);
