package dev.agora.identity;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Administrators open and disable local accounts; nobody else may. */
@QuarkusTest
class AccountAdministrationSpec {

    static String uniqueName() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> account(String username, String password) {
        return Map.of("username", username, "displayName", "Test Person", "email", username + "@example.com",
                "password", password, "platformRole", "USER");
    }

    @Nested
    class An_admin {

        @Test
        void opens_an_account_that_can_then_sign_in() {
            String name = uniqueName();
            Api.as("admin").body(account(name, "a-good-long-secret")).post("/api/v1/admin/users")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/admin/users/" + name))
                    .body("username", equalTo(name));

            Api.as(name, "a-good-long-secret").get("/api/v1/me")
                    .then().statusCode(200).body("username", equalTo(name));
        }

        @Test
        void cannot_open_a_second_account_of_the_same_name() {
            Api.as("admin").body(account("olivia", "a-good-long-secret")).post("/api/v1/admin/users")
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("already exists"));
        }

        @Test
        void is_told_which_fields_are_wrong() {
            Api.as("admin").body(Map.of("username", "", "email", "not-an-address", "password", ""))
                    .post("/api/v1/admin/users")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItems("username", "email", "password"));
        }

        @Test
        void cannot_give_a_password_shorter_than_the_policy_allows() {
            Api.as("admin").body(account(uniqueName(), "short")).post("/api/v1/admin/users")
                    .then().statusCode(400)
                    .body("errors.field", containsInAnyOrder("password"))
                    .body("errors[0].message", containsString("at least 10 characters"));
        }

        @Test
        void disables_an_account_so_that_it_can_no_longer_sign_in_and_enables_it_again() {
            String name = uniqueName();
            Api.as("admin").body(account(name, "a-good-long-secret")).post("/api/v1/admin/users")
                    .then().statusCode(201);

            Api.as("admin").post("/api/v1/admin/users/" + name + "/disable").then().statusCode(204);
            Api.as(name, "a-good-long-secret").get("/api/v1/me").then().statusCode(401);

            Api.as("admin").post("/api/v1/admin/users/" + name + "/enable").then().statusCode(204);
            Api.as(name, "a-good-long-secret").get("/api/v1/me").then().statusCode(200);
        }

        @Test
        void lists_the_organisation_with_teams_and_domains() {
            Api.as("admin").get("/api/v1/admin/users")
                    .then().statusCode(200).body("username", hasItems("admin", "olivia", "marco", "stella"));
            Api.as("admin").get("/api/v1/admin/teams")
                    .then().statusCode(200)
                    .body("find { it.slug == 'sales-analytics' }.members.OWNER", hasItem("olivia"));
            Api.as("admin").get("/api/v1/admin/domains")
                    .then().statusCode(200)
                    .body("find { it.slug == 'sales' }.stewards", hasItem("stella"));
        }
    }

    @Nested
    class A_user_without_the_admin_role {

        @Test
        void is_refused_with_403_problem_json() {
            Api.as("marco").get("/api/v1/admin/users")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403))
                    .body("detail", containsString("role"));
            Api.as("olivia").body(account(uniqueName(), "a-good-long-secret")).post("/api/v1/admin/users")
                    .then().statusCode(403);
        }
    }
}
