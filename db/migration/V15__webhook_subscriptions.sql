-- Signed webhooks (issue 12): a team subscribes a URL to the events of chosen products and types (an empty array
-- means all). Deliveries are outbound messages on the channel "webhook:<id>" (V14), signed with the secret, which
-- Agora must keep readable to compute the HMAC. At most 20 subscriptions per team (checked by the service under a
-- per-team lock).
CREATE TABLE webhook_subscriptions (
    id         UUID        PRIMARY KEY,
    team       TEXT        NOT NULL,
    url        TEXT        NOT NULL,
    products   TEXT[]      NOT NULL DEFAULT '{}',
    types      TEXT[]      NOT NULL DEFAULT '{}',
    secret     TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_subscriptions_team_idx ON webhook_subscriptions (team, created_at);
