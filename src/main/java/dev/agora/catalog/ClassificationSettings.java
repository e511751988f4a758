package dev.agora.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a classification keeps counting for access requests after it was lowered. */
@ConfigMapping(prefix = "agora.classification")
public interface ClassificationSettings {

    /**
     * Requests are routed by the strictest classification the product had within this time
     * ({@code AGORA_CLASSIFICATION_MEMORY}, an ISO-8601 duration).
     */
    @WithDefault("P30D")
    Duration memory();
}
