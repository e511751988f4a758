package dev.agora.access.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import java.io.IOException;

/** The data of a published event as JSON, for the reactions that tell people about it. */
final class EventData {

    private EventData() {
    }

    /** An empty object when the event carries no data; refuses data that is not JSON (the delivery is retried). */
    static JsonNode of(ObjectMapper json, CloudEvent event) {
        if (event.getData() == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(event.getData().toBytes());
        } catch (IOException unreadable) {
            throw new IllegalStateException("event " + event.getId() + " carries data that is not JSON", unreadable);
        }
    }
}
