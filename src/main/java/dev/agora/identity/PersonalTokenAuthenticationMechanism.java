package dev.agora.identity;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads a personal API token from {@code Authorization: Bearer agora_pat_…}; any other Authorization value (HTTP
 * Basic, a provider's JWT) is left to the mechanism it belongs to. Selected for the API by the name
 * {@value #SCHEME} in {@code quarkus.http.auth.permission.api.auth-mechanism}.
 */
@ApplicationScoped
public class PersonalTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SCHEME = "agora-token";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).strip();
        if (!token.startsWith(PersonalTokens.PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        PersonalTokenAuthenticationRequest request = new PersonalTokenAuthenticationRequest(token);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"Agora\""));
    }

    /**
     * Before HTTP Basic and the provider's bearer-JWT mechanism (quarkus-oidc), so that an {@code agora_pat_} token
     * is never sent to the provider for verification; other values pass through untouched.
     */
    @Override
    public int getPriority() {
        return BasicAuthenticationMechanism.PRIORITY + 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(PersonalTokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer",
                SCHEME));
    }
}
