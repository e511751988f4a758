package dev.agora.events.kinesis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The Amazon Kinesis publisher ({@code agora.events.kinesis.*}, set through the AGORA_* variables). */
@ConfigMapping(prefix = "agora.events.kinesis")
public interface KinesisSettings {

    /** The data stream events are put on ({@code AGORA_EVENTS_KINESIS_STREAM}); empty = the publisher is off. */
    Optional<String> stream();

    /** An endpoint override for a local peer such as kinesalite ({@code AGORA_AWS_ENDPOINT}); empty = AWS. */
    Optional<String> endpoint();

    /** How often, inside one publish call, the records that failed are sent again. */
    @WithDefault("3")
    int retries();

    /** The first pause before resending failed records; it doubles each time, with full jitter. */
    @WithDefault("PT0.1S")
    Duration backoff();

    /** The longest pause between two resends. */
    @WithDefault("PT2S")
    Duration backoffCap();
}
