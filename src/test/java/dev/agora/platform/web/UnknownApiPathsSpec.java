package dev.agora.platform.web;

import static org.hamcrest.Matchers.equalTo;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Paths under /api that nothing serves are a 404 problem, whoever asks and however: never the web UI's page. */
@QuarkusTest
class UnknownApiPathsSpec {

    private static final String PATH = "/api/v1/admin/anything";

    private static void everyMethodIsA404Problem(Supplier<RequestSpecification> caller) {
        caller.get().get(PATH).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://agora.dev/problems/not-found"));
        caller.get().body("{}").post(PATH).then().statusCode(404).contentType("application/problem+json");
        caller.get().body("{}").put(PATH).then().statusCode(404).contentType("application/problem+json");
        caller.get().body("{}").patch(PATH).then().statusCode(404).contentType("application/problem+json");
        caller.get().delete(PATH).then().statusCode(404).contentType("application/problem+json");
    }

    @Nested
    class ForASignedInCaller {

        @Test
        void every_method_answers_a_404_problem() {
            everyMethodIsA404Problem(() -> Api.as("admin"));
        }
    }

    @Nested
    class ForAnAnonymousCaller {

        @Test
        void every_method_answers_a_404_problem() {
            everyMethodIsA404Problem(Api::anonymous);
        }
    }
}
