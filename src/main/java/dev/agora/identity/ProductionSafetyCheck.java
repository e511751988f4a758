package dev.agora.identity;

import dev.agora.platform.DemoSettings;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A real deployment (demo mode off) refuses to start with settings that would make it unsafe: no session key,
 * or an account that can still be opened with the published demo password. Each refusal names the setting or
 * action that fixes it, on one line.
 */
@ApplicationScoped
public class ProductionSafetyCheck {

    public static final int STARTUP_PRIORITY = BootstrapAdmin.STARTUP_PRIORITY + 10;
    static final String PUBLISHED_DEMO_PASSWORD = "agora-demo";
    static final int MIN_SESSION_KEY_LENGTH = 16;
    static final int MIN_DISTINCT_CHARACTERS = 10;
    /** Keys printed in Agora's own files: anyone can read them, so they protect nothing. */
    static final Set<String> EXAMPLE_SESSION_KEYS = Set.of("change-me-to-a-long-random-secret",
            "test-session-key-of-agora-0123456789");
    private static final Pattern REPEATED = Pattern.compile("^(.+?)\\1+$", Pattern.DOTALL);

    private static final Logger LOG = Logger.getLogger(ProductionSafetyCheck.class);

    private final DemoSettings demo;
    private final LocalAccounts accounts;
    private final Optional<String> sessionKey;
    private final ApiSignInSettings api;
    private final OidcSettings oidc;

    ProductionSafetyCheck(DemoSettings demo, LocalAccounts accounts,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey,
            ApiSignInSettings api, OidcSettings oidc) {
        this.demo = demo;
        this.accounts = accounts;
        this.sessionKey = sessionKey;
        this.api = api;
        this.oidc = oidc;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start) {
        warnings(api.basicAuth(), oidc.issuer()).forEach(LOG::warn);
        if (demo.enabled()) {
            if (sessionKey.isEmpty()) {
                LOG.warn("No AGORA_SESSION_KEY: sessions end when Agora restarts (fine for a demo).");
            }
            return;
        }
        List<String> refusals = refusals(sessionKey);
        if (!refusals.isEmpty()) {
            // Quarkus prints a ConfigurationException as its message alone: one line, no stack trace
            throw new ConfigurationException("Agora refuses to start: " + String.join(" Also: ", refusals));
        }
    }

    /** What is allowed but unwise, as sentences that say what to set. */
    static List<String> warnings(boolean basicAuth, Optional<String> oidcIssuer) {
        if (basicAuth && oidcIssuer.filter(issuer -> !issuer.isBlank()).isPresent()) {
            return List.of("HTTP Basic with passwords is still accepted on the API although single sign-on is "
                    + "configured (AGORA_OIDC_ISSUER): set AGORA_API_BASIC_AUTH=false and let scripts use personal "
                    + "API tokens or the provider's tokens.");
        }
        return List.of();
    }

    /** Why a session key of sufficient length is still guessable, if it is. */
    static Optional<String> weakness(String key) {
        if (EXAMPLE_SESSION_KEYS.contains(key.strip())) {
            return Optional.of("is an example published with Agora");
        }
        if (key.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("has fewer than " + MIN_DISTINCT_CHARACTERS + " distinct characters");
        }
        if (REPEATED.matcher(key).matches()) {
            return Optional.of("is a short pattern repeated");
        }
        return Optional.empty();
    }

    /** What makes this deployment unsafe, as sentences that say what to set; empty when it is safe. */
    List<String> refusals(Optional<String> sessionKey) {
        List<String> refusals = new ArrayList<>();
        if (sessionKey.map(String::length).orElse(0) < MIN_SESSION_KEY_LENGTH) {
            refusals.add("set AGORA_SESSION_KEY to a secret of at least " + MIN_SESSION_KEY_LENGTH
                    + " characters (it encrypts the session cookie).");
        } else {
            weakness(sessionKey.get()).ifPresent(why -> refusals.add("AGORA_SESSION_KEY " + why
                    + ": set it to a random secret, e.g. $(openssl rand -base64 32)."));
        }
        List<String> demoPasswords = new ArrayList<>(List.of(PUBLISHED_DEMO_PASSWORD));
        if (!demo.password().equals(PUBLISHED_DEMO_PASSWORD)) {
            demoPasswords.add(demo.password());
        }
        List<String> exposed = demoPasswords.stream()
                .flatMap(password -> accounts.enabledAccountsWithPassword(password).stream())
                .distinct()
                .sorted()
                .toList();
        if (!exposed.isEmpty()) {
            refusals.add("the account(s) " + String.join(", ", exposed) + " still have the demo password: "
                    + "change their passwords (PUT /api/v1/me/password or the user menu) or disable them, "
                    + "then start again with AGORA_DEMO=false.");
        }
        return refusals;
    }
}
