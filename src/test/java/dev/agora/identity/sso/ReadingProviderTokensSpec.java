package dev.agora.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.identity.ExternalIdentity;
import dev.agora.identity.OidcSettings;
import dev.agora.support.SettableClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What Agora reads from a verified API token, and how it remembers tokens it has signed in with. */
class ReadingProviderTokensSpec {

    static final String ISSUER = "https://sso.example/realms/agora";

    static OidcSettings settings(String issuer) {
        return new OidcSettings() {
            public Optional<String> issuer() { return Optional.of(issuer); }
            public Optional<String> clientId() { return Optional.of("agora"); }
            public Optional<String> clientSecret() { return Optional.empty(); }
            public String providerName() { return "Keycloak"; }
            public Optional<String> groupsClaim() { return Optional.empty(); }
            public Optional<String> usernameClaim() { return Optional.empty(); }
            public String nameClaim() { return "name"; }
            public String emailClaim() { return "email"; }
            public Optional<List<String>> audience() { return Optional.empty(); }
            public Optional<String> clientTeams() { return Optional.empty(); }
            public Optional<String> logoutUrl() { return Optional.empty(); }
        };
    }

    static JsonObject person() {
        return new JsonObject().put("iss", ISSUER).put("sub", "f3a1-77").put("preferred_username", "pia")
                .put("name", "Pia Provider").put("email", "pia@example.org").put("azp", "agora");
    }

    static ExternalIdentity read(JsonObject claims) {
        return ProviderTokenClaims.read(claims, settings(ISSUER));
    }

    @Nested
    class A_persons_token {

        @Test
        void names_the_person_by_issuer_and_subject_with_name_and_email() {
            ExternalIdentity who = read(person().put("groups", new JsonArray().add("sales-owners").add(" ")));

            assertThat(who.issuer()).isEqualTo(ISSUER);
            assertThat(who.subject()).isEqualTo("f3a1-77");
            assertThat(who.preferredUsername()).isEqualTo("pia");
            assertThat(who.displayName()).isEqualTo("Pia Provider");
            assertThat(who.email()).isEqualTo("pia@example.org");
            assertThat(who.groups()).contains(Set.of("sales-owners"));
            assertThat(who.isClient()).isFalse();
        }

        @Test
        void without_a_groups_claim_leaves_memberships_alone() {
            assertThat(read(person()).groups()).isEmpty();
            assertThat(read(person().put("groups", new JsonArray())).groups()).contains(Set.of());
        }

        @Test
        void of_cognito_reads_cognito_groups_and_cognito_username() {
            OidcSettings cognito = settings("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC");
            JsonObject claims = new JsonObject().put("iss", cognito.issuer().get()).put("sub", "9d2e")
                    .put("cognito:username", "carla").put("username", "other")
                    .put("cognito:groups", new JsonArray().add("agora-admins")).put("client_id", "agora");

            ExternalIdentity who = ProviderTokenClaims.read(claims, cognito);

            assertThat(who.preferredUsername()).isEqualTo("carla");
            assertThat(who.groups()).contains(Set.of("agora-admins"));
            assertThat(who.isClient()).as("a person's Cognito token names Agora's client, not itself").isFalse();
        }

        @Test
        void without_any_name_claim_is_called_by_its_subject() {
            assertThat(read(new JsonObject().put("iss", ISSUER).put("sub", "only-a-subject")).preferredUsername())
                    .isEqualTo("only-a-subject");
        }

        @Test
        void with_groups_that_are_not_names_is_refused() {
            assertThatThrownBy(() -> read(person().put("groups", new JsonArray().add(7))))
                    .isInstanceOf(ProviderTokenClaims.Unusable.class);
            assertThatThrownBy(() -> read(person().put("groups", new JsonObject().put("a", "b"))))
                    .isInstanceOf(ProviderTokenClaims.Unusable.class);
        }

        @Test
        void with_implausibly_many_or_long_groups_is_refused() {
            JsonArray many = new JsonArray();
            IntStream.rangeClosed(0, ExternalIdentity.MAX_GROUPS).forEach(i -> many.add("group-" + i));
            assertThatThrownBy(() -> read(person().put("groups", many)))
                    .isInstanceOf(ProviderTokenClaims.Unusable.class).hasMessageContaining("more than");
            assertThatThrownBy(() -> read(person().put("groups", new JsonArray().add("g".repeat(256)))))
                    .isInstanceOf(ProviderTokenClaims.Unusable.class).hasMessageContaining("longer than");
        }

