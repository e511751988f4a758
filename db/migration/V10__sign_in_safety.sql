-- Sessions are signed with the account's session version: signing out, changing the password or disabling the
-- account raises it, which ends every session of that account on every instance at once.
ALTER TABLE users ADD COLUMN session_version BIGINT NOT NULL DEFAULT 0;
