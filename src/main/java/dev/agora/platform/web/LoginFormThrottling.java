package dev.agora.platform.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The login form posts as a page navigation, so a throttled sign-in is not a 429 the person would see as a bare
 * error: the redirect back to the login page carries {@code Retry-After} and the seconds to wait, which the page
 * says in words.
 */
@ApplicationScoped
public class LoginFormThrottling {

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
        });
        context.next();
    }
}
