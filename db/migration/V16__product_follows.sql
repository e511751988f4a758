-- Following products (issue 12): people and teams who asked to hear of a product's new versions, schema changes
-- and deprecation. A team with ACTIVE access follows its products without a row here (computed from
-- access_requests, so it ends when the access ends); following = FALSE is a team's "no, thank you", which also
-- stops that automatic following. One row per product and follower: concurrent follows meet on the unique key.
CREATE TABLE product_follows (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id    BIGINT      NOT NULL REFERENCES data_products (id) ON DELETE CASCADE,
    follower_kind TEXT        NOT NULL CHECK (follower_kind IN ('PERSON', 'TEAM')),
    -- a username (PERSON) or a team slug (TEAM)
    follower      TEXT        NOT NULL,
    following     BOOLEAN     NOT NULL,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    changed_by    TEXT        NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT product_follows_unique UNIQUE (product_id, follower_kind, follower)
);
CREATE INDEX product_follows_follower_idx ON product_follows (follower_kind, follower);

-- Notices about a product (a follower hears of a new version) name the product instead of an access request:
-- the bell links to the product's page.
ALTER TABLE notifications ADD COLUMN product_slug TEXT;

-- Auto-following asks for a product's teams with ACTIVE access.
CREATE INDEX access_requests_active_team_idx ON access_requests (product_id, principal_name)
    WHERE status = 'ACTIVE' AND principal_type = 'TEAM';
