package dev.agora.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The first administrator of a real deployment: AGORA_ADMIN_USERNAME and AGORA_ADMIN_PASSWORD open the account
 * once, when it does not exist yet. Later starts leave it alone, so the password can then be changed in Agora.
 */
@ApplicationScoped
public class BootstrapAdmin {

    public static final String ACTOR = "system:bootstrap";
    public static final int STARTUP_PRIORITY = 50;

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final LocalAccounts accounts;
    private final Optional<String> username;
    private final Optional<String> password;

    BootstrapAdmin(LocalAccounts accounts, BootstrapAdminSettings settings) {
        this.accounts = accounts;
        this.username = settings.username().filter(name -> !name.isBlank());
        this.password = settings.password().filter(secret -> !secret.isBlank());
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start) {
        if (username.isEmpty() || password.isEmpty() || accounts.exists(username.get())) {
            return;
        }
        accounts.open(new LocalAccounts.NewAccount(username.get(), "Administrator", null, password.get(),
                PlatformRole.ADMIN), ACTOR);
        LOG.infof("Opened the administrator account '%s' from AGORA_ADMIN_USERNAME.", username.get());
    }
}
