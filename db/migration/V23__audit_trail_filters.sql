-- The audit trail is read newest first and filtered by actor, action (exactly or by a dotted prefix), subject and
-- time range (governance.AuditTrail). These indexes let each filter, and the newest-first order, use an index
-- instead of reading the whole (ever-growing) trail.

-- newest first: (occurred_at, id) scanned backwards; it replaces the index on occurred_at alone
DROP INDEX IF EXISTS audit_event_occurred_idx;
CREATE INDEX audit_event_occurred_id_idx ON audit_event (occurred_at, id);

-- one actor's events, newest first; it replaces the index on actor alone
DROP INDEX IF EXISTS audit_event_actor_idx;
CREATE INDEX audit_event_actor_occurred_idx ON audit_event (actor, occurred_at, id);

-- action = 'identity.team.created' or action LIKE 'identity.team.%' (text_pattern_ops serves the prefix)
CREATE INDEX audit_event_action_idx ON audit_event (action text_pattern_ops);

-- a subject named by its id alone ("sales-analytics"); (subject_type, subject_id) exists already
CREATE INDEX audit_event_subject_id_idx ON audit_event (subject_id);
