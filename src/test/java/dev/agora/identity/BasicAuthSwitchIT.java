package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.platform.FreshTestDatabase;
import dev.agora.support.AgoraProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AGORA_API_BASIC_AUTH=false, as a real deployment sets it: the packaged application refuses HTTP Basic on the API
 * with a 401 that says to use a token, accepts personal API tokens, and the browser's login form keeps working.
 */
class BasicAuthSwitchIT {

    private static final String DATABASE = "agora_basic_switch";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static AgoraProcess agora;

    @BeforeAll
    static void startWithBasicSwitchedOff() throws Exception {
        FreshTestDatabase.recreate(DATABASE);
        agora = new AgoraProcess(DATABASE, Path.of("target", "basic-switch-data-" + UUID.randomUUID()), Map.of(
                "AGORA_API_BASIC_AUTH", "false", "AGORA_SESSION_KEY", "basic-switch-session-key-0123456789"))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (agora != null) {
            agora.close();
        }
        FreshTestDatabase.drop(DATABASE);
    }

    @Test
    void http_basic_on_the_api_is_refused_with_a_401_that_says_to_use_a_token() throws Exception {
        HttpResponse<String> refused = agora.get("/api/v1/me", "olivia", "agora-demo");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("HTTP Basic with a password is switched off")
                .contains("AGORA_API_BASIC_AUTH").contains("personal API token");
    }

    @Test
    void a_personal_token_is_accepted() throws Exception {
        // with Basic off a person makes tokens in the browser; here one is stored as the application stores it
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = "agora_pat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection connection = FreshTestDatabase.connect(DATABASE);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO personal_tokens (user_id, name, "
                        + "secret_hash, hint, created_at, expires_at) SELECT id, 'switch check', ?, ?, now(), "
                        + "now() + interval '1 day' FROM users WHERE username = 'olivia'")) {
            insert.setString(1, PersonalTokens.hash(secret));
            insert.setString(2, secret.substring(10, 14));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }

        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Authorization", "Bearer " + secret).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"olivia\"");
    }

    @Test
    void the_login_form_of_the_browser_keeps_working() throws Exception {
        String form = "username=olivia&password=" + URLEncoder.encode("agora-demo", StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(uri("/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("error"));
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("quarkus-credential="));
    }

    private static URI uri(String path) {
        return agora.uri(path);
    }
}
