package dev.agora.identity;

import dev.agora.audit.AuditLog;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password against the local accounts: for the login form and for HTTP Basic on the API.
 * Failed attempts and form sign-ins are written to the audit trail.
 */
@ApplicationScoped
public class LocalAccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String DISPLAY_NAME = "displayName";

    private final LocalAccounts accounts;
    private final AuditLog audit;

    LocalAccountIdentityProvider(LocalAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = Username.normalise(request.getUsername());
            String password = new String(request.getPassword().getPassword());
            String via = signInChannel(request);
            Optional<SignedInAccount> account = accounts.verify(username, password);
            if (account.isEmpty()) {
                audit.recordAlone(username, "identity.sign-in.failed", "user", username, Map.of("via", via));
                throw new AuthenticationFailedException("wrong username or password");
            }
            if (via.equals("login-form")) {
                audit.recordAlone(username, "identity.sign-in.succeeded", "user", username, Map.of("via", via));
            }
            return identityOf(account.get());
        });
    }

    static SecurityIdentity identityOf(SignedInAccount account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles())
                .addAttribute(DISPLAY_NAME, account.displayName())
                .build();
    }

    private static String signInChannel(UsernamePasswordAuthenticationRequest request) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return http != null && http.normalizedPath().endsWith("/j_security_check") ? "login-form" : "http-basic";
    }
}
