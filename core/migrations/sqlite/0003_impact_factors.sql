-- Reuse impact: a hub's own CO2e factors per category, each with its source
-- (docs/impact.md). Without a row the hub uses the published defaults.
CREATE TABLE impact_factors (
    hub_id  TEXT NOT NULL PRIMARY KEY REFERENCES hubs (id),
    factors TEXT NOT NULL -- JSON array, as the domain serialises ImpactFactors
) STRICT;
