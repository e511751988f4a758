package dev.agora.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Personal API tokens ({@code AGORA_TOKEN_MAX_LIFETIME}). */
@ConfigMapping(prefix = "agora.tokens")
public interface TokenSettings {

    /** The longest expiry a person may give a token; a longer one is refused (400). */
    @WithDefault("P90D")
    Duration maxLifetime();
}
