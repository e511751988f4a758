-- A product's activity (issue 12): every committed event about a data product, kept longer than the outbox (which is
-- pruned after AGORA_EVENTS_RETENTION), for GET /api/v1/products/{id}/events and the product page. Filled by an
-- in-process observer of the relay: delivery is at least once, so the CloudEvent id is the key (ON CONFLICT DO
-- NOTHING). Pruned after AGORA_EVENTS_ACTIVITY_RETENTION.

-- the product a grant serves, so that the grant's events name it (data.product); null on older grants
ALTER TABLE grants ADD COLUMN product TEXT;

CREATE TABLE product_activity (
    event_id        UUID PRIMARY KEY,
    -- insertion order: breaks ties between events of the same instant in the order they were delivered
    position        BIGINT GENERATED ALWAYS AS IDENTITY,
    product         TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    -- who sees the row besides the product's owner team, its domain's stewards and administrators:
    -- PRODUCT = whoever sees the product; REQUEST = also the requester and the requesting team; OWNERS = nobody else
    audience        TEXT        NOT NULL CHECK (audience IN ('PRODUCT', 'REQUEST', 'OWNERS')),
    requester       TEXT,
    requesting_team TEXT,
    -- who did it (the CloudEvent carries no actor) and whom a request is for ("team marketing"), for the product page
    actor           TEXT        NOT NULL DEFAULT '',
    principal       TEXT,
    -- the CloudEvent in the structured JSON format, as the relay delivered it
    cloud_event     TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX product_activity_feed_idx ON product_activity (product, occurred_at DESC, position DESC);
CREATE INDEX product_activity_age_idx ON product_activity (occurred_at);
