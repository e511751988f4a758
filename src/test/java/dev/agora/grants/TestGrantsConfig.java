package dev.agora.grants;

import java.time.Duration;
import java.util.Optional;

/** Grant settings as a spec chooses them, for engines and checks built by hand; the rest at their defaults. */
public record TestGrantsConfig(String pgUserRoles, String lakeformation, String lfUserPrincipals)
        implements GrantsConfig {

    public static TestGrantsConfig withPgUserRoles(String mapping) {
        return new TestGrantsConfig(mapping, "off", "");
    }

    @Override
    public String workerInterval() {
        return "1s";
    }

    @Override
    public Duration backoff() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration backoffCap() {
        return Duration.ofMinutes(1);
    }

    @Override
    public Duration giveUpAfter() {
        return Duration.ofHours(1);
    }

    @Override
    public Duration revokeOverdueAfter() {
        return Duration.ofMinutes(15);
    }

    @Override
    public Duration lease() {
        return Duration.ofMinutes(2);
    }

    @Override
    public Optional<String> postgresUserRoles() {
        return Optional.ofNullable(pgUserRoles);
    }

    @Override
    public Optional<String> lakeformationUserPrincipals() {
        return Optional.ofNullable(lfUserPrincipals);
    }

    @Override
    public boolean revokeUnknown() {
        return false;
    }

    @Override
    public String reconcileInterval() {
        return "15m";
    }
}
