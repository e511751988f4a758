package dev.agora.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a stored domain event into a CloudEvents 1.0 document: id = the outbox id (stable across retries),
 * source = this Agora's base URL, type = the public type ({@link EventTypes}), subject = the aggregate id (product
 * slug, request id…), time, data = the payload as JSON, and the extension {@code partitionkey} = the aggregate id.
 */
@ApplicationScoped
public class CloudEvents {

    public static final String PARTITION_KEY = "partitionkey";
    public static final String JSON = "application/json";

    private final URI source;
    private final ObjectMapper json;

    CloudEvents(@ConfigProperty(name = "agora.base-url", defaultValue = "http://localhost:8080") String baseUrl,
            ObjectMapper json) {
        this.source = URI.create(baseUrl.replaceAll("/$", ""));
        this.json = json;
    }

    public CloudEvent of(DomainEvent event) {
        byte[] data;
        try {
            data = json.writeValueAsBytes(event.payload());
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("event " + event.id() + " has a payload that is not JSON", unwritable);
        }
        return of(event.id(), event.type(), event.aggregateId(), event.occurredAt(), data);
    }

    /** An event as stored: {@code data} is its payload's JSON (a JSON object), taken as it is. */
    public CloudEvent of(UUID id, String storedType, String aggregateId, Instant occurredAt, byte[] data) {
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(EventTypes.publicType(storedType))
                .withSubject(aggregateId)
                .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(data)
                .withExtension(PARTITION_KEY, aggregateId)
                .build();
    }
}
