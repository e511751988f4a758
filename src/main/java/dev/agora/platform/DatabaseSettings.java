package dev.agora.platform;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;

/**
 * The datasource coordinates as Quarkus will see them (application.properties, profile, environment, system
 * properties), read before Quarkus starts. A private configuration instance is built so that the one Quarkus
 * registers at boot is left untouched.
 */
public record DatabaseSettings(String jdbcUrl, String username, String password) {

    /** The ordinal of the packaged application.properties: a URL from there is Agora's default, not the user's. */
    private static final int PACKAGED_ORDINAL = 250;

    public static DatabaseSettings fromConfiguration() {
        return fromConfiguration(configuration());
    }

    static DatabaseSettings fromConfiguration(SmallRyeConfig config) {
        return new DatabaseSettings(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(""),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /**
     * What decides between the configured server and the embedded fallback: whether the user named a database
     * (AGORA_DB_URL, or the Quarkus property in any source of their own), demo mode, and Agora's data directory.
     */
    public record Fallback(boolean urlConfigured, boolean demo, Path dataDirectory) {

        public static Fallback fromConfiguration() {
            return fromConfiguration(configuration());
        }

        static Fallback fromConfiguration(SmallRyeConfig config) {
            ConfigValue url = config.getConfigValue("quarkus.datasource.jdbc.url");
            boolean urlConfigured = config.getOptionalValue("AGORA_DB_URL", String.class).isPresent()
                    || url.getSourceOrdinal() != PACKAGED_ORDINAL;
            return new Fallback(urlConfigured,
                    config.getOptionalValue("agora.demo.enabled", Boolean.class).orElse(true),
                    Path.of(config.getOptionalValue("agora.data-dir", String.class).orElse(".agora-data")));
        }
    }

    static SmallRyeConfig configuration() {
        String profile = firstNonBlank(System.getProperty("quarkus.profile"), System.getenv("QUARKUS_PROFILE"), "prod");
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        return new SmallRyeConfigBuilder()
                .forClassLoader(classLoader)
                .withProfile(profile)
                .addDefaultInterceptors()
                .addDefaultSources()
                // the same files and ordinals as Quarkus: the packaged file, then ./config/application.properties
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", PACKAGED_ORDINAL,
                        classLoader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        Path.of("config", "application.properties").toUri().toString(), 260, classLoader))
                .build();
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no candidate given");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user " + username + "]";
    }
}
