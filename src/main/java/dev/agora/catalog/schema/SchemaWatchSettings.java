package dev.agora.catalog.schema;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How Agora watches the schemas behind published ports. */
@ConfigMapping(prefix = "agora.schema-watch")
public interface SchemaWatchSettings {

    /** Watch at all (install the lake's event trigger, listen, poll). */
    @WithDefault("true")
    boolean enabled();

    /** Install the event trigger in the lake at start-up (needs a superuser; otherwise only the sweep sees changes). */
    @WithDefault("true")
    boolean installTrigger();

    /** The safety net beside LISTEN/NOTIFY: how often the recorded DDL is read, in case a notification was missed. */
    @WithDefault("PT30S")
    Duration pollInterval();

    /**
     * How often every published postgres-table and Glue port is compared with its data, whatever the DDL log says
     * (Glue has no trigger; a lake without the trigger has only this). "off" switches it off.
     */
    @WithDefault("PT1H")
    String sweepInterval();

    /** The deprecation window of the version a major release supersedes, unless the owner chooses another. */
    @WithDefault("30")
    int defaultDeprecationDays();

    /** The longest deprecation window an owner may choose. */
    @WithDefault("365")
    int maxDeprecationDays();
}
