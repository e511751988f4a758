package dev.agora.catalog.quality.athena;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How quality rules of glue-table ports run as Amazon Athena queries ({@code agora.quality.athena.*}, set through
 * the AGORA_ATHENA_* variables). Whether they run at all is {@code agora.quality.athena} itself, aws or off
 * ({@code AGORA_QUALITY_ATHENA}), read by {@link AthenaSwitch}.
 */
@ConfigMapping(prefix = "agora.quality.athena")
public interface AthenaConfig {

    /** The Athena workgroup the queries run in: its limits and cost controls apply ({@code AGORA_ATHENA_WORKGROUP}). */
    @WithDefault("primary")
    String workgroup();

    /**
     * Where Athena writes query results, {@code s3://bucket/prefix/} ({@code AGORA_ATHENA_OUTPUT_LOCATION}); may be
     * left empty when the workgroup enforces its own output location.
     */
    @WithName("output-location")
    Optional<String> outputLocation();

    /** The region of Athena, when it differs from {@code AGORA_AWS_REGION} ({@code AGORA_ATHENA_REGION}). */
    Optional<String> region();

    /** Another Athena endpoint: a VPC endpoint, or a test stub ({@code AGORA_ATHENA_ENDPOINT}). */
    Optional<URI> endpoint();

    /** The first pause between two looks at a running query; it doubles up to the cap ({@code AGORA_ATHENA_POLL}). */
    @WithName("poll-interval")
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** The longest pause between two looks at a running query ({@code AGORA_ATHENA_POLL_CAP}). */
    @WithName("poll-interval-cap")
    @WithDefault("PT5S")
    Duration pollIntervalCap();

    /** How long one rule's query may run before it is stopped and the rule gives ERROR ({@code AGORA_ATHENA_TIMEOUT}). */
    @WithDefault("PT5M")
    Duration timeout();
}
