package dev.agora.platform.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Headers every page and API answer carries, whichever part of Agora (Vaadin, REST, Quarkus itself) wrote it: a
 * Content-Security-Policy Vaadin works with, no framing, no MIME sniffing, no full referrer to other sites; behind a
 * TLS proxy also HSTS and {@code Secure} cookies. Browsers never get a Basic challenge, so they never cache Basic
 * credentials for Agora's origin.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Vaadin 24 needs inline and eval'd scripts and inline styles; everything else comes from Agora itself. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    private final WebSettings settings;

    public SecurityHeaders(WebSettings settings) {
        this.settings = settings;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext context) {
        context.addHeadersEndHandler(done -> addTo(isBrowser(context.request()), context.response().headers()));
        context.next();
    }

    void addTo(boolean browser, MultiMap headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        if (browser) {
            headers.remove("WWW-Authenticate");
        }
        if (settings.behindTlsProxy()) {
            headers.set("Strict-Transport-Security", HSTS);
            List<String> cookies = headers.getAll(HttpHeaders.SET_COOKIE);
            if (!cookies.isEmpty()) {
                headers.remove(HttpHeaders.SET_COOKIE);
                cookies.forEach(cookie -> headers.add(HttpHeaders.SET_COOKIE, secure(cookie)));
            }
        }
    }

    /**
     * A browser announces itself with Fetch metadata (every current browser sends {@code Sec-Fetch-Mode}) or by
     * asking for HTML; scripts and pipelines send neither and keep their Basic challenge.
     */
    static boolean isBrowser(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader("Sec-Fetch-Mode") != null
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"));
    }

    private static String secure(String cookie) {
        return cookie.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*secure\\s*(;.*)?$") ? cookie : cookie + "; Secure";
    }
}
