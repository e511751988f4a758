package dev.agora.platform.web;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Wrong credentials are detected before a request reaches the REST layer (HTTP Basic is checked up front), so
 * their 401 would be an empty challenge. This handler gives API callers the same problem+json as every other
 * error; the browser's login form keeps its redirect to the login page.
 */
@ApplicationScoped
public class ApiAuthenticationFailureHandler {

    private final ProblemResponses problems;

    public ApiAuthenticationFailureHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!(rootCause(context.failure()) instanceof AuthenticationFailedException) || context.response().ended()) {
            context.next();
            return;
        }
        Problem problem = Problem.of(401, "Unauthorized",
                "The username or password is not right, or the account is disabled.", context.normalizedPath());
        context.response()
                .setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", ProblemResponses.BASIC_CHALLENGE)
                .end(problems.json(problem));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof AuthenticationFailedException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
