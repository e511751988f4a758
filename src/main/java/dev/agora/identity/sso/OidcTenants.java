package dev.agora.identity.sso;

import dev.agora.identity.OidcSettings;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

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

    private final OidcSettings settings;
    private volatile OidcTenantConfig api;
    private volatile OidcTenantConfig browser;

    OidcTenants(OidcSettings settings) {
        this.settings = settings;
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
            config = OidcTenantConfig.authServerUrl(settings.issuer().orElseThrow())
                    .tenantId(API_TENANT)
                    .clientId(settings.clientId().orElse("agora"))
                    .applicationType(ApplicationType.SERVICE)
                    .build();
            api = config;
        }
        return config;
    }

    OidcTenantConfig browserTenant() {
        OidcTenantConfig config = browser;
        if (config == null) {
            config = OidcTenantConfig.authServerUrl(settings.issuer().orElseThrow())
                    .tenantId(BROWSER_TENANT)
                    .clientId(settings.clientId().orElse("agora"))
                    .credentials(settings.clientSecret().orElse(""))
                    .applicationType(ApplicationType.WEB_APP)
                    .authentication()
                        .pkceRequired()
                        .cookiePath(BROWSER_PATH.substring(0, BROWSER_PATH.length() - 1))
                        .end()
                    .build();
            browser = config;
        }
        return config;
    }
}
