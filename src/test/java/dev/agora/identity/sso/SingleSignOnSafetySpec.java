package dev.agora.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.identity.LocalAccountSettings;
import dev.agora.platform.DemoSettings;
import org.junit.jupiter.api.Test;

/** A real deployment refuses a provider reached in clear, and hears about single sign-on settings rarely meant. */
class SingleSignOnSafetySpec {

    private static final LocalAccountSettings LOCAL_ON = () -> true;

    private static SingleSignOnSafetyCheck check(boolean demo, Provider provider, LocalAccountSettings local) {
        return new SingleSignOnSafetyCheck(demo(demo), provider, local);
    }

    private static DemoSettings demo(boolean on) {
        return new DemoSettings() {
            @Override
            public boolean enabled() {
                return on;
            }

            @Override
            public String password() {
                return "agora-demo";
            }
        };
    }

    @Test
    void a_real_deployment_refuses_a_plain_http_issuer_on_another_host() {
        Provider clear = Provider.keycloakRealm().withIssuer("http://sso.example.org/realms/agora");

        assertThat(check(false, clear, LOCAL_ON).refusals()).singleElement().asString()
                .contains("AGORA_OIDC_ISSUER").contains("https://");
        assertThat(check(true, clear, LOCAL_ON).refusals()).isEmpty();
        assertThat(check(false, Provider.keycloakRealm().withIssuer("http://localhost:8180/realms/agora"), LOCAL_ON)
                .refusals()).isEmpty();
        assertThat(check(false, Provider.keycloakRealm(), LOCAL_ON).refusals()).isEmpty();
    }

    @Test
    void a_missing_client_secret_and_no_way_in_at_all_are_warned_of() {
        assertThat(check(false, Provider.keycloakRealm().withoutSecret(), LOCAL_ON).warnings()).singleElement()
                .asString().contains("AGORA_OIDC_CLIENT_SECRET");
        assertThat(check(false, Provider.keycloakRealm().withIssuer(null), () -> false).warnings()).singleElement()
                .asString().contains("nobody can sign in");
        assertThat(check(false, Provider.keycloakRealm(), LOCAL_ON).warnings()).isEmpty();
    }
}
