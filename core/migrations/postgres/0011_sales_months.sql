-- 0011 (PostgreSQL): running totals of sales per hub, month and category,
-- kept by every sale in its own transaction, so the monthly sales report and
-- the hub report read a few dozen rows instead of every line
-- (docs/performance.md). Filled here from the lines already stored. The
-- SQLite migration of the same version makes the same change.

CREATE TABLE sales_months (
    hub_id       TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    month        TEXT COLLATE "C" NOT NULL, -- YYYY-MM-01, as sale_lines.month
    category     TEXT COLLATE "C" NOT NULL,
    revenue      BIGINT NOT NULL, -- cents, the lines' net shares, refunds subtracted
    units        BIGINT NOT NULL,
    weight_grams BIGINT NOT NULL,
    PRIMARY KEY (hub_id, month, category)
);

INSERT INTO sales_months (hub_id, month, category, revenue, units, weight_grams)
SELECT hub_id, month, category, SUM(net), SUM(quantity), SUM(weight_grams)
FROM sale_lines GROUP BY hub_id, month, category;
