package dev.agora.identity.sso;

import dev.agora.identity.OidcSettings;
import dev.agora.identity.SessionSettings;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The two ways Agora talks OIDC to the one configured provider, chosen per request: bearer tokens on the API
 * ({@value #API_TENANT}, a service application that only verifies tokens) and the browser's authorization-code
 * flow under {@code /sso/} ({@value #BROWSER_TENANT}). Everything else — and everything when no issuer is set —
 * goes to Quarkus' default tenant, which stays disabled: local accounts then work exactly as before.
 */
@ApplicationScoped
public class OidcTenants implements TenantConfigResolver {

    public static final String API_TENANT = "agora-api";
    public static final String BROWSER_TENANT = "agora-sso";
    /** Where the browser's authorization-code flow lives; the session cookie of the flow is limited to it. */
    public static final String BROWSER_PATH = "/sso/";
    /** How far an API token's expiry may lie behind Agora's clock (clock skew), in seconds: little. */
    static final int API_TOKEN_CLOCK_SKEW_SECONDS = 5;
    /** Starts the sign-in: {@code /sso/login?to=/page}. */
    public static final String LOGIN_PATH = "/sso/login";
    /** Where the provider sends the browser back with the code. */
    public static final String CALLBACK_PATH = "/sso/callback";
    /** Ends the provider's session (RP-initiated logout), then {@value #SIGNED_OUT_PATH}. */
    public static final String LOGOUT_PATH = "/sso/logout";
    public static final String SIGNED_OUT_PATH = "/sso/signed-out";
    /** Where Quarkus sends a provider's error answer (error=access_denied...). */
    public static final String FAILED_PATH = "/sso/failed";

    private final OidcSettings settings;
    private final SessionSettings sessions;
    private volatile OidcTenantConfig api;
    private volatile OidcTenantConfig browser;

    OidcTenants(OidcSettings settings, SessionSettings sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        if (!settings.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String path = context.normalizedPath();
        if (path.startsWith("/api/") && isProviderBearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            return Uni.createFrom().item(apiTenant());
        }
        if (path.startsWith(BROWSER_PATH)) {
            return Uni.createFrom().item(browserTenant());
        }
        return Uni.createFrom().nullItem();
    }

    /** A bearer token that is not one of Agora's own personal tokens (those start with agora_pat_). */
    static boolean isProviderBearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).strip().startsWith("agora_pat_");
    }

    OidcTenantConfig apiTenant() {
        OidcTenantConfig config = api;
        if (config == null) {
            // The issuer is checked against the provider's discovery document and the signature against its
            // JWKS; the audience (aud, or Cognito's client_id) by ApiTokenAudience. Tokens that are not JWTs are
            // refused here, never sent to the provider's introspection endpoint: a stranger's garbage must not
            // make Agora call out.
            config = OidcTenantConfig.authServerUrl(settings.issuer().orElseThrow())
                    .tenantId(API_TENANT)
                    .clientId(settings.clientId().orElse("agora"))
                    .applicationType(ApplicationType.SERVICE)
                    .token()
                        .subjectRequired()
                        .issuedAtRequired()
                        .lifespanGrace(API_TOKEN_CLOCK_SKEW_SECONDS)
                        .allowJwtIntrospection(false)
                        .allowOpaqueTokenIntrospection(false)
                        .end()
                    .build();
            api = config;
        }
        return config;
    }

    OidcTenantConfig browserTenant() {
        OidcTenantConfig config = browser;
        if (config == null) {
            config = browserTenant(settings, sessions.maxAge());
            browser = config;
        }
        return config;
    }

    /**
     * The authorization-code flow with PKCE for the browser. The provider sends the browser back to
     * {@value #CALLBACK_PATH} (the URL admins register: {@code <base>/sso/callback}), Quarkus then restores
     * {@code /sso/login?to=...}, where {@link BrowserSignIn} opens the Agora session. The provider's session cookie
     * is limited to {@code /sso} and outlives the ID token by the longest Agora session, so that sign-out can still
     * end the provider's session hours later (RP-initiated logout with the ID token as hint).
     */
    static OidcTenantConfig browserTenant(OidcSettings settings, Duration longestSession) {
        var builder = OidcTenantConfig.authServerUrl(settings.issuer().orElseThrow())
                .tenantId(BROWSER_TENANT)
                .clientId(settings.clientId().orElse("agora"))
                .credentials(settings.clientSecret().orElse(""))
                .applicationType(ApplicationType.WEB_APP);
        // Cognito advertises no end_session_endpoint: its hosted UI's /logout (AGORA_OIDC_LOGOUT_URL) stands in
        settings.logoutUrl().filter(url -> !url.isBlank()).ifPresent(builder::endSessionPath);
        var logout = builder.logout()
                .path(LOGOUT_PATH)
                .postLogoutPath(SIGNED_OUT_PATH);
        if (settings.cognito()) {
            // Cognito's /logout?client_id=...&logout_uri=... instead of post_logout_redirect_uri
            logout.postLogoutUriParam("logout_uri")
                    .extraParam("client_id", settings.clientId().orElse("agora"));
        }
        logout.end();
        // an expired ID token is refreshed rather than the session dropped: what the session age extension needs
        builder.token().refreshExpired(true).end();
        return builder.authentication()
                    .pkceRequired()
                    .scopes("profile", "email") // and openid, which Quarkus adds
                    .redirectPath(CALLBACK_PATH)
                    .restorePathAfterRedirect()
                    .errorPath(FAILED_PATH)
                    .cookiePath(BROWSER_PATH.substring(0, BROWSER_PATH.length() - 1))
                    .sessionAgeExtension(longestSession.plusMinutes(5))
                    .javaScriptAutoRedirect(false)
                    .end()
                .build();
    }
}
