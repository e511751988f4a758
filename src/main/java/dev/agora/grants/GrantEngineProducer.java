package dev.agora.grants;

import dev.agora.grants.lakeformation.LakeFormationGrantEngine;
import dev.agora.grants.postgres.PostgresGrantEngine;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The one place where grant engines are chosen: PostgreSQL roles always (postgres-table ports), AWS Lake Formation
 * when {@code AGORA_LAKEFORMATION=aws}. Settings the engines cannot read refuse the start with one line.
 */
@ApplicationScoped
public class GrantEngineProducer {

    @Produces
    @Singleton
    GrantEngines engines(GrantsConfig config, PostgresGrantEngine postgres,
            Instance<LakeFormationGrantEngine> lakeFormation) {
        return switch (lakeFormationSwitch(config)) {
            case "aws" -> new GrantEngines(List.of(postgres, lakeFormation.get()));
            default -> new GrantEngines(List.of(postgres));
        };
    }

    /** Reads the grant settings at start, so a typo stops Agora before any grant goes to the wrong name. */
    void check(@Observes StartupEvent start, GrantsConfig config) {
        try {
            lakeFormationSwitch(config);
            RetryPolicy.of(config);
            PrincipalMapping.parse("AGORA_PG_USER_ROLES", config.postgresUserRoles().orElse(""));
            PrincipalMapping.parse("AGORA_LF_USER_PRINCIPALS", config.lakeformationUserPrincipals().orElse(""));
        } catch (IllegalArgumentException malformed) {
            // Quarkus prints a ConfigurationException as its message alone: one line, no stack trace
            throw new ConfigurationException("Agora refuses to start: " + malformed.getMessage());
        }
    }

    private static String lakeFormationSwitch(GrantsConfig config) {
        String value = config.lakeformation().strip();
        if (!value.equals("aws") && !value.equals("off")) {
            throw new IllegalArgumentException("AGORA_LAKEFORMATION is \"" + value + "\"; use aws or off");
        }
        return value;
    }
}
