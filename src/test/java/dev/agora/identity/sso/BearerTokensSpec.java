package dev.agora.identity.sso;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.platform.web.Problem;
import dev.agora.support.Api;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Pipelines and scripts call the API with the identity provider's tokens instead of a password: a token of the
 * configured issuer, signed with its keys, unexpired and meant for Agora, signs in as the provider's account (opened
 * just in time, with the teams its groups map to); every other token is refused with a 401 problem.
 */
@QuarkusTest
@TestProfile(SingleSignOnProfile.class)
class BearerTokensSpec {

    @Inject
    AgroalDataSource database;

    static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static void isRefused(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("detail", containsString("bearer token"));
    }

    /** Maps a provider group (or client id) to a role in Agora, as an administrator would. */
    void map(String group, String role, String teamSlug) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO group_mappings (group_name, role, team_id, created_by) "
                        + "VALUES (?, ?, (SELECT id FROM teams WHERE slug = ?), 'admin')")) {
            insert.setString(1, group);
            insert.setString(2, role);
            insert.setString(3, teamSlug);
            insert.executeUpdate();
        }
    }

    long signIns(String username) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM audit_event WHERE action = 'identity.sign-in.succeeded' AND subject_id = ?")) {
            count.setString(1, username);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Nested
    class A_persons_token {

        @Test
        void reaches_the_api_as_an_account_opened_at_first_use_with_its_groups_as_teams() throws SQLException {
            String name = "pia-" + unique();
            String owners = "sales-owners-" + unique();
            map(owners, "OWNER", "sales-analytics");
            String token = MockProvider.person("subject-" + name).username(name).name("Pia Provider")
                    .email(name + "@agora.example").groups(owners, "a-group-agora-does-not-know").token();

            withToken(token).get("/api/v1/me").then().statusCode(200)
                    .body("username", equalTo(name))
                    .body("displayName", equalTo("Pia Provider"))
                    .body("email", equalTo(name + "@agora.example"))
                    .body("roles", hasItem("USER"))
                    .body("memberships.find { it.team == 'sales-analytics' }.role", equalTo("OWNER"));
        }

        @Test
        void signs_in_once_however_often_it_is_used() throws SQLException {
            String name = "sam-" + unique();
            String token = MockProvider.person("subject-" + name).username(name).token();

            for (int call = 0; call < 3; call++) {
                withToken(token).get("/api/v1/me").then().statusCode(200).body("username", equalTo(name));
            }

            assertThat(signIns(name)).isEqualTo(1);
            String another = MockProvider.person("subject-" + name).username(name).token();
            withToken(another).get("/api/v1/me").then().statusCode(200).body("username", equalTo(name));
            assertThat(signIns(name)).as("a new token is a new sign-in").isEqualTo(2);
        }

        @Test
        void is_shut_out_once_the_account_is_disabled_although_it_was_accepted_before() {
            String name = "dora-" + unique();
            String token = MockProvider.person("subject-" + name).username(name).token();
            withToken(token).get("/api/v1/me").then().statusCode(200);

            Api.as("admin").post("/api/v1/admin/users/" + name + "/disable").then().statusCode(204);

            isRefused(withToken(token).get("/api/v1/me").then());
            withToken(token).get("/api/v1/me").then().body("detail", containsString("disabled"));
            isRefused(withToken(MockProvider.person("subject-" + name).username(name).token())
                    .get("/api/v1/me").then());
        }

        @Test
        void without_the_admin_role_is_forbidden_an_administrators_endpoint() {
            String name = "una-" + unique();
            String token = MockProvider.person("subject-" + name).username(name).groups().token();

            withToken(token).get("/api/v1/admin/users").then().statusCode(403)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("status", equalTo(403));
        }

        @Test
        void of_a_group_mapped_to_admin_reaches_an_administrators_endpoint() throws SQLException {
            String name = "ada-" + unique();
            String admins = "agora-admins-" + unique();
            try (Connection connection = database.getConnection(); PreparedStatement insert = connection
                    .prepareStatement("INSERT INTO group_mappings (group_name, role, created_by) VALUES (?, 'ADMIN', 'admin')")) {
                insert.setString(1, admins);
                insert.executeUpdate();
            }
            String token = MockProvider.person("subject-" + name).username(name).groups(admins).token();

            withToken(token).get("/api/v1/admin/users").then().statusCode(200);
        }

        @Test
        void of_someone_whose_name_a_local_account_has_opens_an_account_of_its_own() {
            String token = MockProvider.person("subject-olivia-elsewhere-" + unique()).username("olivia").token();

            withToken(token).get("/api/v1/me").then().statusCode(200)
                    .body("username", startsWith("olivia-"))
                    .body("memberships.size()", equalTo(0));
        }
    }

    @Nested
    class Tokens_Agora_refuses {

        String valid() {
            String name = "val-" + unique();
            return MockProvider.person("subject-" + name).username(name).token();
        }

        @Test
        void an_expired_token() {
            String token = MockProvider.person("subject-late-" + unique()).expired().token();

            isRefused(withToken(token).get("/api/v1/me").then());
            withToken(token).get("/api/v1/me").then().body("detail", containsString("has expired;"));
        }

        @Test
        void a_token_whose_claims_were_changed() {
            String[] parts = valid().split("\\.");
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            String forged = claims.replaceFirst("\"preferred_username\":\"[^\"]*\"", "\"preferred_username\":\"admin\"");
            assertThat(forged).isNotEqualTo(claims);
            String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

            isRefused(withToken(tampered).get("/api/v1/me").then());
        }

        @Test
        void a_token_signed_with_another_key() throws JoseException, NoSuchAlgorithmException {
            String[] parts = valid().split("\\.");
            JsonWebSignature signature = new JsonWebSignature();
            signature.setPayload(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            signature.setKeyIdHeaderValue(header.replaceFirst(".*\"kid\":\"([^\"]*)\".*", "$1"));
            signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            signature.setKey(generator.generateKeyPair().getPrivate());

            isRefused(withToken(signature.getCompactSerialization()).get("/api/v1/me").then());
        }

        @Test
        void an_unsigned_token() {
            String[] parts = valid().split("\\.");
            String none = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

            isRefused(withToken(none + "." + parts[1] + ".").get("/api/v1/me").then());
        }

        @Test
        void a_token_of_another_issuer() {
            String token = MockProvider.person("subject-" + unique()).fromOtherIssuer().token();

            isRefused(withToken(token).get("/api/v1/me").then());
        }

        @Test
        void a_token_signed_with_the_providers_key_that_names_another_issuer() throws IOException {
            String token = MockProvider.person("subject-" + unique())
                    .claimingIssuer(MockProvider.issuer(MockProvider.OTHER_ISSUER_ID)).token();
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            assertThat(claims.get("iss").asText()).isEqualTo(MockProvider.issuer(MockProvider.OTHER_ISSUER_ID));

            isRefused(withToken(token).get("/api/v1/me").then());
        }

        @Test
        void a_token_meant_for_another_application() {
            String token = MockProvider.person("subject-" + unique()).audience("another-application").token();

            isRefused(withToken(token).get("/api/v1/me").then());
        }

        @Test
        void a_pipelines_token_whose_client_is_not_an_audience_of_agora() {
            isRefused(withToken(MockProvider.clientCredentialsToken("stranger-etl")).get("/api/v1/me").then());
        }

        @Test
        void garbage_in_the_authorization_header() {
            isRefused(withToken("not-a-token").get("/api/v1/me").then());
            isRefused(withToken("a.b.c").get("/api/v1/me").then());
            isRefused(withToken("x".repeat(8_000)).get("/api/v1/me").then());
        }

        @Test
        void a_header_too_large_to_read_without_a_server_error() {
            int status = withToken("x".repeat(40_000)).get("/api/v1/me").then().extract().statusCode();

            // Vert.x refuses headers over quarkus.http.limits.max-header-size (20 KB) before any of Agora's code
            assertThat(status).isBetween(400, 499);
            System.out.println("A 40 KB Authorization header was answered with " + status);
        }

        @Test
        void refusing_tokens_never_refuses_passwords() {
            Api.as("olivia").get("/api/v1/me").then().statusCode(200).body("username", equalTo("olivia"));
        }
    }

    @Nested
    class A_pipelines_client_credentials_token {

        @Test
        void publishes_a_product_as_the_team_its_client_is_configured_for() {
            String token = MockProvider.clientCredentialsToken(SingleSignOnProfile.SALES_PIPELINE);

            withToken(token).get("/api/v1/me").then().statusCode(200)
                    .body("username", equalTo("client-" + SingleSignOnProfile.SALES_PIPELINE))
                    .body("memberships.find { it.team == 'sales-analytics' }.role", equalTo("MEMBER"));
            String slug = withToken(token).body(Products.named("Orders by pipeline " + unique()).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");
            withToken(token).post("/api/v1/products/" + slug + "/publish").then().statusCode(200)
                    .body("ownerTeam", equalTo("sales-analytics"));
        }

        @Test
        void may_not_publish_for_another_team() {
            String token = MockProvider.clientCredentialsToken(SingleSignOnProfile.SALES_PIPELINE);

            withToken(token).body(Products.named("Not ours " + unique()).with("ownerTeam", "marketing-insights").body())
                    .post("/api/v1/products").then().statusCode(403)
                    .contentType(Problem.MEDIA_TYPE);
        }

        @Test
        void of_keycloak_is_mapped_to_a_team_by_a_group_mapping_on_its_client_id() throws SQLException {
            String client = "marketing-etl-" + unique();
            map(client, "MEMBER", "marketing-insights");
            String token = MockProvider.keycloakServiceAccountToken(client, UUID.randomUUID().toString());

            withToken(token).get("/api/v1/me").then().statusCode(200)
                    .body("username", equalTo("client-" + client))
                    .body("memberships.find { it.team == 'marketing-insights' }.role", equalTo("MEMBER"));
        }
    }

    @Nested
    class Where_provider_tokens_do_not_count {

        String valid() {
            String name = "web-" + unique();
            return MockProvider.person("subject-" + name).username(name).token();
        }

        @Test
        void the_web_side_does_not_take_a_bearer_token_for_a_sign_in() {
            given().auth().preemptive().basic("olivia", Api.DEMO_PASSWORD).get(WhoIsAsking.PATH)
                    .then().statusCode(200).body(equalTo("olivia"));

            given().header("Authorization", "Bearer " + valid()).get(WhoIsAsking.PATH)
                    .then().statusCode(200).body(equalTo("anonymous"));
        }

        @Test
        void a_personal_token_is_never_checked_as_a_provider_token() {
            assertThat(OidcTenants.isProviderBearerToken("Bearer agora_pat_abc")).isFalse();
            assertThat(OidcTenants.isProviderBearerToken("bearer agora_pat_abc")).isFalse();
            assertThat(OidcTenants.isProviderBearerToken("Bearer eyJ.abc.def")).isTrue();
            assertThat(OidcTenants.isProviderBearerToken("Basic b2xpdmlhOmFnb3JhLWRlbW8=")).isFalse();

            withToken("agora_pat_" + valid()).get("/api/v1/me").then().statusCode(401)
                    .contentType(Problem.MEDIA_TYPE);
        }
    }
}
