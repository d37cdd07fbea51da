-- 0002 (PostgreSQL): stock — items, the stock ledger, sales and their lines,
-- pricing policies and cash-ups. The SQLite migration of the same
-- version makes the same logical change. Representations as in 0001; money
-- is BIGINT cents. Every text column is COLLATE "C"
-- (byte order, like Rust and SQLite).
--
-- Stock on hand is never stored: it is the sum of an item's moves.

CREATE TABLE items (
    hub_id         TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id             TEXT COLLATE "C" NOT NULL,
    category       TEXT COLLATE "C" NOT NULL,
    description    TEXT COLLATE "C" NOT NULL,
    condition      TEXT COLLATE "C" NOT NULL,
    quantity       BIGINT NOT NULL, -- units taken in
    weight_grams   BIGINT NOT NULL, -- per unit
    donor          TEXT COLLATE "C",
    intake_date    TEXT COLLATE "C" NOT NULL,
    price_override BIGINT,          -- cents
    created_at     BIGINT NOT NULL, -- microseconds, the intake's journal time
    PRIMARY KEY (hub_id, id)
);

-- The ageing list (oldest first, then id).
CREATE INDEX items_by_intake ON items (hub_id, intake_date, id);

-- The append-only ledger. A move's place in the ledger is (seq, pos): the
-- journal seq of the unit of work that wrote it and its position within that
-- unit, so "oldest first" and "latest markdown" are exact insertion order.
CREATE TABLE stock_moves (
    hub_id     TEXT COLLATE "C" NOT NULL,
    item_id    TEXT COLLATE "C" NOT NULL,
    seq        BIGINT NOT NULL,
    pos        BIGINT NOT NULL,
    id         TEXT COLLATE "C" NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    quantity   BIGINT NOT NULL, -- signed units; 0 for a markdown
    date       TEXT COLLATE "C" NOT NULL,
    at         BIGINT NOT NULL,
    actor      TEXT COLLATE "C" NOT NULL,
    sale_id    TEXT COLLATE "C",
    unit_price BIGINT,          -- cents
    reason     TEXT COLLATE "C",
    PRIMARY KEY (hub_id, item_id, seq, pos),
    FOREIGN KEY (hub_id, item_id) REFERENCES items (hub_id, id)
);

CREATE TABLE sales (
    hub_id    TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id        TEXT COLLATE "C" NOT NULL,
    till      TEXT COLLATE "C" NOT NULL,
    at        BIGINT NOT NULL,
    date      TEXT COLLATE "C" NOT NULL,
    actor     TEXT COLLATE "C" NOT NULL,
    payment   TEXT COLLATE "C" NOT NULL,
    city_pass BIGINT NOT NULL, -- 0 or 1
    subtotal  BIGINT NOT NULL, -- cents, like the three below
    discount  BIGINT NOT NULL,
    rounding  BIGINT NOT NULL,
    total     BIGINT NOT NULL,
    reverses  TEXT COLLATE "C", -- the refunded sale
    PRIMARY KEY (hub_id, id)
);

-- Cash totals of a till on a day; refunds of a sale.
CREATE INDEX sales_by_till ON sales (hub_id, till, date);
CREATE INDEX sales_by_reverses ON sales (hub_id, reverses);

-- Sale lines carry the sale's date, ISO week (its Monday) and month (its
-- 1st) so the sales report is a plain GROUP BY on an index.
CREATE TABLE sale_lines (
    hub_id       TEXT COLLATE "C" NOT NULL,
    sale_id      TEXT COLLATE "C" NOT NULL,
    line_no      BIGINT NOT NULL,
    item_id      TEXT COLLATE "C" NOT NULL,
    category     TEXT COLLATE "C" NOT NULL,
    quantity     BIGINT NOT NULL, -- negative in a refund
    unit_price   BIGINT NOT NULL, -- cents
    line_total   BIGINT NOT NULL, -- cents
    net          BIGINT NOT NULL, -- cents, share of the sale total
    weight_grams BIGINT NOT NULL, -- of all units, negative in a refund
    date         TEXT COLLATE "C" NOT NULL,
    week         TEXT COLLATE "C" NOT NULL,
    month        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (hub_id, sale_id, line_no),
    FOREIGN KEY (hub_id, sale_id) REFERENCES sales (hub_id, id),
    FOREIGN KEY (hub_id, item_id) REFERENCES items (hub_id, id)
);

-- Covering indexes for the sales report per day, week and month.
CREATE INDEX sale_lines_by_day ON sale_lines (hub_id, date, category, net, quantity, weight_grams);
CREATE INDEX sale_lines_by_week ON sale_lines (hub_id, week, category, date, net, quantity, weight_grams);
CREATE INDEX sale_lines_by_month ON sale_lines (hub_id, month, category, date, net, quantity, weight_grams);

CREATE TABLE pricing_policies (
    hub_id TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES hubs (id),
    policy TEXT COLLATE "C" NOT NULL -- JSON, as the domain serialises it
);

CREATE TABLE cash_ups (
    hub_id        TEXT COLLATE "C" NOT NULL REFERENCES hubs (id),
    id            TEXT COLLATE "C" NOT NULL,
    till          TEXT COLLATE "C" NOT NULL,
    date          TEXT COLLATE "C" NOT NULL,
    opening_float BIGINT NOT NULL, -- cents, like the five below
    cash_sales    BIGINT NOT NULL,
    cash_refunds  BIGINT NOT NULL,
    expected      BIGINT NOT NULL,
    counted       BIGINT NOT NULL,
    difference    BIGINT NOT NULL,
    recorded_by   TEXT COLLATE "C" NOT NULL,
    at            BIGINT NOT NULL,
    PRIMARY KEY (hub_id, id),
    UNIQUE (hub_id, till, date)
);

-- The listing by period (date, then till).
CREATE INDEX cash_ups_by_date ON cash_ups (hub_id, date, till);
