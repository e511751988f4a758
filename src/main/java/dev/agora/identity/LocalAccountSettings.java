package dev.agora.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Whether people may sign in with a local account's password (AGORA_LOCAL_ACCOUNTS): the login form and HTTP Basic.
 * A deployment that signs everyone in through its identity provider switches them off.
 */
@ConfigMapping(prefix = "agora.local-accounts")
public interface LocalAccountSettings {

    @WithDefault("true")
    boolean enabled();
}
