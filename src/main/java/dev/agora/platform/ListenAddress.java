package dev.agora.platform;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Where Agora listens ({@code quarkus.http.host}): {@code AGORA_LISTEN} when set; otherwise loopback only in demo
 * mode (its accounts share a published password, so the demo must not be reachable from the network by
 * accident) and every interface in a real deployment. Between application.properties and the environment, so
 * {@code QUARKUS_HTTP_HOST} still wins; not applied to tests and dev mode, which keep Quarkus' own default.
 */
public class ListenAddress implements ConfigSourceFactory {

    public static final String LOOPBACK = "127.0.0.1";
    public static final String EVERY_INTERFACE = "0.0.0.0";
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getProfiles().contains("test") || context.getProfiles().contains("dev")) {
            return List.of();
        }
        Optional<String> listen = value(context, "agora.listen");
        boolean demo = value(context, "agora.demo.enabled").map(Boolean::parseBoolean).orElse(true);
        return List.of(new MapBackedConfigSource("Agora listen address", Map.of("quarkus.http.host",
                host(listen, demo)), ORDINAL) {});
    }

    public static String host(Optional<String> listen, boolean demo) {
        return listen.map(String::strip).filter(value -> !value.isEmpty())
                .orElse(demo ? LOOPBACK : EVERY_INTERFACE);
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? Optional.empty() : Optional.of(value.getValue());
    }
}
