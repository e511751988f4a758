package dev.agora.access.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Teams' notification channels ({@code agora.team-channels.*}, AGORA_TEAM_CHANNELS_*; README, Events). */
@ConfigMapping(prefix = "agora.team-channels")
public interface TeamChannelSettings {

    /**
     * A team's owners may send one test message per this interval ({@code AGORA_TEAM_CHANNELS_TEST_INTERVAL}):
     * enough to check a channel, too few to turn Agora into a way of flooding one.
     */
    @WithName("test-interval")
    @WithDefault("PT10S")
    Duration testInterval();
}
