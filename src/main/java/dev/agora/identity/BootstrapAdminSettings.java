package dev.agora.identity;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The first administrator of a real deployment (AGORA_ADMIN_USERNAME, AGORA_ADMIN_PASSWORD). */
@ConfigMapping(prefix = "agora.bootstrap-admin")
public interface BootstrapAdminSettings {

    Optional<String> username();

    Optional<String> password();
}
