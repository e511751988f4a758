package dev.agora.platform.web;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A browser whose session was ended on the server (signed out elsewhere, password changed, account disabled, too
 * old) still sends its session cookies. Without this handler every page, the login page included, fails its
 * authentication and is sent back to the login page, which fails again: a redirect loop. The cookies are dropped
 * and the browser goes to the login page as an anonymous visitor. The API answers 401 itself. A session opened
 * through single sign-on has the ticket alone: the same holds for it.
 */
@ApplicationScoped
public class EndedSessionHandler {

    void install(@Observes Router router) {
        router.route("/*").order(Integer.MIN_VALUE + 1).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.response().ended() || context.normalizedPath().startsWith("/api/")
                || !(ApiAuthenticationFailureHandler.rootCause(context.failure())
                        instanceof AuthenticationFailedException)
                || (context.request().getCookie(SessionCookies.CREDENTIAL) == null
                        && context.request().getCookie(SessionCookies.TICKET) == null)) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, "/login")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.SET_COOKIE, java.util.List.of(expired(SessionCookies.CREDENTIAL),
                        expired(SessionCookies.TICKET)))
                .end();
    }

    private static String expired(String cookie) {
        return cookie + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
    }
}
