-- Issue 13, grant health: an administrator settles a drift finding (heal = re-apply a missing grant, revoke = take
-- away a privilege that should not be there). The finding keeps what was done, by whom and when, so that the
-- action is done once and the console shows it. Location and column are kept apart from the display text so that
-- a revocation names exactly the privilege found (rows from earlier runs have none and cannot be revoked from here).
ALTER TABLE grant_drift ADD COLUMN location TEXT;
ALTER TABLE grant_drift ADD COLUMN column_name TEXT;
ALTER TABLE grant_drift ADD COLUMN resolution TEXT CHECK (resolution IN ('HEALED', 'REVOKED'));
ALTER TABLE grant_drift ADD COLUMN resolution_note TEXT;
ALTER TABLE grant_drift ADD COLUMN resolved_by TEXT;
ALTER TABLE grant_drift ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE grant_drift ADD CONSTRAINT grant_drift_resolution_complete
    CHECK ((resolution IS NULL) = (resolved_by IS NULL) AND (resolution IS NULL) = (resolved_at IS NULL));
