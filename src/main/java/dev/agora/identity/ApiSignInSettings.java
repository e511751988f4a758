package dev.agora.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How API callers may sign in ({@code AGORA_API_BASIC_AUTH}). */
@ConfigMapping(prefix = "agora.api")
public interface ApiSignInSettings {

    /**
     * Whether HTTP Basic with a local password is accepted. {@code quarkus.http.auth.basic} is fixed at build time,
     * so this is enforced at run time by {@link LocalAccountIdentityProvider}; the browser's login form is not
     * affected. A real deployment should switch it off and use tokens.
     */
    @WithName("basic-auth")
    @WithDefault("true")
    boolean basicAuth();
}