        @Test
        void without_a_subject_is_refused() {
            assertThatThrownBy(() -> read(person().put("sub", 42))).isInstanceOf(ProviderTokenClaims.Unusable.class);
            assertThatThrownBy(() -> read(person().put("sub", "s".repeat(300))))
                    .isInstanceOf(ProviderTokenClaims.Unusable.class);
        }
    }

    @Nested
    class A_pipelines_token {

        @Test
        void of_cognito_is_its_own_subject() {
            JsonObject claims = new JsonObject().put("iss", ISSUER).put("sub", "sales-etl").put("client_id", "sales-etl");

            assertThat(read(claims).clientId()).contains("sales-etl");
        }

        @Test
        void of_keycloak_is_the_service_account_of_its_client() {
            JsonObject claims = new JsonObject().put("iss", ISSUER).put("sub", "1b7c-service-user")
                    .put("azp", "sales-etl").put("preferred_username", "service-account-sales-etl");

            assertThat(read(claims).clientId()).contains("sales-etl");
        }

        @Test
        void is_not_claimed_by_a_person_named_like_another_clients_service_account() {
            JsonObject claims = new JsonObject().put("iss", ISSUER).put("sub", "1b7c").put("azp", "agora")
                    .put("preferred_username", "service-account-sales-etl");

            assertThat(read(claims).clientId()).isEmpty();
        }
    }

    @Nested
    class The_audience {

        @Test
        void is_agoras_in_aud_or_in_cognitos_client_id() throws Exception {
            List<String> accepted = List.of("agora", "sales-etl");
            JwtClaims forAgora = new JwtClaims();
            forAgora.setAudience("account", "agora");
            JwtClaims cognitoPipeline = new JwtClaims();
            cognitoPipeline.setClaim("client_id", "sales-etl");
            JwtClaims forAnother = new JwtClaims();
            forAnother.setAudience("billing");
            forAnother.setClaim("client_id", "billing");

            assertThat(ApiTokenAudience.refusal(forAgora, accepted)).isNull();
            assertThat(ApiTokenAudience.refusal(cognitoPipeline, accepted)).isNull();
            assertThat(ApiTokenAudience.refusal(forAnother, accepted)).contains("not meant for Agora");
            assertThat(ApiTokenAudience.refusal(new JwtClaims(), accepted)).contains("not meant for Agora");
            assertThat(ApiTokenAudience.refusal(forAgora, List.of())).contains("no audience");
        }
    }

    @Nested
    class Tokens_already_signed_in_with {

        final Instant now = Instant.parse("2026-12-01T12:00:00Z");
        final SettableClock clock = new SettableClock(now);
        final AtomicInteger signIns = new AtomicInteger();

        String signIn() {
            signIns.incrementAndGet();
            return "pia";
        }

        @Test
        void sign_in_once_until_the_token_expires() {
            SeenProviderTokens seen = new SeenProviderTokens(clock, 10);
            Instant expiry = now.plusSeconds(300);

            seen.usernameOf("token-a", expiry, this::signIn);
            seen.usernameOf("token-a", expiry, this::signIn);
            assertThat(signIns).hasValue(1);

            clock.now = expiry;
            seen.usernameOf("token-a", expiry, this::signIn);
            assertThat(signIns).hasValue(2);
        }

        @Test
        void are_remembered_by_hash_and_bounded() {
            SeenProviderTokens seen = new SeenProviderTokens(clock, 3);
            for (int i = 0; i < 10; i++) {
                seen.usernameOf("token-" + i, now.plusSeconds(60), this::signIn);
                assertThat(seen.size()).isLessThanOrEqualTo(3);
            }
            assertThat(seen.known("token-9")).contains("pia");
        }

        @Test
        void are_forgotten_on_request() {
            SeenProviderTokens seen = new SeenProviderTokens(clock, 10);
            seen.usernameOf("token-a", now.plusSeconds(60), this::signIn);

            seen.forget("token-a");

            assertThat(seen.known("token-a")).isEmpty();
        }
    }


}
