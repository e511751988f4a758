package dev.agora.identity.sso;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * For specs only: a page outside the API that tells who Quarkus' security took the caller for, so that a spec can
 * see which credentials count on the web side (the Vaadin views themselves answer every visitor with 200).
 */
@ApplicationScoped
public class WhoIsAsking {

    public static final String PATH = "/spec-only/who-is-asking";

    void install(@Observes Router router) {
        router.get(PATH).handler(context -> {
            QuarkusHttpUser user = context.user() instanceof QuarkusHttpUser known ? known : null;
            context.response().end(user == null || user.getSecurityIdentity().isAnonymous() ? "anonymous"
                    : user.getSecurityIdentity().getPrincipal().getName());
        });
    }
}
