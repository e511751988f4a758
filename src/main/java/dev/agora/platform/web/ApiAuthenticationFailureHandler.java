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

    /** The problem's detail, when the identity code that refused knows better than "wrong password". */
    public static final String PROBLEM_DETAIL = "agora.sign-in.problem-detail";
    /** The WWW-Authenticate challenge, when the credentials were not HTTP Basic. */
    public static final String CHALLENGE = "agora.sign-in.challenge";
    static final String WRONG_PASSWORD = "The username or password is not right, or the account is disabled.";
    /** Sent with a 401 for a refused bearer token (RFC 6750). */
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
        AuthenticationFailedException failed = (AuthenticationFailedException) rootCause(context.failure());
        // a provider's token refused by quarkus-oidc carries no words of Agora's: say what the checks are
        boolean bearer = isBearer(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        Problem problem = Problem.of(401, "Unauthorized", attribute(failed, PROBLEM_DETAIL,
                bearer ? bearerRefusal(context.failure()) : WRONG_PASSWORD), context.normalizedPath());
        context.response()
                .setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", attribute(failed, CHALLENGE,
                        bearer ? BEARER_CHALLENGE : ProblemResponses.BASIC_CHALLENGE))
                .end(problems.json(problem));
    }

    private static String attribute(AuthenticationFailedException failed, String name, String otherwise) {
        return failed.getAttribute(name) instanceof String text ? text : otherwise;
    }

    static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** What to tell the sender of a provider's token that quarkus-oidc refused: expired, or the list of checks. */
    static String bearerRefusal(Throwable failure) {
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
    public static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof AuthenticationFailedException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
