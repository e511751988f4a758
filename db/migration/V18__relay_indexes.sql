-- The relay's throughput (issue 12, "Speed"): settling an event rewrites its outbox row (published_at is indexed,
-- so never a HOT update), and every index of the outbox gets a new entry each time. outbox_aggregate_idx
-- (aggregate_type, aggregate_id) is a prefix of outbox_aggregate_position_idx (aggregate_type, aggregate_id,
-- position), which serves every query it served (an aggregate's events, in order): one index entry less per event
-- appended and per event settled.
DROP INDEX IF EXISTS outbox_aggregate_idx;
