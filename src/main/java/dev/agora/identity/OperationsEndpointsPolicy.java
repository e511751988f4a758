package dev.agora.identity;

import dev.agora.platform.DemoSettings;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Metrics, the OpenAPI document and Swagger UI tell a stranger a lot about a deployment: outside demo mode they
 * need an administrator's sign-in (HTTP Basic or the browser session), on the main port, so that no second port
 * has to be secured. The demo keeps them open to try.
 */
@ApplicationScoped
public class OperationsEndpointsPolicy implements HttpSecurityPolicy {

    public static final String NAME = "operations";

    private final DemoSettings demo;

    OperationsEndpointsPolicy(DemoSettings demo) {
        this.demo = demo;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        if (demo.enabled()) {
            return CheckResult.permit();
        }
        return identity.map(who -> !who.isAnonymous() && who.hasRole(Roles.ADMIN) ? CheckResult.PERMIT
                : CheckResult.DENY);
    }

    @Override
    public String name() {
        return NAME;
    }
}
