package dev.agora.identity.sso;

import dev.agora.identity.ExternalIdentity;
import dev.agora.identity.OidcSettings;
import dev.agora.identity.SingleSignOn;
import dev.agora.platform.web.ApiAuthenticationFailureHandler;
import dev.agora.platform.web.SessionCookies;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The browser's way in through the identity provider, under {@code /sso/}. Quarkus' code mechanism has already
 * authenticated {@code /sso/login} with the provider (authorization-code flow with PKCE, see {@link OidcTenants});
 * here the verified ID token becomes an Agora account ({@link SingleSignOn}: opened just in time, groups followed,
 * a disabled account refused) and an ordinary Agora browser session: the signed session ticket, opened "via sso",
 * which {@link SsoSessionMechanism} accepts on every later request with the checks of every session. Then the
 * browser goes on to the page it asked for. Every refusal and failure ends on the login page with a message
 * ({@code ?sso=...}), never on an error page.
 */
@ApplicationScoped
public class BrowserSignIn {

    /** After Quarkus' authentication and authorization, before the Vaadin servlet. */
    static final int ORDER = 1_000;
    /** The login page's {@code sso} parameter: why a sign-in through the provider did not happen. */
    public static final String FAILURE_PARAMETER = "sso";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";
    public static final String DENIED = "denied";
    public static final String OFF = "off";
    public static final String SIGNED_OUT_PARAMETER = "signed-out";

    private static final Logger LOG = Logger.getLogger(BrowserSignIn.class);

    private final OidcSettings settings;
    private final SsoSessions sessions;

    BrowserSignIn(OidcSettings settings, SsoSessions sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    void install(@Observes Router router) {
        router.route(OidcTenants.BROWSER_PATH + "*").order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        router.get(OidcTenants.LOGIN_PATH).order(ORDER).blockingHandler(this::signIn, false);
        router.get(OidcTenants.SIGNED_OUT_PATH).order(ORDER).handler(c -> redirect(c, "/login?" + SIGNED_OUT_PARAMETER));
        // reached only when there was no provider session left to end: the Agora session is over all the same
        router.get(OidcTenants.LOGOUT_PATH).order(ORDER).handler(c -> redirect(c, "/login?" + SIGNED_OUT_PARAMETER));
        router.get(OidcTenants.FAILED_PATH).order(ORDER).handler(this::providerError);
        // a callback without its state (a bookmarked or replayed URL): start again from the login page
        router.get(OidcTenants.CALLBACK_PATH).order(ORDER).handler(c -> toLogin(c, FAILED));
    }

    private void signIn(RoutingContext context) {
        if (!settings.enabled()) {
            toLogin(context, OFF);
            return;
        }
        String target = SignInTarget.of(context.queryParams().get("to"));
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            toLogin(context, FAILED);
            return;
        }
        ExternalIdentity who;
        try {
            who = ProviderTokenClaims.readVerifiedJwt(token.getRawToken(), settings);
        } catch (ProviderTokenClaims.Unusable unusable) {
            LOG.warnf("Single sign-on refused a token of %s: %s", settings.issuer().orElse("?"), unusable.getMessage());
            refuse(context);
            return;
        }
        String ticket;
        try {
            ticket = sessions.open(who);
        } catch (SingleSignOn.Refused refused) {
            LOG.infof("Single sign-on refused: %s", refused.getMessage());
            refuse(context);
            return;
        }
        context.response()
                .setStatusCode(303)
                .putHeader(HttpHeaders.LOCATION, target)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.SET_COOKIE, List.of(
                        SessionCookies.TICKET + "=" + ticket + "; Path=/; HttpOnly; SameSite=Lax",
                        expired(SessionCookies.CREDENTIAL, "/"),
                        // a servlet session fixed before sign-in is worth nothing after it
                        expired(SessionCookies.SERVLET_SESSION, "/")))
                .end();
    }

    /** The provider answered with an error (error=access_denied when the person declined or may not use Agora). */
    private void providerError(RoutingContext context) {
        String error = context.queryParams().get("error");
        toLogin(context, "access_denied".equals(error) ? DENIED : FAILED);
    }

    /**
     * A code flow that could not be completed (state mismatch, a code the provider rejects, the provider out of
     * reach) ends on the login page. Redirects and challenges Quarkus is sending are left alone.
     */
    private void onFailure(RoutingContext context) {
        Throwable cause = ApiAuthenticationFailureHandler.rootCause(context.failure());
        if (context.response().ended() || context.response().headWritten()
                || context.failure() instanceof AuthenticationRedirectException
                || cause instanceof AuthenticationRedirectException) {
            context.next();
            return;
        }
        LOG.warnf("Single sign-on did not complete: %s", cause == null ? "unknown" : cause.toString());
        context.response().headers().remove(HttpHeaders.LOCATION);
        toLogin(context, FAILED);
    }

    /** A refusal also drops the provider's session cookie, so that someone else can sign in on this browser. */
    private void refuse(RoutingContext context) {
        List<String> cookies = new ArrayList<>();
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith("q_session")) {
                cookies.add(expired(cookie.getName(), "/sso"));
            }
        }
        if (!cookies.isEmpty()) {
            context.response().putHeader(HttpHeaders.SET_COOKIE.toString(), cookies);
        }
        toLogin(context, REFUSED);
    }

    private static void toLogin(RoutingContext context, String why) {
        redirect(context, "/login?" + FAILURE_PARAMETER + "=" + why);
    }

    private static void redirect(RoutingContext context, String location) {
        context.response()
                .setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, location)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end();
    }

    private static String expired(String cookie, String path) {
        return cookie + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Lax";
    }
}
