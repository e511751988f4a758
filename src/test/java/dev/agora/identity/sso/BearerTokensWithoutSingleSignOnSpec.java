package dev.agora.identity.sso;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.platform.web.Problem;
import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** On the embedded default no provider is configured: a bearer token is no way in, and says so as a problem. */
@QuarkusTest
class BearerTokensWithoutSingleSignOnSpec {

    static final String SOME_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvbGl2aWEifQ.c2lnbmF0dXJl";

    @Test
    void a_bearer_token_is_refused_with_a_problem() {
        given().header("Authorization", "Bearer " + SOME_JWT).accept("application/json").get("/api/v1/me")
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(401));
    }

    @Test
    void passwords_keep_working() {
        Api.as("olivia").get("/api/v1/me").then().statusCode(200).body("username", equalTo("olivia"));
    }
}
