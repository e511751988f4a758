package dev.agora.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every event leaves Agora as a CloudEvents 1.0 document with the attributes consumers rely on. */
class CloudEventShapeSpec {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final CloudEvents CLOUD_EVENTS = new CloudEvents("https://agora.example.org/", JSON);
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.123Z");

    private static DomainEvent published() {
        return new DomainEvent(UUID.fromString("0b8a6a4e-5f0e-4f59-9d5e-0c7b9e0d1a01"),
                "agora.catalog.product.published", "data-product", "sales-orders", "olivia", AT,
                Map.of("version", "1.2.0", "team", "sales-analytics"));
    }

    @Test
    void carries_every_attribute_with_the_outbox_id_the_base_url_and_the_public_type() {
        CloudEvent event = CLOUD_EVENTS.of(published());

        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).isEqualTo("0b8a6a4e-5f0e-4f59-9d5e-0c7b9e0d1a01");
        assertThat(event.getSource()).isEqualTo(URI.create("https://agora.example.org"));
        assertThat(event.getType()).isEqualTo("agora.product.published");
        assertThat(event.getSubject()).isEqualTo("sales-orders");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 123_000_000, ZoneOffset.UTC));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("partitionkey")).isEqualTo("sales-orders");
    }

    @Test
    void is_the_same_document_each_time_it_is_built_so_a_retry_has_the_same_id() {
        assertThat(CLOUD_EVENTS.of(published())).isEqualTo(CLOUD_EVENTS.of(published()));
    }

    @Test
    void serialises_in_structured_json_with_the_payload_as_data() throws Exception {
        byte[] body = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                .serialize(CLOUD_EVENTS.of(published()));
        JsonNode json = JSON.readTree(body);

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("partitionkey").asText()).isEqualTo("sales-orders");
        assertThat(json.get("data").get("version").asText()).isEqualTo("1.2.0");
        assertThat(json.get("time").asText()).isEqualTo("2026-03-04T05:06:07.123Z");
    }

    @Test
    void changes_of_the_public_catalog_get_its_type_and_others_keep_their_own() {
        assertThat(EventTypes.publicType("agora.catalog.product.revised")).isEqualTo("agora.product.updated");
        assertThat(EventTypes.publicType("agora.catalog.product.version-added"))
                .isEqualTo("agora.product.version-released");
        assertThat(EventTypes.publicType("agora.access.request.submitted")).isEqualTo("agora.access.requested");
        assertThat(EventTypes.publicType("agora.grants.revoke.applied")).isEqualTo("agora.grant.revoked");
        assertThat(EventTypes.publicType("agora.identity.team.created")).isEqualTo("agora.identity.team.created");
    }
}
