-- Contracts (issue 14): columns promise their nullability and primary key; a product's contract terms (service
-- levels and the quality rules of each port) are kept beside it, replaced as a whole.

ALTER TABLE output_port_columns
    ADD COLUMN nullable    BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN primary_key BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE data_contracts (
    product_id     BIGINT      PRIMARY KEY REFERENCES data_products (id) ON DELETE CASCADE,
    service_levels JSONB       NOT NULL DEFAULT '{}',
    quality_rules  JSONB       NOT NULL DEFAULT '{}',
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     TEXT        NOT NULL,
    row_version    BIGINT      NOT NULL DEFAULT 0
);

-- A product's quality as of its last run (QualityStandings): cards show it, search ranks by it.
CREATE TABLE data_product_quality (
    product_id    BIGINT       PRIMARY KEY REFERENCES data_products (id) ON DELETE CASCADE,
    score         NUMERIC(5, 2) CHECK (score BETWEEN 0 AND 100),
    failing_rules INTEGER      NOT NULL DEFAULT 0,
    last_run_at   TIMESTAMPTZ
);
