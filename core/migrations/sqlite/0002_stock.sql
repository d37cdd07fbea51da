-- 0002 (SQLite): stock — items, the stock ledger, sales and their lines,
-- pricing policies and cash-ups. The PostgreSQL migration of the same
-- version makes the same logical change. Representations as in 0001; money
-- is INTEGER cents.
--
-- Stock on hand is never stored: it is the sum of an item's moves.

CREATE TABLE items (
    hub_id         TEXT    NOT NULL REFERENCES hubs (id),
    id             TEXT    NOT NULL,
    category       TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    condition      TEXT    NOT NULL,
    quantity       INTEGER NOT NULL, -- units taken in
    weight_grams   INTEGER NOT NULL, -- per unit
    donor          TEXT,
    intake_date    TEXT    NOT NULL,
    price_override INTEGER,          -- cents
    created_at     INTEGER NOT NULL, -- microseconds, the intake's journal time
    PRIMARY KEY (hub_id, id)
) STRICT;

-- The ageing list (oldest first, then id).
CREATE INDEX items_by_intake ON items (hub_id, intake_date, id);

-- The append-only ledger. A move's place in the ledger is (seq, pos): the
-- journal seq of the unit of work that wrote it and its position within that
-- unit, so "oldest first" and "latest markdown" are exact insertion order.
-- WITHOUT ROWID: the rows are clustered by (hub, item), so an item's stock
-- (SUM(quantity)) is one contiguous range read.
CREATE TABLE stock_moves (
    hub_id     TEXT    NOT NULL,
    item_id    TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    pos        INTEGER NOT NULL,
    id         TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    quantity   INTEGER NOT NULL, -- signed units; 0 for a markdown
    date       TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    sale_id    TEXT,
    unit_price INTEGER,          -- cents
    reason     TEXT,
    PRIMARY KEY (hub_id, item_id, seq, pos),
    FOREIGN KEY (hub_id, item_id) REFERENCES items (hub_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sales (
    hub_id    TEXT    NOT NULL REFERENCES hubs (id),
    id        TEXT    NOT NULL,
    till      TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    date      TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    payment   TEXT    NOT NULL,
    city_pass INTEGER NOT NULL, -- 0 or 1
    subtotal  INTEGER NOT NULL, -- cents, like the three below
    discount  INTEGER NOT NULL,
    rounding  INTEGER NOT NULL,
    total     INTEGER NOT NULL,
    reverses  TEXT,             -- the refunded sale
    PRIMARY KEY (hub_id, id)
) STRICT;

-- Cash totals of a till on a day; refunds of a sale.
CREATE INDEX sales_by_till ON sales (hub_id, till, date);
CREATE INDEX sales_by_reverses ON sales (hub_id, reverses);

-- Sale lines carry the sale's date, ISO week (its Monday) and month (its
-- 1st) so the sales report is a plain GROUP BY on an index.
CREATE TABLE sale_lines (
    hub_id       TEXT    NOT NULL,
    sale_id      TEXT    NOT NULL,
    line_no      INTEGER NOT NULL,
    item_id      TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    quantity     INTEGER NOT NULL, -- negative in a refund
    unit_price   INTEGER NOT NULL, -- cents
    line_total   INTEGER NOT NULL, -- cents
    net          INTEGER NOT NULL, -- cents, share of the sale total
    weight_grams INTEGER NOT NULL, -- of all units, negative in a refund
    date         TEXT    NOT NULL,
    week         TEXT    NOT NULL,
    month        TEXT    NOT NULL,
    PRIMARY KEY (hub_id, sale_id, line_no),
    FOREIGN KEY (hub_id, sale_id) REFERENCES sales (hub_id, id),
    FOREIGN KEY (hub_id, item_id) REFERENCES items (hub_id, id)
) STRICT;

-- Covering indexes for the sales report per day, week and month.
CREATE INDEX sale_lines_by_day ON sale_lines (hub_id, date, category, net, quantity, weight_grams);
CREATE INDEX sale_lines_by_week ON sale_lines (hub_id, week, category, date, net, quantity, weight_grams);
CREATE INDEX sale_lines_by_month ON sale_lines (hub_id, month, category, date, net, quantity, weight_grams);

CREATE TABLE pricing_policies (
    hub_id TEXT NOT NULL PRIMARY KEY REFERENCES hubs (id),
    policy TEXT NOT NULL -- JSON, as the domain serialises it
) STRICT;

CREATE TABLE cash_ups (
    hub_id        TEXT    NOT NULL REFERENCES hubs (id),
    id            TEXT    NOT NULL,
    till          TEXT    NOT NULL,
    date          TEXT    NOT NULL,
    opening_float INTEGER NOT NULL, -- cents, like the five below
    cash_sales    INTEGER NOT NULL,
    cash_refunds  INTEGER NOT NULL,
    expected      INTEGER NOT NULL,
    counted       INTEGER NOT NULL,
    difference    INTEGER NOT NULL,
    recorded_by   TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    PRIMARY KEY (hub_id, id),
    UNIQUE (hub_id, till, date)
) STRICT;

-- The listing by period (date, then till).
CREATE INDEX cash_ups_by_date ON cash_ups (hub_id, date, till);
