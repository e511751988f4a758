-- Which PostgreSQL role stands for which principal. Both sides are unique: two principals never share a role
-- (before V9 every run of characters other than [a-z0-9] became "_", so ann.lee and ann_lee shared one).
CREATE TABLE grantee_roles (
    principal_type  TEXT        NOT NULL,
    principal_name  TEXT        NOT NULL,
    role_name       TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (principal_type, principal_name),
    CONSTRAINT grantee_roles_role_name_key UNIQUE (role_name),
    CONSTRAINT grantee_roles_role_name_length CHECK (octet_length(role_name) BETWEEN 1 AND 63)
);

-- Roles already granted that served exactly one principal keep serving it. Roles several principals shared are
-- split at start-up (dev.agora.grants.GranteeRoleSplit): each principal gets a role of its own and its grants move.
INSERT INTO grantee_roles (principal_type, principal_name, role_name)
SELECT min(principal_type), min(principal_name), grantee
  FROM grants
 WHERE engine = 'postgres' AND (grantee LIKE 'agora\_team\_%' OR grantee LIKE 'agora\_user\_%')
 GROUP BY grantee
HAVING count(DISTINCT (principal_type, principal_name)) = 1
ON CONFLICT DO NOTHING;

-- Reconciliation also reports access Agora revoked that is still in place (and queues its revocation again).
ALTER TABLE grant_drift DROP CONSTRAINT grant_drift_kind_check;
ALTER TABLE grant_drift ADD CONSTRAINT grant_drift_kind_check CHECK (kind IN ('MISSING', 'EXTRA', 'NOT_REVOKED'));
