package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.support.Settings;
import dev.agora.platform.DemoSettings;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * With demo mode off (a real deployment), Agora refuses to start while it would be unsafe, and says on one line
 * what to set or do. The check runs here against the real accounts of the test database.
 */
@QuarkusTest
class ProductionSafetySpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    OidcSettings oidc;

    private static DemoSettings demo(boolean enabled) {
        return Settings.demo(enabled);
    }

    private ProductionSafetyCheck realDeployment(Optional<String> sessionKey) {
        return new ProductionSafetyCheck(demo(false), accounts, sessionKey, () -> true, oidc);
    }

    @Nested
    class A_real_deployment {

        @Test
        void refuses_to_start_without_a_session_key_naming_the_setting_on_one_line() {
            assertThatThrownBy(() -> realDeployment(Optional.empty()).onStart(new StartupEvent()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("AGORA_SESSION_KEY")
                    .hasMessageNotContaining("\n");
        }

        @Test
        void refuses_to_start_while_accounts_still_have_the_demo_password_and_names_them() {
            var refusals = realDeployment(Optional.of("a-session-key-long-enough")).refusals(
                    Optional.of("a-session-key-long-enough"));

            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0)).contains("admin", "marco", "olivia", "stella").contains("demo password");
        }

        @Test
        void refuses_a_session_key_that_is_too_short() {
            assertThat(realDeployment(Optional.of("short")).refusals(Optional.of("short")))
                    .anySatisfy(refusal -> assertThat(refusal).contains("AGORA_SESSION_KEY"));
        }
    }

    @Nested
    class A_session_key {

        private java.util.List<String> refusalsFor(String key) {
            return realDeployment(Optional.of(key)).refusals(Optional.of(key));
        }

        @Test
        void that_is_the_example_in_docker_compose_is_refused() {
            assertThat(refusalsFor("change-me-to-a-long-random-secret"))
                    .anySatisfy(refusal -> assertThat(refusal).contains("AGORA_SESSION_KEY", "example"));
        }

        @Test
        void with_too_few_distinct_characters_is_refused() {
            assertThat(refusalsFor("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"))
                    .anySatisfy(refusal -> assertThat(refusal).contains("AGORA_SESSION_KEY", "distinct characters"));
        }

        @Test
        void that_repeats_a_short_pattern_is_refused() {
            assertThat(refusalsFor("abcdefghijabcdefghijabcdefghij"))
                    .anySatisfy(refusal -> assertThat(refusal).contains("AGORA_SESSION_KEY", "repeated"));
        }

        @Test
        void that_is_random_is_accepted() {
            assertThat(ProductionSafetyCheck.weakness("q3J8vZ+u1Lx0R7yWmC2bT5nE9hK4sA6d")).isEmpty();
        }
    }

    @Nested
    class The_demo {

        @Test
        void starts_with_the_demo_password_and_without_a_session_key() {
            new ProductionSafetyCheck(demo(true), accounts, Optional.empty(), () -> true, oidc)
                    .onStart(new StartupEvent());
        }
    }

    @Nested
    class HTTP_Basic_on_the_api {

        private static final Optional<String> OIDC = Optional.of("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x");

        @Test
        void is_warned_about_while_single_sign_on_is_configured() {
            assertThat(ProductionSafetyCheck.warnings(true, OIDC)).singleElement().asString()
                    .contains("AGORA_API_BASIC_AUTH=false").doesNotContain("\n");
        }

        @Test
        void is_not_warned_about_when_switched_off_or_without_single_sign_on() {
            assertThat(ProductionSafetyCheck.warnings(false, OIDC)).isEmpty();
            assertThat(ProductionSafetyCheck.warnings(true, Optional.empty())).isEmpty();
            assertThat(ProductionSafetyCheck.warnings(true, Optional.of(" "))).isEmpty();
        }
    }
}
