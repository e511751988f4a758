-- The relay's throughput (issue 12, "Speed"; ADR 0013). One relay at a time publishes to each publisher: it takes
-- the publisher's turn (a transaction-scoped advisory lock) and claims, publishes and records a batch in that one
-- transaction, so it needs no lease per event. Which publishers an event has reached is kept on its outbox row
-- (published_to), written in the same statement that settles it: one row write per event and publisher instead of
-- three (lease insert, published mark, settle). outbox_deliveries keeps only the exceptions: an event waiting to be
-- tried again after a failure (PENDING, next_attempt_at) or parked as FAILED; no row = due.

ALTER TABLE outbox ADD COLUMN published_to TEXT[] NOT NULL DEFAULT '{}';

UPDATE outbox o SET published_to = d.publishers
  FROM (SELECT outbox_id, array_agg(publisher ORDER BY publisher) AS publishers
          FROM outbox_deliveries WHERE status = 'PUBLISHED' GROUP BY outbox_id) AS d
 WHERE o.id = d.outbox_id;

DELETE FROM outbox_deliveries WHERE status = 'PUBLISHED' OR (status = 'PENDING' AND attempts = 0);

ALTER TABLE outbox_deliveries DROP CONSTRAINT outbox_deliveries_status_check;
ALTER TABLE outbox_deliveries ADD CONSTRAINT outbox_deliveries_status_check CHECK (status IN ('PENDING', 'FAILED'));
ALTER TABLE outbox_deliveries DROP COLUMN lease_until;
ALTER TABLE outbox_deliveries DROP COLUMN published_at;

-- Every index of the outbox gets an entry for each event appended and again for each settled (published_at is
-- indexed, so the update is never HOT). Nothing reads the outbox by aggregate: a product's history is
-- product_activity, and the relay walks outbox_unpublished_idx.
DROP INDEX IF EXISTS outbox_aggregate_position_idx;
