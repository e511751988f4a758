-- Administrators archive domains and teams instead of deleting them: products, requests and the audit trail keep
-- pointing at them, but an archived domain or team takes no new products.
ALTER TABLE domains ADD COLUMN archived_at TIMESTAMPTZ;
ALTER TABLE teams ADD COLUMN archived_at TIMESTAMPTZ;
