package dev.agora.access.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Following products (README, Events → Following products). */
@ConfigMapping(prefix = "agora.following")
public interface FollowingSettings {

    /**
     * How many products one person or team may follow explicitly (AGORA_FOLLOWING_MAX_PER_FOLLOWER): a bound on
     * what one account can make Agora store and fan out, far above what a person reads.
     */
    @WithDefault("500")
    int maxPerFollower();
}
