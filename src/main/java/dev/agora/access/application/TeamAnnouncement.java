package dev.agora.access.application;

import java.util.Objects;

/**
 * Something a team should hear of in its own chat tool (Slack or Microsoft Teams), fired as a CDI event in the
 * transaction that decided it: a new request for one of its products, a grant that failed, a schema change or new
 * version of a product it follows, access about to expire. The team-channel feature observes it in the same
 * transaction and queues a message when the team has a channel; with no channel nothing is sent. Features that
 * announce need not know whether or how a team listens.
 *
 * @param team       the slug of the team to tell
 * @param dedupeKey  unique per occasion and team (e.g. the event id): announcing twice sends once
 * @param orderingKey what the announcement is about (request id, product slug): announcements of one key arrive in order
 * @param occasion   what happened
 * @param headline   one line, plain text ("ada requests access to Sales orders")
 * @param details    more plain text, may be empty (justification, error, the columns that changed)
 * @param linkLabel  the label of the link to act on ("Review the request"), or null for no link
 * @param linkPath   the path of that link inside Agora ("/requests/…", "/catalog/…"), or null
 */
public record TeamAnnouncement(String team, String dedupeKey, String orderingKey, Occasion occasion, String headline,
        String details, String linkLabel, String linkPath) {

    public enum Occasion {
        NEW_REQUEST,
        GRANT_FAILED,
        SCHEMA_CHANGED,
        NEW_VERSION,
        DEPRECATED,
        ACCESS_EXPIRING
    }

    public TeamAnnouncement {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(orderingKey, "orderingKey");
        Objects.requireNonNull(occasion, "occasion");
        Objects.requireNonNull(headline, "headline");
        details = details == null ? "" : details;
        if (linkPath != null && !linkPath.startsWith("/")) {
            throw new IllegalArgumentException("linkPath must be a path inside Agora: " + linkPath);
        }
    }
}
