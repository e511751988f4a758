-- Grants: the permissions Agora applies in the engines (PostgreSQL roles, AWS Lake Formation), the durable jobs
-- that apply and revoke them, and what reconciliation found.

ALTER TABLE teams ADD COLUMN aws_principal_arn TEXT;

CREATE TABLE grants (
    id              UUID PRIMARY KEY,
    -- the access request (or any other order) the grant serves; grants know nothing more of it
    order_id        UUID        NOT NULL,
    engine          TEXT        NOT NULL,
    resource_type   TEXT        NOT NULL,
    location        TEXT        NOT NULL,
    columns         JSONB       NOT NULL DEFAULT '[]'::jsonb,
    principal_type  TEXT        NOT NULL,
    principal_name  TEXT        NOT NULL,
    -- as the engine knows the grantee: a PostgreSQL role name, an IAM principal ARN
    grantee         TEXT,
    permissions     JSONB       NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'FAILED', 'REVOKING', 'REVOKED')),
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    applied_at      TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX grants_order_idx ON grants (order_id);
CREATE INDEX grants_active_idx ON grants (engine, status);

CREATE TABLE grant_jobs (
    id              UUID PRIMARY KEY,
    grant_id        UUID        NOT NULL REFERENCES grants (id) ON DELETE CASCADE,
    action          TEXT        NOT NULL CHECK (action IN ('GRANT', 'REVOKE')),
    status          TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'SUPERSEDED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    -- a worker holds a job while it runs; if the worker dies, the lease runs out and another takes the job over
    lease_until     TIMESTAMPTZ,
    claimed_by      TEXT,
    last_error      TEXT,
    outcome         TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX grant_jobs_due_idx ON grant_jobs (next_attempt_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX grant_jobs_grant_idx ON grant_jobs (grant_id);

CREATE TABLE reconciliation_runs (
    id           UUID PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    actor        TEXT        NOT NULL,
    checked      INTEGER     NOT NULL DEFAULT 0,
    missing      INTEGER     NOT NULL DEFAULT 0,
    healed       INTEGER     NOT NULL DEFAULT 0,
    extra        INTEGER     NOT NULL DEFAULT 0,
    revoked      INTEGER     NOT NULL DEFAULT 0,
    errors       JSONB       NOT NULL DEFAULT '[]'::jsonb
);

CREATE TABLE grant_drift (
    id          UUID PRIMARY KEY,
    run_id      UUID        NOT NULL REFERENCES reconciliation_runs (id) ON DELETE CASCADE,
    engine      TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('MISSING', 'EXTRA')),
    grantee     TEXT        NOT NULL,
    resource    TEXT        NOT NULL,
    permission  TEXT        NOT NULL,
    grant_id    UUID,
    action      TEXT        NOT NULL,
    found_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX grant_drift_run_idx ON grant_drift (run_id);
