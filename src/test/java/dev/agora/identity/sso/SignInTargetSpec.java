package dev.agora.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** After signing in through the provider the browser goes on to a page of Agora, and nowhere else. */
class SignInTargetSpec {

    @Test
    void a_path_of_agora_with_its_query_is_where_the_browser_goes() {
        assertThat(SignInTarget.of("/catalog")).isEqualTo("/catalog");
        assertThat(SignInTarget.of("/products/orders?tab=ports")).isEqualTo("/products/orders?tab=ports");
    }

    @Test
    void another_site_in_any_disguise_is_replaced_by_the_start_page() {
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example",
                "evil.example", "/%0d%0aSet-Cookie:x=y".replace("%0d%0a", "\r\n"), "/a b", "/\\/evil.example",
                "javascript:alert(1)", ""}) {
            assertThat(SignInTarget.of(elsewhere)).as(elsewhere).isEqualTo("/");
        }
        assertThat(SignInTarget.of(null)).isEqualTo("/");
    }

    @Test
    void sign_in_pages_and_overlong_paths_lead_to_the_start_page() {
        assertThat(SignInTarget.of("/login?error")).isEqualTo("/");
        assertThat(SignInTarget.of("/sso/login?to=/sso/login")).isEqualTo("/");
        assertThat(SignInTarget.of("/" + "a".repeat(SignInTarget.MAX_LENGTH))).isEqualTo("/");
        assertThat(SignInTarget.of("/loginsomething")).isEqualTo("/loginsomething");
    }
}
