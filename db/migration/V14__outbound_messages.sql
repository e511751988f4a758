-- Outbound HTTP messages (issue 12): webhook deliveries and Slack / Microsoft Teams messages, each a POST of a body
-- to a URL, queued in the transaction that decided to send it and delivered afterwards by events/outbound. A channel
-- is one recipient ("webhook:<subscription id>", "slack:<team>", "teams:<team>"): its messages are retried with
-- backoff and parked as FAILED on their own, so a failing recipient never holds up the others. Within a channel the
-- messages of one ordering key (the event's aggregate) are delivered one at a time, in order. (channel, dedupe_key)
-- is unique, so a message enqueued again (the relay delivers at least once) is stored once.

CREATE TABLE outbound_messages (
    id              BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         TEXT        NOT NULL,
    ordering_key    TEXT        NOT NULL,
    dedupe_key      TEXT        NOT NULL,
    url             TEXT        NOT NULL,
    content_type    TEXT        NOT NULL,
    headers         JSONB       NOT NULL DEFAULT '{}',
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    last_attempt_at TIMESTAMPTZ,
    response_code   INTEGER,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (channel, dedupe_key)
);
CREATE INDEX outbound_messages_due_idx ON outbound_messages (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX outbound_messages_order_idx ON outbound_messages (channel, ordering_key, id) WHERE status = 'PENDING';
CREATE INDEX outbound_messages_history_idx ON outbound_messages (channel, created_at DESC, id DESC);
CREATE INDEX outbound_messages_settled_idx ON outbound_messages (created_at) WHERE status <> 'PENDING';
