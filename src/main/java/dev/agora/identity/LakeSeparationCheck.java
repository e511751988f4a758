package dev.agora.identity;

import dev.agora.platform.DemoSettings;
import dev.agora.platform.LakeDatabase;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Part of the production check (demo mode off): the lake must not be Agora's own database, where a grant could
 * reach Agora's tables; and Agora's database user should not be a superuser, who reads every table of the server.
 */
@ApplicationScoped
public class LakeSeparationCheck {

    private static final Logger LOG = Logger.getLogger(LakeSeparationCheck.class);

    private final DemoSettings demo;
    private final LakeDatabase lake;

    LakeSeparationCheck(DemoSettings demo, LakeDatabase lake) {
        this.demo = demo;
        this.lake = lake;
    }

    void onStart(@Observes @Priority(ProductionSafetyCheck.STARTUP_PRIORITY) StartupEvent start) {
        if (demo.enabled()) {
            return;
        }
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            throw new ConfigurationException("Agora refuses to start: " + refusal.get());
        }
        superuserWarning().ifPresent(LOG::warn);
    }

    /** Why the lake is unsafe for a real deployment, as one sentence that says what to set. */
    Optional<String> refusal() {
        try {
            if (lake.isAgorasOwnDatabase()) {
                return Optional.of("the lake is Agora's own database; set AGORA_LAKE_DB_URL (with AGORA_LAKE_DB_USER "
                        + "and AGORA_LAKE_DB_PASSWORD) to the separate database that holds the data of postgres-table "
                        + "ports.");
            }
            return Optional.empty();
        } catch (SQLException unreachable) {
            return Optional.of("the lake database (AGORA_LAKE_DB_URL) cannot be reached: " + unreachable.getMessage());
        }
    }

    /** A warning when Agora's database user is a superuser. */
    Optional<String> superuserWarning() {
        try {
            return lake.agoraUserIsSuperuser()
                    ? Optional.of("Agora's database user (AGORA_DB_USER) is a superuser: give Agora a user that owns "
                            + "only its own database.")
                    : Optional.empty();
        } catch (SQLException unreadable) {
            return Optional.empty();
        }
    }
}
