-- Access requests: who wants which ports of which product, the approvals they need, and what became of them.

CREATE TABLE access_policies (
    classification    TEXT PRIMARY KEY CHECK (classification IN ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED')),
    approvers         TEXT[]      NOT NULL,
    auto_approve      BOOLEAN     NOT NULL,
    max_duration_days INTEGER     NOT NULL CHECK (max_duration_days BETWEEN 1 AND 3650),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by        TEXT        NOT NULL DEFAULT 'system:migration',
    version           BIGINT      NOT NULL DEFAULT 0
);
INSERT INTO access_policies (classification, approvers, auto_approve, max_duration_days) VALUES
    ('PUBLIC', ARRAY ['OWNER'], TRUE, 365),
    ('INTERNAL', ARRAY ['OWNER'], FALSE, 180),
    ('CONFIDENTIAL', ARRAY ['OWNER', 'STEWARD'], FALSE, 90),
    ('RESTRICTED', ARRAY ['OWNER', 'STEWARD'], FALSE, 30);

CREATE TABLE access_requests (
    id                      UUID PRIMARY KEY,
    submission_id           UUID        NOT NULL,
    product_id              BIGINT      NOT NULL REFERENCES data_products (id),
    product_slug            TEXT        NOT NULL,
    product_name            TEXT        NOT NULL,
    classification          TEXT        NOT NULL,
    domain                  TEXT        NOT NULL,
    owner_team              TEXT        NOT NULL,
    principal_type          TEXT        NOT NULL CHECK (principal_type IN ('USER', 'TEAM')),
    principal_name          TEXT        NOT NULL,
    requester               TEXT        NOT NULL,
    permission              TEXT        NOT NULL,
    justification           TEXT        NOT NULL,
    duration_days           INTEGER     NOT NULL,
    max_duration_days       INTEGER     NOT NULL,
    status                  TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'ACTIVE', 'FAILED', 'REJECTED',
                                                                   'CANCELLED', 'EXPIRED', 'REVOKED')),
    created_at              TIMESTAMPTZ NOT NULL,
    activated_at            TIMESTAMPTZ,
    expires_at              TIMESTAMPTZ,
    ended_at                TIMESTAMPTZ,
    last_grant_error        TEXT,
    -- who must decide next, kept in step with the steps so that an inbox is one indexed query
    awaiting_owner_team     TEXT,
    awaiting_steward_domain TEXT,
    ports                   JSONB       NOT NULL,
    steps                   JSONB       NOT NULL,
    history                 JSONB       NOT NULL,
    extensions              JSONB       NOT NULL DEFAULT '[]'::jsonb,
    version                 BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX access_requests_requester_idx ON access_requests (requester, created_at DESC);
CREATE INDEX access_requests_principal_idx ON access_requests (principal_type, principal_name);
CREATE INDEX access_requests_owner_inbox_idx ON access_requests (awaiting_owner_team) WHERE awaiting_owner_team IS NOT NULL;
CREATE INDEX access_requests_steward_inbox_idx ON access_requests (awaiting_steward_domain) WHERE awaiting_steward_domain IS NOT NULL;
CREATE INDEX access_requests_expiry_idx ON access_requests (expires_at) WHERE status = 'ACTIVE';
CREATE INDEX access_requests_submission_idx ON access_requests (submission_id);
CREATE INDEX access_requests_product_idx ON access_requests (product_id);

-- One open request per principal and port: the unique key makes a concurrent second request fail, not slip in.
CREATE TABLE access_open_ports (
    principal_type TEXT   NOT NULL,
    principal_name TEXT   NOT NULL,
    port_id        BIGINT NOT NULL,
    request_id     UUID   NOT NULL REFERENCES access_requests (id) ON DELETE CASCADE,
    PRIMARY KEY (principal_type, principal_name, port_id)
);
CREATE INDEX access_open_ports_request_idx ON access_open_ports (request_id);

-- What people are told: shown behind the bell, and mailed.
CREATE TABLE notifications (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient   TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    request_id  UUID        REFERENCES access_requests (id) ON DELETE CASCADE,
    message     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ,
    -- reminders and expiry warnings are sent once per request and occasion, whichever instance runs the job
    once_key    TEXT UNIQUE
);
CREATE INDEX notifications_unread_idx ON notifications (recipient, created_at DESC) WHERE read_at IS NULL;
CREATE INDEX notifications_recipient_idx ON notifications (recipient, created_at DESC);
