-- A team's notification channel (issue 12): the Slack or Microsoft Teams incoming-webhook URL where Agora posts
-- what the team should hear of (new requests, failed grants, expiring access, changes of followed products). One per
-- team. The URL is a secret — whoever holds it can post to the channel — so the API and the UI show only its host
-- and a masked tail, and it never reaches the audit trail or the log.

CREATE TABLE team_channels (
    team_slug TEXT        PRIMARY KEY REFERENCES teams (slug) ON DELETE CASCADE,
    kind      TEXT        NOT NULL CHECK (kind IN ('SLACK', 'TEAMS')),
    url       TEXT        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    set_by    TEXT        NOT NULL,
    set_at    TIMESTAMPTZ NOT NULL
);
