package dev.agora.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.agora.support.Api;
import dev.agora.support.People;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Personal API tokens: a person creates one, a script sends it as {@code Authorization: Bearer agora_pat_…} and
 * acts as that person, until it expires, is revoked or the account is disabled. The secret is shown once and
 * stored only as a hash.
 */
@QuarkusTest
class PersonalApiTokensSpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Inject
    AgroalDataSource database;

    private People people;

    @BeforeEach
    void people() {
        people = new People(accounts, directory);
    }

    /** System time moved forward by a chosen amount, for every bean that asks the clock during one test. */
    static final class MovedClock extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }

        void pass(Duration duration) {
            ahead = ahead.plus(duration);
        }
    }

    static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static JsonPath create(String username, String name, Integer days) {
        Map<String, Object> body = days == null ? Map.of("name", name) : Map.of("name", name, "expiresInDays", days);
        return Api.as(username).body(body).post("/api/v1/me/tokens")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    static String secretOf(String username, String name) {
        return create(username, name, null).getString("token");
    }

    static String uniqueName() {
        return "pipeline " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Nested
    class A_person {

        @Test
        void creates_a_token_whose_secret_is_shown_once_and_which_signs_in_as_them() {
            String marco = people.person("tokenmarco");
            JsonPath created = create(marco, "nightly export", null);
            String secret = created.getString("token");

            assertThat(secret).startsWith("agora_pat_").hasSize("agora_pat_".length() + 43);
            assertThat(created.getString("hint")).isEqualTo(secret.substring(10, 14));
            assertThat(Duration.between(Instant.parse(created.getString("createdAt")),
                    Instant.parse(created.getString("expiresAt")))).isEqualTo(Duration.ofDays(30));

            withToken(secret).get("/api/v1/me")
                    .then().statusCode(200)
                    .body("username", equalTo(marco))
                    .body("roles", hasItem("USER"));
            String listed = Api.as(marco).get("/api/v1/me/tokens")
                    .then().statusCode(200)
                    .body("name", equalTo(List.of("nightly export")))
                    .body("[0].hint", equalTo(secret.substring(10, 14)))
                    .body("[0]", not(org.hamcrest.Matchers.hasKey("token")))
                    .extract().asString();
            assertThat(listed).doesNotContain(secret.substring(10));
        }

        @Test
        void may_write_the_scheme_in_any_case() {
            String secret = secretOf(people.person("tokenmarco"), "lower case");
            given().header("Authorization", "bearer " + secret).get("/api/v1/me").then().statusCode(200);
        }

        @Test
        void publishes_a_product_with_a_token_as_with_a_password() {
            String secret = secretOf("olivia", uniqueName());
            String tag = Products.uniqueTag();

            withToken(secret).body(Products.named("Token-published orders " + tag).tagged(tag).body())
                    .post("/api/v1/products")
                    .then().statusCode(201)
                    .body("ownerTeam", equalTo("sales-analytics"));
        }

        @Test
        void sees_when_each_token_was_last_used() {
            String stella = people.person("tokenstella");
            String used = secretOf(stella, "used");
            secretOf(stella, "unused");

            withToken(used).get("/api/v1/me").then().statusCode(200);

            JsonPath list = Api.as(stella).get("/api/v1/me/tokens").then().statusCode(200).extract().jsonPath();
            assertThat(list.getString("find { it.name == 'used' }.lastUsedAt")).isNotNull();
            assertThat(list.getString("find { it.name == 'unused' }.lastUsedAt")).isNull();
        }

        @Test
        void records_the_last_use_at_most_once_a_minute() {
            MovedClock clock = new MovedClock();
            QuarkusMock.installMockForType(clock, Clock.class);
            String person = people.person("tokenpipeline");
            String secret = secretOf(person, "busy");

            withToken(secret).get("/api/v1/me").then().statusCode(200);
            String first = Api.as(person).get("/api/v1/me/tokens").then().extract().path("[0].lastUsedAt");
            clock.pass(Duration.ofSeconds(30));
            withToken(secret).get("/api/v1/me").then().statusCode(200);
            assertThat((String) Api.as(person).get("/api/v1/me/tokens").then().extract().path("[0].lastUsedAt"))
                    .isEqualTo(first);
            clock.pass(Duration.ofSeconds(31));
            withToken(secret).get("/api/v1/me").then().statusCode(200);
            assertThat(Instant.parse(Api.as(person).get("/api/v1/me/tokens").then().extract()
                    .path("[0].lastUsedAt"))).isAfter(Instant.parse(first).plusSeconds(60));
        }

        @Test
        void revokes_a_token_which_is_then_refused_with_401_problem_json() {
            String marco = people.person("tokenmarco");
            JsonPath created = create(marco, "to revoke", null);
            withToken(created.getString("token")).get("/api/v1/me").then().statusCode(200);

            Api.as(marco).delete("/api/v1/me/tokens/" + created.getLong("id")).then().statusCode(204);

            withToken(created.getString("token")).get("/api/v1/me")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("detail", containsString("token is not valid, has expired or was revoked"));
            Api.as(marco).get("/api/v1/me/tokens").then().statusCode(200).body("id", equalTo(List.of()));
            Api.as(marco).delete("/api/v1/me/tokens/" + created.getLong("id")).then().statusCode(404);
        }

        @Test
        void cannot_use_a_token_once_it_expired() {
            MovedClock clock = new MovedClock();
            QuarkusMock.installMockForType(clock, Clock.class);
            String marco = people.person("tokenmarco");
            String secret = create(marco, "short-lived", 1).getString("token");

            clock.pass(Duration.ofHours(23));
            withToken(secret).get("/api/v1/me").then().statusCode(200);
            clock.pass(Duration.ofHours(1));
            withToken(secret).get("/api/v1/me")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", containsString("has expired"));
            Api.as(marco).get("/api/v1/me/tokens").then().statusCode(200).body("[0].expired", equalTo(true));
        }

        @Test
        void may_reuse_the_name_of_an_expired_token_but_not_of_a_live_one() {
            MovedClock clock = new MovedClock();
            QuarkusMock.installMockForType(clock, Clock.class);
            String marco = people.person("tokenmarco");
            create(marco, "Deploy", 1);

            Api.as(marco).body(Map.of("name", "deploy")).post("/api/v1/me/tokens")
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("already have a live token named"));
            clock.pass(Duration.ofDays(2));
            Api.as(marco).body(Map.of("name", "deploy")).post("/api/v1/me/tokens").then().statusCode(201);
        }

        @Test
        void cannot_create_a_token_with_a_token() {
            String marco = people.person("tokenmarco");
            String secret = secretOf(marco, "first");

            withToken(secret).body(Map.of("name", "second")).post("/api/v1/me/tokens")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("cannot create tokens"));
        }

        @Test
        void has_at_most_fifty_live_tokens() {
            String busy = people.person("tokenbusy");
            for (int i = 0; i < PersonalTokens.MAX_LIVE_PER_ACCOUNT; i++) {
                create(busy, "token " + i, 1);
            }
            Api.as(busy).body(Map.of("name", "one too many")).post("/api/v1/me/tokens")
                    .then().statusCode(409)
                    .body("detail", containsString("at most 50 live tokens"));
        }
    }

    @Nested
    class Another_person {

        @Test
        void neither_sees_nor_revokes_my_tokens_and_learns_not_even_that_they_exist() {
            String me = people.person("tokenowner");
            String other = people.person("tokenother");
            JsonPath mine = create(me, "mine", null);

            Api.as(other).get("/api/v1/me/tokens").then().statusCode(200).body("id", equalTo(List.of()));
            Api.as(other).delete("/api/v1/me/tokens/" + mine.getLong("id"))
                    .then().statusCode(404)
                    .contentType("application/problem+json");
            Api.as(other).delete("/api/v1/me/tokens/999999999")
                    .then().statusCode(404)
                    .contentType("application/problem+json");
            Api.as(other).get("/api/v1/admin/users/" + me + "/tokens").then().statusCode(403);
            Api.as(other).delete("/api/v1/admin/users/" + me + "/tokens/" + mine.getLong("id"))
                    .then().statusCode(403);

            withToken(mine.getString("token")).get("/api/v1/me").then().statusCode(200);
        }
    }

    @Nested
    class An_admin {

        @Test
        void sees_and_revokes_the_tokens_of_any_account() {
            String marco = people.person("tokenmarco");
            JsonPath token = create(marco, "ci", null);

            Api.as("admin").get("/api/v1/admin/users/" + marco + "/tokens")
                    .then().statusCode(200)
                    .body("name", equalTo(List.of("ci")))
                    .body("[0]", not(org.hamcrest.Matchers.hasKey("token")));
            Api.as("admin").delete("/api/v1/admin/users/" + marco + "/tokens/" + token.getLong("id"))
                    .then().statusCode(204);

            withToken(token.getString("token")).get("/api/v1/me").then().statusCode(401);
            Api.as("admin").get("/api/v1/admin/users/" + marco + "/tokens").then().body("id", equalTo(List.of()));
        }

        @Test
        void is_told_when_the_account_or_token_does_not_exist() {
            String marco = people.person("tokenmarco");
            JsonPath token = create(marco, "ci", null);

            Api.as("admin").get("/api/v1/admin/users/nobody-" + UUID.randomUUID() + "/tokens")
                    .then().statusCode(404).contentType("application/problem+json");
            Api.as("admin").delete("/api/v1/admin/users/olivia/tokens/" + token.getLong("id"))
                    .then().statusCode(404).contentType("application/problem+json");
            Api.as("admin").delete("/api/v1/admin/users/" + marco + "/tokens/not-a-number")
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Nested
    class A_disabled_account {

        @Test
        void loses_its_tokens_for_good() {
            String leaver = people.person("tokenleaver");
            String secret = secretOf(leaver, "laptop script");
            withToken(secret).get("/api/v1/me").then().statusCode(200);

            Api.as("admin").post("/api/v1/admin/users/" + leaver + "/disable").then().statusCode(204);
            withToken(secret).get("/api/v1/me")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", containsString("account is disabled"));
            Api.as("admin").get("/api/v1/admin/users/" + leaver + "/tokens").then().body("id", equalTo(List.of()));

            Api.as("admin").post("/api/v1/admin/users/" + leaver + "/enable").then().statusCode(204);
            withToken(secret).get("/api/v1/me").then().statusCode(401);
            assertThat(auditActions(leaver)).contains("identity.token.created", "identity.token.revoked");
        }
    }

    @Nested
    class The_secret {

        @Test
        void is_stored_nowhere_in_clear_only_as_its_sha_256() throws SQLException {
            String marco = people.person("tokenmarco");
            String secret = secretOf(marco, "kept safe");
            String secretPart = secret.substring("agora_pat_".length());

            List<String> cells = new ArrayList<>();
            try (Connection connection = database.getConnection();
                    PreparedStatement select = connection.prepareStatement("SELECT t.* FROM personal_tokens t "
                            + "JOIN users u ON u.id = t.user_id WHERE u.username = ?")) {
                select.setString(1, marco);
                try (ResultSet rows = select.executeQuery()) {
                    ResultSetMetaData meta = rows.getMetaData();
                    assertThat(rows.next()).isTrue();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        cells.add(String.valueOf(rows.getString(column)));
                    }
                    assertThat(rows.getString("secret_hash")).isEqualTo(PersonalTokens.hash(secret));
                }
            }
            assertThat(cells).allSatisfy(cell -> assertThat(cell).doesNotContain(secretPart));
            assertThat(auditDetails(marco)).isNotEmpty()
                    .allSatisfy(details -> assertThat(details).doesNotContain(secretPart)
                            .doesNotContain(PersonalTokens.hash(secret)));
        }
    }

    @Nested
    class Bad_input {

        @Test
        void a_name_that_is_missing_too_long_or_multi_line_is_400_problem_json() {
            String marco = people.person("tokenmarco");
            for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("name", "x".repeat(101)),
                    Map.of("name", "  "), Map.of("expiresInDays", 3), Map.of("name", "two\nlines"))) {
                Api.as(marco).body(body).post("/api/v1/me/tokens")
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem("name"));
            }
            Api.as(marco).body(Map.of("name", "x".repeat(100))).post("/api/v1/me/tokens").then().statusCode(201);
        }

        @Test
        void an_expiry_beyond_the_maximum_or_below_a_day_is_400_problem_json() {
            String marco = people.person("tokenmarco");
            Api.as(marco).body(Map.of("name", "forever", "expiresInDays", 91)).post("/api/v1/me/tokens")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("expiresInDays"))
                    .body("detail", containsString("at most 90 days"));
            Api.as(marco).body(Map.of("name", "never", "expiresInDays", 0)).post("/api/v1/me/tokens")
                    .then().statusCode(400).body("errors.field", hasItem("expiresInDays"));
            Api.as(marco).body(Map.of("name", "soon", "expiresInDays", "soon")).post("/api/v1/me/tokens")
                    .then().statusCode(400).contentType("application/problem+json");
            Api.as(marco).body(Map.of("name", "huge", "expiresInDays", 99999999999L)).post("/api/v1/me/tokens")
                    .then().statusCode(400).contentType("application/problem+json");
            Api.as(marco).body(Map.of("name", "ninety", "expiresInDays", 90)).post("/api/v1/me/tokens")
                    .then().statusCode(201);
        }

        @Test
        void a_malformed_unknown_or_huge_token_is_401_problem_json() {
            String valid = secretOf(people.person("tokenmarco"), "real");
            List<String> forged = List.of("agora_pat_", "agora_pat_garbage", "agora_pat_" + "A".repeat(43),
                    valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A"),
                    valid + "A", "agora_pat_" + "é".repeat(43), "agora_pat_" + "x".repeat(6000));
            for (String token : forged) {
                withToken(token).get("/api/v1/me")
                        .then().statusCode(401)
                        .contentType("application/problem+json")
                        .body("detail", containsString("token is not valid"));
            }
        }

        @Test
        void a_header_beyond_the_server_limit_is_refused_with_a_4xx_never_a_500() {
            int status = withToken("agora_pat_" + "x".repeat(20_000)).get("/api/v1/me").statusCode();
            assertThat(status).isBetween(400, 499);
        }

        @Test
        void a_missing_body_or_an_unknown_field_is_400_problem_json() {
            String marco = people.person("tokenmarco");
            Api.as(marco).post("/api/v1/me/tokens").then().statusCode(400).contentType("application/problem+json");
            Api.as(marco).body(Map.of("name", "ci", "scopes", List.of("admin"))).post("/api/v1/me/tokens")
                    .then().statusCode(400).contentType("application/problem+json");
            Api.as(marco).body(Map.of("name", "ci", "expiresAt", "2099-01-01T00:00:00Z")).post("/api/v1/me/tokens")
                    .then().statusCode(400).contentType("application/problem+json");
        }

        @Test
        void an_anonymous_caller_can_neither_list_nor_create_nor_revoke() {
            Api.anonymous().get("/api/v1/me/tokens").then().statusCode(401).contentType("application/problem+json");
            Api.anonymous().body(Map.of("name", "x")).post("/api/v1/me/tokens").then().statusCode(401);
            Api.anonymous().delete("/api/v1/me/tokens/1").then().statusCode(401);
        }

        @Test
        void another_kind_of_bearer_token_is_not_taken_for_a_personal_token() {
            withToken("eyJhbGciOiJSUzI1NiJ9.e30.c2ln").get("/api/v1/me")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", not(containsString("token is not valid")));
        }
    }

    private List<String> auditActions(String username) {
        return auditColumn("action", username);
    }

    private List<String> auditDetails(String username) {
        return auditColumn("details::text", username);
    }

    private List<String> auditColumn(String column, String username) {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM audit_event "
                        + "WHERE subject_type = 'user' AND subject_id = ? AND action LIKE 'identity.token.%' ORDER BY id")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
        return values;
    }
}
