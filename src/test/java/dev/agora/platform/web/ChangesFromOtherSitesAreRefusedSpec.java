package dev.agora.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A page on another site can make a signed-in browser send a form post or a text/plain fetch without asking, but
 * not a JSON one: state-changing API calls must be application/json, and calls a browser marks as coming from
 * elsewhere are refused.
 */
@QuarkusTest
class ChangesFromOtherSitesAreRefusedSpec {

    private static final String HARMLESS_CHANGE = "/api/v1/notifications/read-all";

    private static RequestSpecification stella() {
        return given().auth().preemptive().basic("stella", Api.DEMO_PASSWORD).accept("application/json");
    }

    @Nested
    class Without_application_json {

        @Test
        void a_post_without_a_content_type_is_refused_with_415_problem_json() {
            stella().post(HARMLESS_CHANGE).then().statusCode(415)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("application/json"));
        }

        @Test
        void a_form_post_is_refused_with_415() {
            stella().contentType("application/x-www-form-urlencoded").formParam("x", "1").post(HARMLESS_CHANGE)
                    .then().statusCode(415);
        }

        @Test
        void a_text_plain_post_with_a_json_looking_body_is_refused_with_415() {
            stella().contentType("text/plain").body("{}").post(HARMLESS_CHANGE).then().statusCode(415);
        }

        @Test
        void a_delete_without_a_content_type_is_refused_with_415() {
            stella().delete("/api/v1/admin/teams/no-such-team").then().statusCode(415);
        }

        @Test
        void reading_needs_no_content_type() {
            stella().get("/api/v1/me").then().statusCode(200);
        }
    }

    @Nested
    class With_application_json {

        @Test
        void a_post_without_a_body_is_accepted() {
            stella().contentType("application/json").post(HARMLESS_CHANGE).then().statusCode(204);
        }

        @Test
        void a_post_with_a_charset_parameter_is_accepted() {
            stella().contentType("application/json; charset=UTF-8").post(HARMLESS_CHANGE).then().statusCode(204);
        }

        @Test
        void a_post_from_agoras_own_origin_is_accepted() {
            stella().contentType("application/json").header("Origin", "http://localhost:8080")
                    .header("Sec-Fetch-Site", "same-origin").post(HARMLESS_CHANGE).then().statusCode(204);
        }
    }

    @Nested
    class From_another_site {

        @Test
        void a_foreign_origin_is_refused_with_403_problem_json() {
            stella().contentType("application/json").header("Origin", "https://evil.example.com")
                    .post(HARMLESS_CHANGE).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("another site"));
        }

        @Test
        void an_opaque_null_origin_is_refused() {
            stella().contentType("application/json").header("Origin", "null").post(HARMLESS_CHANGE)
                    .then().statusCode(403);
        }

        @Test
        void a_cross_site_fetch_is_refused_even_without_an_origin() {
            stella().contentType("application/json").header("Sec-Fetch-Site", "cross-site").post(HARMLESS_CHANGE)
                    .then().statusCode(403);
        }

        @Test
        void a_foreign_origin_is_refused_before_the_password_is_checked() {
            given().auth().preemptive().basic("stella", "not-her-password").contentType("application/json")
                    .header("Origin", "https://evil.example.com").post(HARMLESS_CHANGE)
                    .then().statusCode(403);
        }
    }

    @Nested
    class The_basic_challenge {

        @Test
        void is_sent_to_a_script() {
            given().accept("application/json").get("/api/v1/me").then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Basic"));
        }

        @Test
        void is_not_sent_to_a_browser_so_it_never_caches_basic_credentials() {
            given().accept("text/html,application/xhtml+xml,*/*;q=0.8").header("Sec-Fetch-Mode", "navigate")
                    .get("/api/v1/me").then().statusCode(401).header("WWW-Authenticate", nullValue());
        }

        @Test
        void is_not_sent_to_a_browser_after_wrong_credentials() {
            given().auth().preemptive().basic("stella", "not-her-password").header("Sec-Fetch-Mode", "cors")
                    .accept("application/json").get("/api/v1/me").then().statusCode(401)
                    .header("WWW-Authenticate", nullValue());
        }
    }
}
