package dev.agora.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Settings;
import dev.agora.platform.DemoSettings;
import dev.agora.platform.ListenAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A demo's accounts share a published password: a demo listens on loopback unless told otherwise, and a real
 * deployment keeps metrics, OpenAPI and Swagger UI for administrators.
 */
@QuarkusTest
class DemoModeIsSafeByDefaultSpec {

    private static DemoSettings demo(boolean enabled) {
        return Settings.demo(enabled);
    }

    private static boolean permitted(boolean demo, SecurityIdentity who) {
        return new OperationsEndpointsPolicy(demo(demo)).checkPermission(null, Uni.createFrom().item(who), null)
                .await().indefinitely().isPermitted();
    }

    private static SecurityIdentity signedIn(String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("someone")).addRole(role).build();
    }

    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

    @Nested
    class The_listen_address {

        @Test
        void is_loopback_in_demo_mode() {
            assertThat(ListenAddress.host(Optional.empty(), true)).isEqualTo("127.0.0.1");
        }

        @Test
        void is_every_interface_in_a_real_deployment() {
            assertThat(ListenAddress.host(Optional.empty(), false)).isEqualTo("0.0.0.0");
        }

        @Test
        void is_what_agora_listen_says_when_set() {
            assertThat(ListenAddress.host(Optional.of("0.0.0.0"), true)).isEqualTo("0.0.0.0");
            assertThat(ListenAddress.host(Optional.of(" "), true)).isEqualTo("127.0.0.1");
        }

        @Test
        void is_given_to_quarkus_as_its_http_host_in_production() {
            var settings = new java.util.HashMap<String, String>(java.util.Map.of("agora.demo.enabled", "true"));
            io.smallrye.config.ConfigSourceContext context = new io.smallrye.config.ConfigSourceContext() {
                @Override
                public io.smallrye.config.ConfigValue getValue(String name) {
                    return io.smallrye.config.ConfigValue.builder().withName(name).withValue(settings.get(name)).build();
                }

                @Override
                public java.util.Iterator<String> iterateNames() {
                    return settings.keySet().iterator();
                }

                @Override
                public java.util.List<String> getProfiles() {
                    return java.util.List.of("prod");
                }
            };

            var sources = new ListenAddress().getConfigSources(context).iterator();
            assertThat(sources.next().getValue("quarkus.http.host")).isEqualTo("127.0.0.1");
            settings.put("agora.listen", "0.0.0.0");
            assertThat(new ListenAddress().getConfigSources(context).iterator().next().getValue("quarkus.http.host"))
                    .isEqualTo("0.0.0.0");
        }

        @Test
        void is_said_in_one_line_at_start() {
            assertThat(dev.agora.platform.DemoModeNotice.line("127.0.0.1")).contains("127.0.0.1 only")
                    .contains("AGORA_LISTEN").doesNotContain("\n");
            assertThat(dev.agora.platform.DemoModeNotice.line("0.0.0.0")).contains("anyone").doesNotContain("\n");
        }
    }

    @Nested
    class Metrics_openapi_and_swagger_ui {

        @Test
        void need_an_administrator_outside_demo_mode() {
            assertThat(permitted(false, ANONYMOUS)).isFalse();
            assertThat(permitted(false, signedIn(Roles.USER))).isFalse();
            assertThat(permitted(false, signedIn(Roles.ADMIN))).isTrue();
        }

        @Test
        void are_open_in_demo_mode() {
            assertThat(permitted(true, ANONYMOUS)).isTrue();
            given().get("/q/openapi").then().statusCode(200);
        }
    }
}
