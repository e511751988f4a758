package dev.agora.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every page and API answer tells the browser what it may do with it. */
@QuarkusTest
class SecurityHeadersSpec {

    private static void carriesTheSecurityHeaders(ValidatableResponse response) {
        response.header("Content-Security-Policy", allOf(containsString("frame-ancestors 'none'"),
                        containsString("img-src 'self' data:"), containsString("default-src 'self'"),
                        containsString("script-src 'self' 'unsafe-inline' 'unsafe-eval'")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Nested
    class Carried_by {

        @Test
        void the_login_page() {
            carriesTheSecurityHeaders(given().get("/login").then().statusCode(200));
        }

        @Test
        void an_api_answer() {
            carriesTheSecurityHeaders(Api.as("stella").get("/api/v1/me").then().statusCode(200));
        }

        @Test
        void an_api_error() {
            carriesTheSecurityHeaders(Api.anonymous().get("/api/v1/me").then().statusCode(401));
        }

        @Test
        void a_refused_cross_site_change() {
            carriesTheSecurityHeaders(Api.as("stella").header("Origin", "https://evil.example.com")
                    .post("/api/v1/notifications/read-all").then().statusCode(403));
        }

        @Test
        void the_sign_in_redirect() {
            carriesTheSecurityHeaders(given().redirects().follow(false).formParam("username", "stella")
                    .formParam("password", "wrong-password").post("/j_security_check").then().statusCode(302));
        }
    }

    @Nested
    class Without_a_tls_proxy {

        @Test
        void there_is_no_hsts_header() {
            given().get("/login").then().header("Strict-Transport-Security", nullValue());
        }
    }
}
