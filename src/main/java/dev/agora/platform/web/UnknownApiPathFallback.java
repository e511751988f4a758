package dev.agora.platform.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Below a path prefix that a resource serves ({@code /api/v1/admin}), JAX-RS picks that resource and, finding no
 * method, lets the request go on to the web UI, which answers with its HTML page. Under {@code /api} nothing goes
 * on to the web UI: what the REST layer left unanswered is a 404 problem.
 */
@ApplicationScoped
public class UnknownApiPathFallback {

    /** After the REST layer's routes, before the servlet that serves the web UI. */
    static final int ORDER = 9_000;

    private final ProblemResponses problems;

    UnknownApiPathFallback(ProblemResponses problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::nothingHere);
    }

    private void nothingHere(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        Problem problem = Problem.of(404, "Not Found", "There is nothing at " + context.normalizedPath() + ".",
                context.normalizedPath());
        context.response()
                .setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problems.json(problem));
    }
}
