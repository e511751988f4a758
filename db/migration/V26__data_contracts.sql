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

-- Columns stored before this migration promised nothing about nullability or the primary key. Where the port's
-- table is in this database (the lake on the embedded default), take both from the table itself, so that the
-- schema watch does not mistake the new knowledge for a breaking change of the data.
UPDATE output_port_columns c
   SET nullable = NOT a.attnotnull,
       primary_key = EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                              WHERE i.indrelid = t.oid AND i.indisprimary AND a.attnum = ANY (i.indkey))
  FROM output_ports p
  JOIN pg_catalog.pg_namespace n ON n.nspname = split_part(p.location, '.', 1)
  JOIN pg_catalog.pg_class t ON t.relnamespace = n.oid AND t.relname = split_part(p.location, '.', 2)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.port_id = p.id
   AND p.type = 'postgres-table'
   AND a.attname = c.name;
