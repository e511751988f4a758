package dev.agora.events.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Eventually;
import dev.agora.support.RecordingEndpoint;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound messages (the transport of webhooks, Slack and Teams) are POSTed after the transaction that queued them
 * committed, exactly as queued; a failing recipient is retried with backoff and then parked as failed on its own,
 * while other recipients keep receiving; one recipient gets the messages of one ordering key one at a time, in order.
 */
@QuarkusTest
class OutboundMessagesSpec {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    OutboundMessages messages;

    RecordingEndpoint endpoint;

    @BeforeEach
    void startEndpoint() {
        endpoint = RecordingEndpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    private static String channel() {
        return "spec:" + UUID.randomUUID();
    }

    private void enqueue(String channel, String key, String dedupe, String path, String body) {
        QuarkusTransaction.requiringNew().run(() -> messages.enqueue(new OutboundMessage(channel, key, dedupe,
                URI.create(endpoint.url(path)), "application/json", body, Map.of("X-Spec", dedupe))));
    }

    private List<OutboundMessages.Sent> history(String channel, String status, int count) {
        return Eventually.within(WAIT, count + " " + status + " messages on " + channel,
                () -> messages.history(channel, 0, 100),
                sent -> sent.stream().filter(s -> s.status().equals(status)).count() == count);
    }

    @Test
    void a_queued_message_is_posted_as_queued_and_recorded_as_delivered() {
        String channel = channel();
        enqueue(channel, "a", "m1", "/ok", "{\"hello\":\"world\"}");

        List<OutboundMessages.Sent> sent = history(channel, "DELIVERED", 1);

        assertThat(sent.get(0).responseCode()).isEqualTo(200);
        assertThat(sent.get(0).attempts()).isEqualTo(1);
        RecordingEndpoint.Received received = endpoint.received("/ok").get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.text()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header("X-Spec")).isEqualTo("m1");
    }

    @Test
    void a_message_queued_twice_is_sent_once() {
        String channel = channel();
        enqueue(channel, "a", "same", "/once", "{}");
        enqueue(channel, "a", "same", "/once", "{}");

        history(channel, "DELIVERED", 1);

        assertThat(messages.count(channel)).isEqualTo(1);
        assertThat(endpoint.received("/once")).hasSize(1);
    }

    @Test
    void a_failing_recipient_is_retried_then_parked_while_another_keeps_receiving() {
        endpoint.answer("/down", 503);
        String failing = channel();
        String healthy = channel();
        enqueue(failing, "a", "f1", "/down", "{}");
        for (int i = 0; i < 5; i++) {
            enqueue(healthy, "k" + i, "h" + i, "/up", "{\"n\":" + i + "}");
        }

        history(healthy, "DELIVERED", 5);
        List<OutboundMessages.Sent> parked = history(failing, "FAILED", 1);

        assertThat(parked.get(0).attempts()).isEqualTo(3); // %test.agora.outbound.max-attempts
        assertThat(parked.get(0).responseCode()).isEqualTo(503);
        assertThat(parked.get(0).lastError()).contains("503");
        assertThat(endpoint.received("/down")).hasSize(3);
    }

    @Test
    void a_parked_message_can_be_retried_and_then_arrives() {
        AtomicInteger calls = new AtomicInteger();
        endpoint.answer("/flaky", () -> calls.incrementAndGet() <= 3 ? 500 : 204);
        String channel = channel();
        enqueue(channel, "a", "m", "/flaky", "{}");
        long id = history(channel, "FAILED", 1).get(0).id();

        assertThat(messages.retry(channel, id)).isTrue();
        assertThat(messages.retry("someone-else:" + UUID.randomUUID(), id)).isFalse();

        assertThat(history(channel, "DELIVERED", 1).get(0).responseCode()).isEqualTo(204);
    }

    @Test
    void one_recipient_gets_the_messages_of_one_key_in_order_even_when_one_needs_a_retry() {
        AtomicInteger calls = new AtomicInteger();
        endpoint.answer("/ordered", () -> calls.incrementAndGet() == 1 ? 500 : 200);
        String channel = channel();
        for (int i = 0; i < 4; i++) {
            enqueue(channel, "one-aggregate", "m" + i, "/ordered", "{\"n\":" + i + "}");
        }

        history(channel, "DELIVERED", 4);

        assertThat(endpoint.received("/ordered")).extracting(RecordingEndpoint.Received::text)
                .containsExactly("{\"n\":0}", "{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }
}
