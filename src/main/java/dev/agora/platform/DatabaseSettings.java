package dev.agora.platform;

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

    public static DatabaseSettings fromConfiguration() {
        String profile = firstNonBlank(System.getProperty("quarkus.profile"), System.getenv("QUARKUS_PROFILE"), "prod");
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .forClassLoader(classLoader)
                .withProfile(profile)
                .addDefaultInterceptors()
                .addDefaultSources()
                // the same files and ordinals as Quarkus: the packaged file, then ./config/application.properties
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, classLoader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        Path.of("config", "application.properties").toUri().toString(), 260, classLoader))
                .build();
        return new DatabaseSettings(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(""),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
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
