package dev.agora.catalog.quality.athena;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How quality rules of glue-table ports run as Amazon Athena queries ({@code agora.quality.athena.*}, set through
 * the AGORA_ATHENA_* variables). The prefix is {@code agora.quality} because the switch itself,
 * {@code agora.quality.athena} (aws or off), sits at the head of the settings; names are flat, as in GrantsConfig.
 */
@ConfigMapping(prefix = "agora.quality")
public interface AthenaConfig {

    /** "aws" runs the rules of glue-table ports in Athena; "off" does not ({@code AGORA_QUALITY_ATHENA}). */
    @WithName("athena")
    @WithDefault("off")
    String athena();

    /** The Athena workgroup the queries run in: its limits and cost controls apply ({@code AGORA_ATHENA_WORKGROUP}). */
    @WithName("athena.workgroup")
    @WithDefault("primary")
    String workgroup();

    /**
     * Where Athena writes query results, {@code s3://bucket/prefix/} ({@code AGORA_ATHENA_OUTPUT_LOCATION}); may be
     * left empty when the workgroup enforces its own output location.
     */
    @WithName("athena.output-location")
    Optional<String> outputLocation();

    /** The region of Athena, when it differs from {@code AGORA_AWS_REGION} ({@code AGORA_ATHENA_REGION}). */
    @WithName("athena.region")
    Optional<String> region();

    /** Another Athena endpoint: a VPC endpoint, or a test stub ({@code AGORA_ATHENA_ENDPOINT}). */
    @WithName("athena.endpoint")
    Optional<URI> endpoint();

    /** The first pause between two looks at a running query; it doubles up to the cap ({@code AGORA_ATHENA_POLL}). */
    @WithName("athena.poll-interval")
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** The longest pause between two looks at a running query ({@code AGORA_ATHENA_POLL_CAP}). */
    @WithName("athena.poll-interval-cap")
    @WithDefault("PT5S")
    Duration pollIntervalCap();

    /** How long one rule's query may run before it is stopped and the rule gives ERROR ({@code AGORA_ATHENA_TIMEOUT}). */
    @WithName("athena.timeout")
    @WithDefault("PT5M")
    Duration timeout();

    /**
     * Whether custom SQL rules of glue-table ports run ({@code AGORA_ATHENA_CUSTOM_SQL}, default off): Athena runs them
     * with Agora's IAM role, so switch them on only when that role reads nothing but product tables.
     */
    @WithName("athena.custom-sql")
    @WithDefault("off")
    Switch customSqlSwitch();

    default boolean customSql() {
        return customSqlSwitch() == Switch.on;
    }

    /** on or off. */
    enum Switch { on, off }
}
