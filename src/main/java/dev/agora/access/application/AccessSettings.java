package dev.agora.access.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The access clock's settings (README, Configuration). */
@ConfigMapping(prefix = "agora.access")
public interface AccessSettings {

    /** Approvers are reminded of requests pending this long (AGORA_REMINDER_AFTER). */
    @WithDefault("P2D")
    Duration reminderAfter();

    /** Requesters are warned this long before their access ends (AGORA_EXPIRY_WARNING). */
    @WithDefault("P3D")
    Duration expiryWarning();

    /** How often expired access is ended (AGORA_EXPIRY_CHECK); read by the scheduler's expression too. */
    @WithDefault("1m")
    String expiryCheck();

    /** How often reminders and warnings are sent; read by the scheduler's expression. */
    @WithDefault("1h")
    String notifyCheck();
}
