package dev.agora.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.platform.FreshTestDatabase;
import dev.agora.support.AgoraProcess;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identity provider is down (nothing listens at the issuer): a bearer token cannot be checked, which is a
 * passing outage for its sender (503 with Retry-After), not a failure of Agora; browser sign-in through the provider
 * ends on the login page with a message; passwords keep working where they are allowed.
 */
class UnreachableProviderIT {

    private static final String DATABASE = "agora_unreachable_provider";
    private static final String SOME_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvbGl2aWEifQ.c2lnbmF0dXJl";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static AgoraProcess agora;

    @BeforeAll
    static void startWithAProviderThatIsDown() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort(); // free now, and nobody listens there once the socket is closed
        }
        FreshTestDatabase.recreate(DATABASE);
        agora = new AgoraProcess(DATABASE, Path.of("target", "unreachable-provider-" + UUID.randomUUID()), Map.of(
                "AGORA_OIDC_ISSUER", "http://localhost:" + closedPort + "/realms/agora",
                "AGORA_OIDC_CLIENT_ID", "agora", "AGORA_OIDC_CLIENT_SECRET", "unused-secret",
                "AGORA_SESSION_KEY", "unreachable-provider-session-key-0123456789")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (agora != null) {
            agora.close();
        }
        FreshTestDatabase.drop(DATABASE);
    }

    @Test
    void a_bearer_token_that_cannot_be_checked_is_a_503_problem_with_retry_after() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(agora.uri("/api/v1/me"))
                .header("Authorization", "Bearer " + SOME_JWT).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).contains("30");
        assertThat(answer.body()).contains("cannot reach its identity provider");
    }

    @Test
    void browser_sign_in_through_the_provider_ends_on_the_login_page() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(agora.uri("/sso/login?to=/catalog")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isBetween(300, 399);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("/login?sso="));
    }

    @Test
    void passwords_keep_working() throws Exception {
        assertThat(agora.get("/api/v1/me", "olivia", "agora-demo").statusCode()).isEqualTo(200);
    }
}
