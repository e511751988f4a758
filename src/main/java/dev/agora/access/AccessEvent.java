package dev.agora.access;

import java.util.Map;
import java.util.UUID;

/**
 * Something that happened to an access request, as the aggregate reports it: the application records each in
 * the audit trail and the outbox, and tells the people concerned.
 */
public record AccessEvent(Kind kind, UUID requestId, String actor, RequestStatus from, RequestStatus to,
        String comment, Map<String, Object> details) {

    public enum Kind {
        SUBMITTED("submitted"),
        STEP_APPROVED("step-approved"),
        APPROVED("approved"),
        REJECTED("rejected"),
        CANCELLED("cancelled"),
        ACTIVATED("activated"),
        GRANT_FAILED("grant-failed"),
        GRANT_RETRIED("grant-retried"),
        EXPIRED("expired"),
        REVOKED("revoked"),
        EXTENSION_REQUESTED("extension-requested"),
        EXTENSION_STEP_APPROVED("extension-step-approved"),
        EXTENDED("extended"),
        EXTENSION_REJECTED("extension-rejected"),
        /** The product's owner team or strictest classification changed: the request waits for other people. */
        REROUTED("rerouted"),
        /** A stricter classification allows shorter access: it now ends sooner. */
        SHORTENED("shortened");

        private final String name;

        Kind(String name) {
            this.name = name;
        }

        /** As in event types: "access.request.approved". */
        public String eventName() {
            return name;
        }
    }

    public AccessEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Whether the request's state changed with this event. */
    public boolean isTransition() {
        return from != to;
    }
}
