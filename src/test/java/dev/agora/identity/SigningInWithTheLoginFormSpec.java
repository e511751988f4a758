package dev.agora.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The login page posts to Quarkus' form authentication; these checks speak its HTTP directly (the browser specs
 * drive the same flow through the real page).
 */
@QuarkusTest
class SigningInWithTheLoginFormSpec {

    private static Response post(String username, String password) {
        return given().redirects().follow(false)
                .formParam("username", username).formParam("password", password)
                .post("/j_security_check");
    }

    @Test
    void the_right_password_sets_an_http_only_session_cookie_and_goes_to_the_start_page() {
        Response response = post("stella", "agora-demo");

        response.then().statusCode(302).header("Location", endsWith("/"));
        assertThat(response.getDetailedCookie("quarkus-credential")).isNotNull();
        assertThat(response.getDetailedCookie("quarkus-credential").isHttpOnly()).isTrue();
    }

    @Test
    void a_wrong_password_goes_back_to_the_login_page_with_an_error_and_no_cookie() {
        Response response = post("stella", "not-her-password");

        response.then().statusCode(302).header("Location", endsWith("/login?error"));
        assertThat(response.getCookie("quarkus-credential")).isNull();
    }
}
