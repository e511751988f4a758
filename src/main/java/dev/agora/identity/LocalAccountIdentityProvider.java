package dev.agora.identity;

import dev.agora.audit.AuditLog;
import dev.agora.platform.web.ApiAuthenticationFailureHandler;
import dev.agora.platform.web.SessionCookies;
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
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password against the local accounts: for the login form and for HTTP Basic on the API.
 * A name that cannot be a username is refused before any password hashing or auditing; repeated failures are
 * slowed down and then refused for a while ({@link SignInThrottle}); failures reach the audit trail aggregated
 * ({@link FailedSignIns}), form sign-ins one by one.
 */
@ApplicationScoped
public class LocalAccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String DISPLAY_NAME = "displayName";

    private final LocalAccounts accounts;
    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final FailedSignIns failures;
    private final SessionTickets tickets;
    private final ApiSignInSettings api;
    private final LocalAccountSettings localAccounts;

    static final String BASIC_SWITCHED_OFF = "HTTP Basic with a password is switched off on this Agora "
            + "(AGORA_API_BASIC_AUTH=false): send a personal API token instead, as 'Authorization: Bearer agora_pat_…' "
            + "(create one in the user menu, API tokens).";

    LocalAccountIdentityProvider(LocalAccounts accounts, AuditLog audit, SignInThrottle throttle,
            FailedSignIns failures, SessionTickets tickets, ApiSignInSettings api,
            LocalAccountSettings localAccounts) {
        this.tickets = tickets;
        this.api = api;
        this.localAccounts = localAccounts;
        this.accounts = accounts;
        this.audit = audit;
        this.throttle = throttle;
        this.failures = failures;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!localAccounts.enabled()) {
            // AGORA_LOCAL_ACCOUNTS=false: no password opens an account, neither on the form nor over HTTP Basic
            return Uni.createFrom().failure(new AuthenticationFailedException("local accounts are switched off"));
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String via = signInChannel(http);
        if (via.equals("http-basic") && !api.basicAuth()) {
            // refused before any throttling, hashing or auditing: the password is not even looked at
            return Uni.createFrom().failure(new AuthenticationFailedException("HTTP Basic is switched off",
                    Map.of(ApiAuthenticationFailureHandler.PROBLEM_DETAIL, BASIC_SWITCHED_OFF)));
        }
        String address = clientAddress(http);
        String username = Username.normalise(request.getUsername());
        boolean wellFormed = Username.isWellFormed(username);
        SignInThrottle.Verdict verdict = throttle.before(wellFormed ? username : null, address);
        if (verdict.refused()) {
            long seconds = Math.max(1, (verdict.retryAfter().get().toMillis() + 999) / 1000);
            if (http != null) {
                http.put(ApiAuthenticationFailureHandler.RETRY_AFTER_SECONDS, seconds);
            }
            return Uni.createFrom().failure(new AuthenticationFailedException("too many failed sign-ins",
                    Map.of(ApiAuthenticationFailureHandler.RETRY_AFTER_SECONDS, seconds)));
        }
        if (!wellFormed) {
            throttle.failed(null, address);
            return Uni.createFrom().failure(new AuthenticationFailedException("not a username"));
        }
        String password = new String(request.getPassword().getPassword());
        Uni<SecurityIdentity> check = context.runBlocking(() -> {
            SecurityIdentity identity = check(username, password, address, via);
            if (http != null && via.equals("login-form")) {
                http.put(SessionCookies.NEW_TICKET, tickets.issue(username, accounts.sessionVersion(username)));
            }
            return identity;
        });
        Duration delay = verdict.delay();
        // a non-blocking wait: a slowed-down guesser holds no worker thread
        return delay.isZero() ? check : Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                .onItem().transformToUni(ignored -> check);
    }

    private SecurityIdentity check(String username, String password, String address, String via) {
        Optional<SignedInAccount> account = accounts.verify(username, password);
        if (account.isEmpty()) {
            throttle.failed(username, address);
            failures.add(username, address, via);
            throw new AuthenticationFailedException("wrong username or password");
        }
        throttle.succeeded(username);
        if (via.equals("login-form")) {
            audit.recordAlone(username, "identity.sign-in.succeeded", "user", username, Map.of("via", via));
        }
        return identityOf(account.get());
    }

    /** The identity of a signed-in account, however it signed in (password, session, provider token). */
    public static SecurityIdentity identityOf(SignedInAccount account) {
        return identityOf(account, SessionTickets.VIA_FORM);
    }

    static SecurityIdentity identityOf(SignedInAccount account, String via) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles())
                .addAttribute(DISPLAY_NAME, account.displayName())
                .addAttribute(SessionIdentityProvider.SESSION_VIA, via)
                .build();
    }

    private static String signInChannel(RoutingContext http) {
        return http != null && http.normalizedPath().endsWith("/j_security_check") ? "login-form" : "http-basic";
    }

    private static String clientAddress(RoutingContext http) {
        return http == null || http.request().remoteAddress() == null ? "unknown"
                : http.request().remoteAddress().hostAddress();
    }
}
