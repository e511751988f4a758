-- Quality runs (issue 14, ADR 0016): each run of a product's contract rules and what each rule found. History is
-- bounded by the runs themselves (QualityRunStore prunes to the last agora.quality.kept-runs per product).

CREATE TABLE quality_runs (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id  BIGINT       NOT NULL REFERENCES data_products (id) ON DELETE CASCADE,
    trigger     TEXT         NOT NULL CHECK (trigger IN ('ON_DEMAND', 'SCHEDULE')),
    actor       TEXT         NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ  NOT NULL,
    score       NUMERIC(5, 2) CHECK (score BETWEEN 0 AND 100),
    passed      INTEGER      NOT NULL,
    failed      INTEGER      NOT NULL,
    errors      INTEGER      NOT NULL
);
CREATE INDEX quality_runs_product_idx ON quality_runs (product_id, id DESC);

CREATE TABLE quality_results (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id     BIGINT      NOT NULL REFERENCES quality_runs (id) ON DELETE CASCADE,
    port       TEXT        NOT NULL,
    rule       TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    outcome    TEXT        NOT NULL CHECK (outcome IN ('PASSED', 'FAILED', 'ERROR')),
    observed   TEXT,
    detail     TEXT,
    -- a few offending rows (data of the port): shown only to those who may change the product
    samples    JSONB       NOT NULL DEFAULT '[]',
    checked_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX quality_results_run_idx ON quality_results (run_id);

-- The schedule: when each product is due next, and which instance claimed its run until when (two instances never
-- run the same product at once: the claim is an upsert that only succeeds on an unclaimed or expired row).
CREATE TABLE quality_schedule (
    product_id    BIGINT      PRIMARY KEY REFERENCES data_products (id) ON DELETE CASCADE,
    next_run_at   TIMESTAMPTZ NOT NULL,
    claimed_until TIMESTAMPTZ
);
