package dev.agora.events.outbound;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One POST to send: to {@code url}, for the recipient {@code channel} ("webhook:&lt;id&gt;", "slack:&lt;team&gt;",
 * "teams:&lt;team&gt;"). Messages of one channel and {@code orderingKey} (an event's aggregate) go one at a time, in
 * the order they were enqueued; {@code dedupeKey} (an event id, plus a purpose where one event makes several
 * messages) makes enqueuing again harmless.
 */
public record OutboundMessage(String channel, String orderingKey, String dedupeKey, URI url, String contentType,
        String body, Map<String, String> headers) {

    /** The largest body Agora sends: a CloudEvent is at most 1 MiB as a Kinesis record, a message far less. */
    public static final int MAX_BODY_CHARS = 1_048_576;

    public OutboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(orderingKey, "orderingKey");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (channel.isBlank() || channel.length() > 200 || orderingKey.length() > 200 || dedupeKey.length() > 200) {
            throw new IllegalArgumentException("channel, ordering and dedupe keys must be 1-200 characters");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("a message body may have at most " + MAX_BODY_CHARS + " characters");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
