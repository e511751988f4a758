package dev.agora.events.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.events.EventPublisher;
import dev.agora.events.EventPublisher.Delivery;
import dev.agora.platform.AwsClients;
import dev.agora.support.Kinesalite;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application's Kinesis publisher: one of the publishers, off by default; and, once a stream and a local
 * endpoint are named, built the way the application builds it (AwsClients, standard credential chain).
 */
@QuarkusTest
class KinesisIsOffUntilAStreamIsNamedSpec {

    private static final Map<String, String> AWS = Map.of("aws.accessKeyId", "AKIDAGORATEST",
            "aws.secretAccessKey", "s", "aws.region", "eu-west-1");

    @Inject
    @Any
    Instance<EventPublisher> publishers;

    @Inject
    AwsClients aws;

    @AfterEach
    void forgetCredentials() {
        AWS.keySet().forEach(System::clearProperty);
    }

    @Test
    void the_kinesis_publisher_is_among_the_publishers_and_off_without_AGORA_EVENTS_KINESIS_STREAM() {
        EventPublisher kinesis = publishers.stream().filter(publisher -> publisher.name().equals("kinesis"))
                .findFirst().orElseThrow();

        assertThat(kinesis).isInstanceOf(KinesisEventPublisher.class);
        assertThat(kinesis.enabled()).isFalse();
    }

    @Test
    void with_a_stream_and_AGORA_AWS_ENDPOINT_it_publishes_through_the_standard_credential_chain() {
        Kinesalite kinesalite = Kinesalite.shared();
        kinesalite.createStream("agora-configured", 1);
        AWS.forEach(System::setProperty);
        KinesisEventPublisher publisher = new KinesisEventPublisher(aws, settings("agora-configured",
                kinesalite.endpoint().toString()));
        try {
            List<Delivery> deliveries = publisher.publish(List.of(Events.of("orders", "agora.product.created")));

            assertThat(publisher.enabled()).isTrue();
            assertThat(deliveries).extracting(Delivery::delivered).containsExactly(true);
        } finally {
            publisher.close();
        }
    }

    private static KinesisSettings settings(String stream, String endpoint) {
        return new KinesisSettings() {
            public Optional<String> stream() {
                return Optional.of(stream);
            }

            public Optional<String> endpoint() {
                return Optional.of(endpoint);
            }

            public int retries() {
                return 3;
            }

            public Duration backoff() {
                return Duration.ZERO;
            }

            public Duration backoffCap() {
                return Duration.ZERO;
            }
        };
    }
}
