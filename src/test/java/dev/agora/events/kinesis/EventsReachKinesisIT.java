package dev.agora.events.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.platform.FreshTestDatabase;
import dev.agora.support.AgoraProcess;
import dev.agora.support.Kinesalite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The whole way out, on the packaged application: a change committed in Agora reaches an Amazon Kinesis stream
 * (kinesalite, through the real AWS SDK) as a CloudEvent, by way of the outbox and the relay.
 */
class EventsReachKinesisIT {

    private static final String DATABASE = "agora_events_kinesis";
    private static final String STREAM = "agora-events-" + UUID.randomUUID().toString().substring(0, 8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Kinesalite kinesalite;
    private static AgoraProcess agora;

    @BeforeAll
    static void startAgoraWithKinesis() throws Exception {
        kinesalite = Kinesalite.shared();
        kinesalite.createStream(STREAM, 1);
        FreshTestDatabase.recreate(DATABASE);
        agora = new AgoraProcess(DATABASE, Path.of("target", "events-kinesis-" + UUID.randomUUID()), Map.of(
                "AGORA_EVENTS_KINESIS_STREAM", STREAM,
                "AGORA_AWS_ENDPOINT", kinesalite.endpoint().toString(),
                "AGORA_AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKIDAGORATEST", "AWS_SECRET_ACCESS_KEY", "kinesalite-takes-any",
                // kinesalite speaks JSON only: the AWS SDK's own switch
                "CBOR_ENABLED", "false",
                "AGORA_SESSION_KEY", "events-kinesis-session-key-0123456789")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (agora != null) {
            agora.close();
        }
        FreshTestDatabase.drop(DATABASE);
    }

    @Test
    void a_committed_change_arrives_on_the_stream_as_a_cloud_event() throws Exception {
        // a change every account can make: a personal API token (journalled as identity.token.created)
        assertThat(agora.post("/api/v1/me/tokens", "{\"name\":\"kinesis check\"}", "olivia", "agora-demo")
                .statusCode()).isEqualTo(201);

        JsonNode event = awaitEvent("agora.identity.token.created", Duration.ofSeconds(60));
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isNotBlank();
        assertThat(event.path("source").asText()).isNotBlank();
        assertThat(event.path("subject").asText()).isEqualTo(event.path("partitionkey").asText());
        assertThat(event.path("data").toString()).doesNotContain("agora_pat_");
    }

    private static JsonNode awaitEvent(String type, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        List<String> seen = new ArrayList<>();
        try (KinesisClient kinesis = kinesalite.client()) {
            while (Instant.now().isBefore(deadline)) {
                for (Record record : Kinesalite.records(kinesis, STREAM)) {
                    JsonNode event = JSON.readTree(record.data().asString(StandardCharsets.UTF_8));
                    seen.add(event.path("type").asText());
                    if (type.equals(event.path("type").asText())) {
                        assertThat(record.partitionKey()).isEqualTo(event.path("partitionkey").asText());
                        return event;
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("no " + type + " on the stream within " + patience + "; seen: " + seen
                + "\n" + agora.logText());
    }

}
