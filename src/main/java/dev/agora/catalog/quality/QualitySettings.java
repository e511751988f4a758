package dev.agora.catalog.quality;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How quality checks run: how long one check may take, how much of the data it keeps, how many runs at once. */
@ConfigMapping(prefix = "agora.quality")
public interface QualitySettings {

    /** The longest one check may run before the database cancels it ({@code AGORA_QUALITY_STATEMENT_TIMEOUT}). */
    @WithDefault("30s")
    Duration statementTimeout();

    /** How many offending rows a custom check keeps as samples (0: none). */
    @WithDefault("5")
    int sampleRows();

    /** How many runs a product keeps; older ones are pruned. */
    @WithDefault("500")
    int keptRuns();

    /** Whether the scheduler runs checks of products whose update frequency has elapsed. */
    @WithDefault("true")
    boolean scheduleEnabled();

    /** How often a product without an update frequency in its contract is checked. */
    @WithDefault("P1D")
    Duration defaultFrequency();

    /** How many products one scheduler tick of one instance checks at most (runs are sequential within a tick). */
    @WithDefault("5")
    int productsPerTick();
}
