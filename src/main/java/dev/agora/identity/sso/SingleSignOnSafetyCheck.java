package dev.agora.identity.sso;

import dev.agora.identity.LocalAccountSettings;
import dev.agora.identity.OidcSettings;
import dev.agora.identity.ProductionSafetyCheck;
import dev.agora.platform.DemoSettings;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The single sign-on part of the production safety check (beside {@link ProductionSafetyCheck}): a real deployment
 * (demo mode off) refuses an issuer reached over plain http:// on another host — tokens and the client secret would
 * cross the network in clear — and warns of settings that work but are rarely meant: no client secret (a public
 * client), and local accounts switched off without a provider (nobody could sign in).
 */
@ApplicationScoped
public class SingleSignOnSafetyCheck {

    private static final Logger LOG = Logger.getLogger(SingleSignOnSafetyCheck.class);

    private final DemoSettings demo;
    private final OidcSettings oidc;
    private final LocalAccountSettings localAccounts;

    SingleSignOnSafetyCheck(DemoSettings demo, OidcSettings oidc, LocalAccountSettings localAccounts) {
        this.demo = demo;
        this.oidc = oidc;
        this.localAccounts = localAccounts;
    }

    void onStart(@Observes @Priority(ProductionSafetyCheck.STARTUP_PRIORITY) StartupEvent start) {
        warnings().forEach(LOG::warn);
        List<String> refusals = refusals();
        if (!refusals.isEmpty()) {
            throw new ConfigurationException("Agora refuses to start: " + String.join(" Also: ", refusals));
        }
    }

    List<String> refusals() {
        List<String> refusals = new ArrayList<>();
        if (!demo.enabled() && oidc.enabled() && plainHttp() && !loopback()) {
            refusals.add("AGORA_OIDC_ISSUER " + oidc.issuer().get() + " is plain http: use the provider's https:// "
                    + "issuer (tokens and the client secret would cross the network in clear).");
        }
        return refusals;
    }

    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (oidc.enabled() && oidc.clientSecret().filter(s -> !s.isBlank()).isEmpty()) {
            warnings.add("Single sign-on without AGORA_OIDC_CLIENT_SECRET: Agora signs in as a public client "
                    + "(PKCE alone). Give Agora's app client a secret at the provider and set it.");
        }
        if (oidc.enabled() && plainHttp() && (demo.enabled() || loopback())) {
            warnings.add("AGORA_OIDC_ISSUER is plain http: fine on this machine, never across a network.");
        }
        if (!oidc.enabled() && !localAccounts.enabled()) {
            warnings.add("AGORA_LOCAL_ACCOUNTS=false without AGORA_OIDC_ISSUER: nobody can sign in.");
        }
        return warnings;
    }

    private boolean plainHttp() {
        return oidc.issuer().orElse("").regionMatches(true, 0, "http://", 0, 7);
    }

    private boolean loopback() {
        try {
            String host = URI.create(oidc.issuer().orElse("")).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
