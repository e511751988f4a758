package dev.agora.platform.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses state-changing API calls another site could make a browser send. A page elsewhere can post a form (or a
 * text/plain fetch) without asking, but not application/json (nor application/yaml, which the contract upload of
 * issue 14 takes; neither is a CORS-safelisted type): so every POST, PUT, PATCH and DELETE under /api must say one
 * of them (415), and calls that a browser marks as coming from another site, by {@code Origin} or by
 * {@code Sec-Fetch-Site: cross-site}, are refused (403). Runs before sign-in, so a refused call costs no password
 * check.
 */
@ApplicationScoped
public class CrossSiteRequestGuard {

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final ProblemResponses problems;
    private final WebSettings settings;
    private final Optional<String> ownOrigin;

    public CrossSiteRequestGuard(ProblemResponses problems, WebSettings settings,
            @ConfigProperty(name = "agora.base-url") Optional<String> baseUrl) {
        this.problems = problems;
        this.settings = settings;
        this.ownOrigin = baseUrl.flatMap(CrossSiteRequestGuard::originOf);
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!STATE_CHANGING.contains(request.method())) {
            context.next();
            return;
        }
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            refuse(context, 403, "Forbidden", "Agora does not accept changes sent from another site.");
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !isOwn(origin, request)) {
            refuse(context, 403, "Forbidden", "Agora does not accept changes sent from another site (Origin "
                    + origin + ").");
            return;
        }
        if (!isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            refuse(context, 415, "Unsupported Media Type", "Send changes with 'Content-Type: application/json' "
                    + "(contracts: application/yaml), with a body or without.");
            return;
        }
        context.next();
    }

    private boolean isOwn(String origin, HttpServerRequest request) {
        Optional<String> claimed = originOf(origin);
        if (claimed.isEmpty()) {
            return false; // "null" (sandboxed frames, file: pages) or garbage
        }
        if (ownOrigin.equals(claimed)) {
            return true;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        String scheme = settings.behindTlsProxy() ? "https" : request.scheme();
        return originOf(scheme + "://" + host).equals(claimed);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.equals("application/yaml");
    }

    /** scheme://host[:port] in lower case, without the default port, or empty when it is not a web origin. */
    static Optional<String> originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private void refuse(RoutingContext context, int status, String title, String detail) {
        Problem problem = Problem.of(status, title, detail, context.normalizedPath());
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problems.json(problem));
    }
}
