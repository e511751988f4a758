-- The event relay (issue 12): per publisher ("in-process", "kinesis", "webhooks") the delivery state of each outbox
-- event. No row = not tried yet. A PENDING row with lease_until in the future is in flight on one relay; after a
-- passing failure it waits until next_attempt_at (exponential backoff with full jitter); after
-- AGORA_EVENTS_MAX_ATTEMPTS failures it is parked as FAILED until an admin re-drives it. outbox.published_at is set
-- once every enabled publisher has published the event; such rows are pruned after AGORA_EVENTS_RETENTION.

CREATE TABLE outbox_deliveries (
    outbox_id       UUID        NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    publisher       TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'PUBLISHED', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    last_error      TEXT,
    published_at    TIMESTAMPTZ,
    PRIMARY KEY (outbox_id, publisher)
);
CREATE INDEX outbox_deliveries_failed_idx ON outbox_deliveries (publisher) WHERE status = 'FAILED';
CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX outbox_aggregate_position_idx ON outbox (aggregate_type, aggregate_id, position);
