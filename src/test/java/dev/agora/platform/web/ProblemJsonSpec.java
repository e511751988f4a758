package dev.agora.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Whatever goes wrong, the API answers application/problem+json with a detail a person can act on. */
@QuarkusTest
class ProblemJsonSpec {

    @Test
    void an_unknown_api_path_is_a_404_problem_not_the_web_ui() {
        Api.as("marco").get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is nothing at /api/v1/no-such-thing."));
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        Api.as("admin").body("{\"username\": ").post("/api/v1/admin/users")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void a_misspelt_field_is_named() {
        Api.as("admin").body("{\"username\": \"zed\", \"passwrd\": \"a-good-long-secret\"}")
                .post("/api/v1/admin/users")
                .then().statusCode(400)
                .body("errors.field", hasItem("passwrd"))
                .body("errors.message", hasItem("unknown field"));
    }

    @Test
    void a_value_outside_an_enumeration_lists_the_allowed_values() {
        Api.as("admin").body("{\"username\": \"zed\", \"password\": \"a-good-long-secret\", \"platformRole\": \"KING\"}")
                .post("/api/v1/admin/users")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("platformRole"))
                .body("errors[0].message", containsString("ADMIN, USER"));
    }

    @Test
    void a_wrong_media_type_and_a_wrong_method_are_problems_too() {
        Api.as("admin").contentType(ContentType.TEXT).body("hello").post("/api/v1/admin/users")
                .then().statusCode(415).contentType("application/problem+json");
        Api.as("admin").delete("/api/v1/me")
                .then().statusCode(405).contentType("application/problem+json");
    }
}
