package dev.agora.support;

import dev.agora.platform.DemoSettings;

/** Settings for specs that check start-up rules without starting another application. */
public final class Settings {

    private Settings() {
    }

    /** Demo mode on or off, with the documented demo password. */
    public static DemoSettings demo(boolean enabled) {
        return new DemoSettings() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String password() {
                return "agora-demo";
            }
        };
    }
}
