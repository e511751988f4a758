package dev.agora.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.OidcTenantConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser's authorization-code flow as Agora asks Quarkus for it. */
class OidcTenantsSpec {

    @Test
    void the_browser_flow_uses_pkce_the_callback_under_sso_and_a_cookie_limited_to_it() {
        OidcTenantConfig config = OidcTenants.browserTenant(Provider.keycloakRealm(), Duration.ofHours(12));

        assertThat(config.authentication().pkceRequired()).contains(true);
        assertThat(config.authentication().redirectPath()).contains("/sso/callback");
        assertThat(config.authentication().restorePathAfterRedirect()).isTrue();
        assertThat(config.authentication().cookiePath()).isEqualTo("/sso");
        assertThat(config.authentication().scopes()).contains(List.of("profile", "email"));
        assertThat(config.credentials().secret()).contains("s3cret");
        assertThat(config.logout().path()).contains("/sso/logout");
        assertThat(config.logout().postLogoutPath()).contains("/sso/signed-out");
        assertThat(config.endSessionPath()).isEmpty();
    }

    @Test
    void the_provider_session_outlives_the_id_token_by_the_longest_agora_session() {
        OidcTenantConfig config = OidcTenants.browserTenant(Provider.keycloakRealm(), Duration.ofHours(12));

        assertThat(config.token().refreshExpired()).isTrue();
        assertThat(config.authentication().sessionAgeExtension()).hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(Duration.ofHours(12)));
    }

    @Test
    void cognito_signs_out_at_its_hosted_ui_with_client_id_and_logout_uri() {
        OidcTenantConfig config = OidcTenants.browserTenant(Provider.cognitoPool(), Duration.ofHours(12));

        assertThat(config.endSessionPath()).contains("https://agora.auth.eu-west-1.amazoncognito.com/logout");
        assertThat(config.logout().postLogoutUriParam()).isEqualTo("logout_uri");
        assertThat(config.logout().extraParams()).containsEntry("client_id", "agora");
    }
}
