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
 * error; the browser's login form keeps its redirect to the login page. A sign-in refused for too many failures
 * answers 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class ApiAuthenticationFailureHandler {

    /** Seconds until a throttled sign-in may be tried again: set by the identity provider that refused it. */
    public static final String RETRY_AFTER_SECONDS = "agora.sign-in.retry-after-seconds";

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
        Long retryAfter = retryAfterSeconds(context);
        if (retryAfter != null) {
            Problem tooMany = Problem.of(429, "Too Many Requests", "Too many failed sign-ins; try again in "
                    + retryAfter + " seconds.", context.normalizedPath());
            context.response()
                    .setStatusCode(429)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", Long.toString(retryAfter))
                    .end(problems.json(tooMany));
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

    static Long retryAfterSeconds(RoutingContext context) {
        Object seconds = context.get(RETRY_AFTER_SECONDS);
        if (seconds == null && rootCause(context.failure()) instanceof AuthenticationFailedException failed) {
            seconds = failed.getAttribute(RETRY_AFTER_SECONDS);
        }
        return seconds instanceof Number number ? number.longValue() : null;
    }

    /** The AuthenticationFailedException behind a failure, if there is one; else its deepest cause. */
    public static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof AuthenticationFailedException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
