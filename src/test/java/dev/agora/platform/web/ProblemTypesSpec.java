package dev.agora.platform.web;

import static org.hamcrest.Matchers.equalTo;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client tells kinds of error apart by the problem's type, not by parsing titles or details. */
@QuarkusTest
class ProblemTypesSpec {

    private static final String BASE = "https://agora.dev/problems/";

    @Test
    void a_validation_problem_is_of_type_validation() {
        Api.as("olivia").body(Map.of("name", "")).post("/api/v1/products")
                .then().statusCode(400).body("type", equalTo(BASE + "validation"));
    }

    @Test
    void a_missing_thing_is_of_type_not_found() {
        Api.as("olivia").get("/api/v1/products/no-such-product-anywhere")
                .then().statusCode(404).body("type", equalTo(BASE + "not-found"));
    }

    @Test
    void a_missing_role_is_of_type_forbidden() {
        Api.as("marco").get("/api/v1/admin/users")
                .then().statusCode(403).body("type", equalTo(BASE + "forbidden"));
    }

    @Test
    void missing_credentials_are_of_type_unauthorized() {
        Api.anonymous().get("/api/v1/me")
                .then().statusCode(401).body("type", equalTo(BASE + "unauthorized"));
    }

    @Test
    void a_wrong_media_type_is_of_type_unsupported_media_type() {
        Api.as("admin").contentType(ContentType.TEXT).body("hello").post("/api/v1/admin/users")
                .then().statusCode(415).body("type", equalTo(BASE + "unsupported-media-type"));
    }

    @Test
    void a_wrong_method_is_of_type_method_not_allowed() {
        Api.as("admin").delete("/api/v1/me")
                .then().statusCode(405).body("type", equalTo(BASE + "method-not-allowed"));
    }

    @Test
    void every_status_has_its_own_type() {
        org.assertj.core.api.Assertions.assertThat(Map.of(
                409, Problem.typeFor(409), 412, Problem.typeFor(412), 413, Problem.typeFor(413),
                429, Problem.typeFor(429), 500, Problem.typeFor(500)))
                .containsEntry(409, BASE + "conflict")
                .containsEntry(412, BASE + "precondition-failed")
                .containsEntry(413, BASE + "payload-too-large")
                .containsEntry(429, BASE + "too-many-requests")
                .containsEntry(500, BASE + "internal-error");
    }
}
