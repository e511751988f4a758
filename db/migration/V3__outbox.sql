-- Transactional outbox: every domain event is stored in the same transaction as the state change that caused
-- it, then relayed outward (in-process, Kinesis, webhooks) by the events feature. Nothing is lost on a crash.

CREATE TABLE outbox (
    id             UUID        PRIMARY KEY,
    -- total order of events as they were committed; relays and consumers resume from a position
    position       BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_type     TEXT        NOT NULL,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    actor          TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    payload        JSONB       NOT NULL,
    published_at   TIMESTAMPTZ,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    last_error     TEXT
);
CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL;
CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_type, aggregate_id);
