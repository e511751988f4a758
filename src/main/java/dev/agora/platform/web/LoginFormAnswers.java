package dev.agora.platform.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What the answer to the login form's post adds to Quarkus' own. A successful sign-in also sets the session
 * ticket and drops the servlet session the login page ran in (a session id fixed before sign-in is worth
 * nothing after it). A throttled one goes back to the login page with {@code Retry-After} and the seconds to wait,
 * which the page says in words: the form posts as a page navigation, where a bare 429 would help nobody.
 */
@ApplicationScoped
public class LoginFormAnswers {

    public static final String RETRY_PARAMETER = "retry";

    void install(@Observes Router router) {
        router.route("/j_security_check").order(Integer.MIN_VALUE).handler(this::onSignIn);
    }

    private void onSignIn(RoutingContext context) {
        context.addHeadersEndHandler(done -> {
            Object seconds = context.get(ApiAuthenticationFailureHandler.RETRY_AFTER_SECONDS);
            String location = context.response().headers().get(HttpHeaders.LOCATION);
            if (seconds instanceof Number wait && location != null) {
                context.response().headers()
                        .set(HttpHeaders.LOCATION, location + (location.contains("?") ? "&" : "?")
                                + RETRY_PARAMETER + "=" + wait.longValue())
                        .set("Retry-After", Long.toString(wait.longValue()));
            }
            Object ticket = context.get(SessionCookies.NEW_TICKET);
            if (ticket instanceof String value) {
                context.response().headers()
                        .add(HttpHeaders.SET_COOKIE, SessionCookies.TICKET + "=" + value
                                + "; Path=/; HttpOnly; SameSite=Lax")
                        .add(HttpHeaders.SET_COOKIE, SessionCookies.SERVLET_SESSION
                                + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
            }
        });
        context.next();
    }
}
