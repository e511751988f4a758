package dev.agora.identity.sso;

import dev.agora.identity.OidcSettings;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /sso/login} needs the provider's authentication (the code mechanism then sends the browser to the provider);
 * with single sign-on off it lets the request through to {@link BrowserSignIn}, which sends it to the login page.
 */
@ApplicationScoped
public class SsoSignInPolicy implements HttpSecurityPolicy {

    public static final String NAME = "sso-sign-in";

    private final OidcSettings settings;

    SsoSignInPolicy(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        if (!settings.enabled()) {
            return CheckResult.permit();
        }
        return identity.map(who -> who.isAnonymous() ? CheckResult.DENY : CheckResult.PERMIT);
    }

    @Override
    public String name() {
        return NAME;
    }
}
