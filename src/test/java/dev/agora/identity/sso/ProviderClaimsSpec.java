package dev.agora.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.identity.ExternalIdentity;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What Agora reads from a verified ID token: subject as the key, names, e-mail, and the groups claim. */
class ProviderClaimsSpec {

    private static Map<String, Object> token(Object... claims) {
        Map<String, Object> token = new HashMap<>(Map.of("iss", "https://sso.example.org/realms/agora",
                "sub", "f3a1-77", "preferred_username", "olivia", "name", "Olivia Owner",
                "email", "olivia@example.org"));
        for (int i = 0; i < claims.length; i += 2) {
            token.put((String) claims[i], claims[i + 1]);
        }
        return token;
    }

    @Test
    void a_keycloak_token_gives_subject_names_email_and_groups() {
        ExternalIdentity who = ProviderTokenClaims.read(new JsonObject(token("groups",
                List.of("sales-owners", "agora-admins"))), Provider.keycloakRealm());

        assertThat(who.subject()).isEqualTo("f3a1-77");
        assertThat(who.issuer()).isEqualTo("https://sso.example.org/realms/agora");
        assertThat(who.preferredUsername()).isEqualTo("olivia");
        assertThat(who.displayName()).isEqualTo("Olivia Owner");
        assertThat(who.email()).isEqualTo("olivia@example.org");
        assertThat(who.groups()).contains(Set.of("sales-owners", "agora-admins"));
        assertThat(who.isClient()).isFalse();
    }

    @Test
    void a_cognito_token_names_its_groups_and_username_in_its_own_claims() {
        ExternalIdentity who = ProviderTokenClaims.read(new JsonObject(token("cognito:groups", List.of("sales-owners"),
                "cognito:username", "olivia.c", "groups", List.of("not-these"))), Provider.cognitoPool());

        assertThat(who.preferredUsername()).isEqualTo("olivia.c");
        assertThat(who.groups()).contains(Set.of("sales-owners"));
    }

    @Test
    void a_token_without_a_groups_claim_leaves_memberships_alone_and_an_empty_one_removes_them() {
        assertThat(ProviderTokenClaims.read(new JsonObject(token()), Provider.keycloakRealm()).groups()).isEmpty();
        assertThat(ProviderTokenClaims.read(new JsonObject(token("groups", List.of())), Provider.keycloakRealm()).groups())
                .contains(Set.of());
        assertThat(ProviderTokenClaims.read(new JsonObject(token("groups", "only-one")), Provider.keycloakRealm()).groups())
                .contains(Set.of("only-one"));
    }

    @Test
    void implausible_tokens_are_refused() {
        List<String> tooMany = IntStream.rangeClosed(0, ExternalIdentity.MAX_GROUPS).mapToObj(i -> "g" + i).toList();
        assertThatThrownBy(() -> ProviderTokenClaims.read(new JsonObject(token("groups", tooMany)), Provider.keycloakRealm()))
                .isInstanceOf(ProviderTokenClaims.Unusable.class);
        assertThatThrownBy(() -> ProviderTokenClaims.read(new JsonObject(token("groups", List.of("x".repeat(256)))),
                Provider.keycloakRealm())).isInstanceOf(ProviderTokenClaims.Unusable.class);
        assertThatThrownBy(() -> ProviderTokenClaims.read(new JsonObject(token("sub", "")), Provider.keycloakRealm()))
                .isInstanceOf(ProviderTokenClaims.Unusable.class);
    }
}
