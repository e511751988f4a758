package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.agora.support.Api;
import dev.agora.support.People;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A local account and a provider identity of the same name are two accounts until an administrator links them
 * (PUT /api/v1/admin/users/{username}/sso-identity); then sign-in through the provider lands in the local account.
 */
@QuarkusTest
class LinkingAccountsSpec {

    @Inject
    SingleSignOn sso;

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    final ProviderIdentities provider = new ProviderIdentities();
    String local;

    @BeforeEach
    void aLocalAccount() {
        local = new People(accounts, directory).person("u-local");
    }

    static String path(String username) {
        return "/api/v1/admin/users/" + username + "/sso-identity";
    }

    @Nested
    class An_admin_who_links_a_local_account {

        @Test
        void makes_the_provider_sign_in_land_in_it() {
            String subject = ProviderIdentities.subject();
            Api.as("admin").body(Map.of("subject", subject, "issuer", provider.issuer)).put(path(local))
                    .then().statusCode(200)
                    .body("username", equalTo(local)).body("subject", equalTo(subject))
                    .body("issuer", equalTo(provider.issuer));

            SignedInAccount account = sso.signIn(provider.person(subject, local + "-elsewhere", Set.of()),
                    "browser");

            assertThat(account.username()).isEqualTo(local);
            Api.as(local).get("/api/v1/me").then().statusCode(200); // the password still works
            Api.as("admin").get("/api/v1/admin/users").then().statusCode(200)
                    .body("find { it.username == '" + local + "' }.signsInWith",
                            containsInAnyOrder("password", "single sign-on"))
                    .body("find { it.username == '" + local + "' }.kind", equalTo("PERSON"))
                    .body("find { it.username == '" + local + "' }.ssoIssuer", equalTo(provider.issuer));
        }

        @Test
        void is_told_which_account_holds_the_identity_and_may_link_once_it_is_unlinked() {
            String subject = ProviderIdentities.subject();
            String holder = sso.signIn(provider.person(subject, local, Set.of()), "browser").username();
            assertThat(holder).isNotEqualTo(local);

            Api.as("admin").body(Map.of("subject", subject, "issuer", provider.issuer)).put(path(local))
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("'" + holder + "'"))
                    .body("account", equalTo(holder));

            Api.as("admin").delete(path(holder)).then().statusCode(204);
            Api.as("admin").body(Map.of("subject", subject, "issuer", provider.issuer)).put(path(local))
                    .then().statusCode(200);
            assertThat(sso.signIn(provider.person(subject, local, Set.of()), "browser").username())
                    .isEqualTo(local);
        }

        @Test
        void takes_the_identity_from_an_account_deactivated_for_it() {
            String subject = ProviderIdentities.subject();
            String holder = sso.signIn(provider.person(subject, local, Set.of()), "browser").username();
            Api.as("admin").post("/api/v1/admin/users/" + holder + "/disable").then().statusCode(204);

            Api.as("admin").body(Map.of("subject", subject, "issuer", provider.issuer)).put(path(local))
                    .then().statusCode(200);

            assertThat(sso.signIn(provider.person(subject, local, Set.of()), "browser").username())
                    .isEqualTo(local);
            Api.as("admin").get("/api/v1/admin/users").then()
                    .body("find { it.username == '" + holder + "' }.ssoIssuer", nullValue());
        }

        @Test
        void and_unlinks_it_again_so_that_the_next_provider_sign_in_opens_an_account_of_its_own() {
            String subject = ProviderIdentities.subject();
            Api.as("admin").body(Map.of("subject", subject, "issuer", provider.issuer)).put(path(local))
                    .then().statusCode(200);

            Api.as("admin").delete(path(local)).then().statusCode(204);

            assertThat(sso.signIn(provider.person(subject, local, Set.of()), "browser").username())
                    .isNotEqualTo(local);
            Api.as("admin").get("/api/v1/admin/users").then()
                    .body("find { it.username == '" + local + "' }.signsInWith", containsInAnyOrder("password"));
        }
    }

    @Nested
    class A_link_that_cannot_be_made {

        @Test
        void lacks_an_issuer_when_no_provider_is_configured() {
            Api.as("admin").body(Map.of("subject", "abc")).put(path(local))
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("issuer"))
                    .body("errors[0].message", containsString("AGORA_OIDC_ISSUER"));
        }

        @Test
        void lacks_a_subject_or_has_a_malformed_one() {
            Api.as("admin").body(Map.of("issuer", provider.issuer)).put(path(local))
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("subject"));
            Api.as("admin").body(Map.of("issuer", "not a url", "subject", "x".repeat(256))).put(path(local))
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("issuer", "subject"));
        }

        @Test
        void has_no_body() {
            Api.as("admin").body("null").put(path(local)).then().statusCode(400)
                    .contentType("application/problem+json");
        }

        @Test
        void names_an_account_that_does_not_exist() {
            Api.as("admin").body(Map.of("subject", "abc", "issuer", provider.issuer)).put(path("nobody-here"))
                    .then().statusCode(404);
        }

        @Test
        void is_asked_for_by_someone_who_is_not_an_admin() {
            Api.as(local).body(Map.of("subject", "abc", "issuer", provider.issuer)).put(path(local))
                    .then().statusCode(403);
            Api.as("olivia").delete(path("admin")).then().statusCode(403);
        }
    }
}
