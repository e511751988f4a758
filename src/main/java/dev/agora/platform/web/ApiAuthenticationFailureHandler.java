package dev.agora.platform.web;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Wrong credentials are detected before a request reaches the REST layer (HTTP Basic is checked up front), so
 * their 401 would be an empty challenge. This handler gives API callers the same problem+json as every other
 * error; the browser's login form keeps its redirect to the login page. A sign-in refused for too many failures
 * answers 429 with {@code Retry-After}. A refused bearer token gets a {@code Bearer} challenge and, where known, the
 * reason (expired, account disabled).
 */
@ApplicationScoped
public class ApiAuthenticationFailureHandler {

    /** Seconds until a throttled sign-in may be tried again: set by the identity provider that refused it. */
    public static final String RETRY_AFTER_SECONDS = "agora.sign-in.retry-after-seconds";

    /** Why a credential was refused, in words the caller may read: set by the identity code that refused it. */
    public static final String REFUSAL = "agora.sign-in.refusal";

    /** Sent with a 401 for a bearer token (RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"Agora\", error=\"invalid_token\"";

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
        boolean bearer = isBearer(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        String detail = bearer ? bearerRefusal(context.failure())
                : "The username or password is not right, or the account is disabled.";
        Problem problem = Problem.of(401, "Unauthorized", detail, context.normalizedPath());
        context.response()
                .setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", bearer ? BEARER_CHALLENGE : ProblemResponses.BASIC_CHALLENGE)
                .end(problems.json(problem));
    }

    static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** What to tell the sender of a refused bearer token: the reason Agora gave, or what the check found. */
    static String bearerRefusal(Throwable failure) {
        if (rootCause(failure) instanceof AuthenticationFailedException failed
                && failed.getAttribute(REFUSAL) instanceof String reason) {
            return "The bearer token is not accepted: " + reason;
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return "The bearer token has expired; get a new one from the identity provider.";
            }
        }
        return "The bearer token is not accepted: it is not a token of Agora's identity provider, it was "
                + "tampered with, it has expired, or it is meant for another audience.";
    }

    static Long retryAfterSeconds(RoutingContext context) {
        Object seconds = context.get(RETRY_AFTER_SECONDS);
        if (seconds == null && rootCause(context.failure()) instanceof AuthenticationFailedException failed) {
            seconds = failed.getAttribute(RETRY_AFTER_SECONDS);
        }
        return seconds instanceof Number number ? number.longValue() : null;
    }

    /** The AuthenticationFailedException behind a failure, if there is one; else its deepest cause. */
    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof AuthenticationFailedException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
