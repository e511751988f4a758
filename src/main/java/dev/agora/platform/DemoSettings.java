package dev.agora.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Demo mode: on by default on the embedded default, so that a newcomer finds users, teams and data to try.
 * {@code AGORA_DEMO=false} marks a real deployment, which then refuses unsafe settings at start-up.
 */
@ConfigMapping(prefix = "agora.demo")
public interface DemoSettings {

    @WithDefault("true")
    boolean enabled();

    /** The password of every demo account ({@code AGORA_DEMO_PASSWORD}). */
    @WithDefault("agora-demo")
    String password();
}
