package dev.agora.events.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.events.EventPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The application as configured by default: the Kinesis publisher is one of the publishers, and off. */
@QuarkusTest
class KinesisIsOffUntilAStreamIsNamedSpec {

    @Inject
    @Any
    Instance<EventPublisher> publishers;

    @Test
    void the_kinesis_publisher_is_among_the_publishers_and_off_without_AGORA_EVENTS_KINESIS_STREAM() {
        EventPublisher kinesis = publishers.stream().filter(publisher -> publisher.name().equals("kinesis"))
                .findFirst().orElseThrow();

        assertThat(kinesis).isInstanceOf(KinesisEventPublisher.class);
        assertThat(kinesis.enabled()).isFalse();
    }
}
