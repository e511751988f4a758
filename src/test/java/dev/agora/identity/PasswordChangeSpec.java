package dev.agora.identity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person with a local account changes their own password; the old one stops working at once. */
@QuarkusTest
class PasswordChangeSpec {

    private String name;

    @BeforeEach
    void anAccount() {
        name = AccountAdministrationSpec.uniqueName();
        Api.as("admin").body(AccountAdministrationSpec.account(name, "the-first-secret"))
                .post("/api/v1/admin/users").then().statusCode(201);
    }

    private static Map<String, String> change(String current, String next) {
        return Map.of("currentPassword", current, "newPassword", next);
    }

    @Test
    void the_new_password_works_and_the_old_one_no_longer_does() {
        Api.as(name, "the-first-secret").body(change("the-first-secret", "the-second-secret"))
                .put("/api/v1/me/password").then().statusCode(204);

        Api.as(name, "the-second-secret").get("/api/v1/me").then().statusCode(200);
        Api.as(name, "the-first-secret").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void a_wrong_current_password_is_refused_on_that_field() {
        Api.as(name, "the-first-secret").body(change("not-the-current-one", "the-second-secret"))
                .put("/api/v1/me/password")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("currentPassword"));
    }

    @Test
    void the_demo_password_is_not_accepted_as_a_new_password() {
        Api.as(name, "the-first-secret").body(change("the-first-secret", "agora-demo"))
                .put("/api/v1/me/password")
                .then().statusCode(400)
                .body("errors.field", contains("newPassword"))
                .body("errors[0].message", containsString("demo password"));
    }
}
