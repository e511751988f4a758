package dev.agora.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quarkus refuses a body above {@code quarkus.http.limits.max-body-size} with an empty 413; the API says so in
 * problem+json, before any of the body is read.
 */
@ApplicationScoped
public class RequestBodyLimit {

    private final ProblemResponses problems;
    private final long maxBytes;

    RequestBodyLimit(ProblemResponses problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.problems = problems;
        this.maxBytes = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::refuseWhenDeclaredTooLarge);
    }

    private void refuseWhenDeclaredTooLarge(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLarge(declared)) {
            Problem problem = Problem.of(413, "Content Too Large", "The request body is larger than the "
                    + maxBytes + " bytes Agora accepts.", context.normalizedPath());
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problems.json(problem));
            return;
        }
        context.next();
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBytes;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
