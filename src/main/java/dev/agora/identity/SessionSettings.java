package dev.agora.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Browser sessions: besides the idle timeout ({@code AGORA_SESSION_TIMEOUT}) an absolute lifetime. */
@ConfigMapping(prefix = "agora.session")
public interface SessionSettings {

    /** A session ends this long after sign-in, however active it is ({@code AGORA_SESSION_MAX_AGE}). */
    @WithDefault("PT12H")
    Duration maxAge();
}
