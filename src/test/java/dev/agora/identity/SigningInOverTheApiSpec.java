package dev.agora.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Scripts and pipelines sign in to the API with a local account through HTTP Basic. */
@QuarkusTest
class SigningInOverTheApiSpec {

    @Test
    void the_right_password_signs_in() {
        Api.as("olivia").get("/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("olivia"));
    }

    @Test
    void usernames_are_case_insensitive() {
        Api.as("Olivia").get("/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("olivia"));
    }

    @Test
    void a_wrong_password_is_refused_with_401_problem_json() {
        Api.as("olivia", "not-her-password").get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", containsString("username or password is not right"));
    }

    @Test
    void an_unknown_account_gets_the_same_answer_as_a_wrong_password() {
        Api.as("nobody-here", "whatever-password").get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("username or password is not right"));
    }

    @Test
    void an_anonymous_call_gets_401_problem_json_with_a_basic_challenge() {
        Api.anonymous().get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("detail", containsString("Sign in first"))
                .body("instance", equalTo("/api/v1/me"));
    }

    @Test
    void a_browser_session_cookie_does_not_authorise_api_calls() {
        String cookie = io.restassured.RestAssured.given().redirects().follow(false)
                .formParam("username", "olivia").formParam("password", Api.DEMO_PASSWORD)
                .post("/j_security_check")
                .then().statusCode(302)
                .extract().cookie("quarkus-credential");

        Api.anonymous().cookie("quarkus-credential", cookie).get("/api/v1/me")
                .then().statusCode(401);
    }
}
