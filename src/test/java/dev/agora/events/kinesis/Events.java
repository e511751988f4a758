package dev.agora.events.kinesis;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** CloudEvents as the relay hands them to a publisher: outbox id, aggregate id as partitionkey, JSON data. */
final class Events {

    private static final AtomicLong IDS = new AtomicLong();

    private Events() {
    }

    /** An event of the aggregate {@code key} with a small JSON payload. */
    static CloudEvent of(String key, String type) {
        return withData(key, type, "{\"product\":\"" + key + "\"}");
    }

    /** An event whose data is a JSON string of about {@code bytes} characters. */
    static CloudEvent sized(String key, int bytes) {
        return withData(key, "agora.product.updated", "{\"description\":\"" + "x".repeat(bytes) + "\"}");
    }

    static CloudEvent withData(String key, String type, String json) {
        return CloudEventBuilder.v1()
                .withId(Long.toString(IDS.incrementAndGet()))
                .withSource(URI.create("http://localhost:8080"))
                .withType(type)
                .withSubject(key)
                .withTime(OffsetDateTime.of(2026, 12, 1, 15, 0, 0, 0, ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .withExtension("partitionkey", key)
                .build();
    }

    static CloudEvent read(byte[] structuredJson) {
        return new JsonFormat().deserialize(structuredJson);
    }
}
