package dev.agora.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak from its distribution (unpacked into target by the build at pre-integration-test), started once
 * per test run on a free port with the project's realm (docker/keycloak/agora-realm.json) freshly imported, shared
 * by every Keycloak IT and stopped when the JVM ends. Its log goes to target/keycloak.log; a start that does not
 * come up fails with the log's tail. The admin REST API changes the realm as an administrator would.
 */
public final class Keycloak {

    public static final String REALM = "agora";
    public static final String CLIENT_ID = "agora";
    public static final String CLIENT_SECRET = "agora-keycloak-secret";
    /** The password of the realm's demo users (ada, olivia, stella, marco). */
    public static final String DEMO_PASSWORD = "keycloak-demo";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-of-the-test-keycloak";
    private static final Duration PATIENCE = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Keycloak shared;

    private final int port;
    private final Process process;
    private final Duration startedIn;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Keycloak(int port, Process process, Duration startedIn) {
        this.port = port;
        this.process = process;
        this.startedIn = startedIn;
    }

    /** The one Keycloak of this test run, started on first use. */
    public static synchronized Keycloak shared() {
        if (shared == null) {
            shared = start();
            Keycloak started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "keycloak-stop"));
        }
        return shared;
    }

    /** The issuer as the browser (and so Agora) sees it: localhost, never 127.0.0.1. */
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    public Duration startedIn() {
        return startedIn;
    }

    /** AGORA_OIDC_* for an Agora process that signs in through this Keycloak. */
    public Map<String, String> agoraEnvironment() {
        return Map.of("AGORA_OIDC_ISSUER", issuer(), "AGORA_OIDC_CLIENT_ID", CLIENT_ID,
                "AGORA_OIDC_CLIENT_SECRET", CLIENT_SECRET, "AGORA_OIDC_PROVIDER_NAME", "Keycloak");
    }

    private static Keycloak start() {
        Path home = Path.of(System.getProperty("agora.keycloak.home", "target/keycloak-26.5.6"));
        Path realm = Path.of(System.getProperty("agora.keycloak.realm", "docker/keycloak/agora-realm.json"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + "/bin/kc.sh is missing: Keycloak is unpacked by ./mvnw verify "
                    + "(maven-dependency-plugin at pre-integration-test)");
        }
        try {
            // --import-realm skips a realm that already exists: every run starts from the realm file
            deleteTree(home.resolve("data"));
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, home.resolve("data/import/agora-realm.json"));
            Path log = Path.of("target", "keycloak.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            long begin = System.nanoTime();
            Process process = builder.start();
            Keycloak keycloak = new Keycloak(port, process, Duration.ZERO);
            long deadline = begin + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak stopped at start:\n" + tail(log));
                }
                if (keycloak.ready()) {
                    return new Keycloak(port, process, Duration.ofNanos(System.nanoTime() - begin));
                }
                Thread.sleep(500);
            }
            process.destroyForcibly();
            throw new IllegalStateException("Keycloak did not come up in " + PATIENCE.toSeconds() + " s:\n"
                    + tail(log));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private boolean ready() {
        try {
            return send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).GET())
                    .statusCode() == 200;
        } catch (IOException | UncheckedIOException notYet) {
            return false;
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
        }
    }

    // --- the admin REST API ---

    /** Lets the client "agora" send browsers back to an Agora on this port (its callback and signed-out pages). */
    public synchronized void allowAgoraAt(int agoraPort) {
        JsonNode client = get("/clients?clientId=" + CLIENT_ID).get(0);
        ObjectNode update = (ObjectNode) client;
        ArrayNode redirects = (ArrayNode) update.withArray("redirectUris");
        redirects.add("http://localhost:" + agoraPort + "/sso/callback");
        ObjectNode attributes = update.with("attributes");
        String postLogout = attributes.path("post.logout.redirect.uris").asText("");
        attributes.put("post.logout.redirect.uris", (postLogout.isEmpty() ? "" : postLogout + "##")
                + "http://localhost:" + agoraPort + "/sso/signed-out");
        write("PUT", "/clients/" + client.get("id").asText(), update);
    }

    /** A person of the realm with a password and groups; returns the id (the subject of their tokens). */
    public String createUser(String username, String password, String... groups) {
        ObjectNode user = JSON.createObjectNode()
                .put("username", username).put("enabled", true).put("email", username + "@agora.example")
                .put("emailVerified", true).put("firstName", username).put("lastName", "Test");
        user.putArray("credentials").addObject().put("type", "password").put("value", password)
                .put("temporary", false);
        ArrayNode memberOf = user.putArray("groups");
        for (String group : groups) {
            memberOf.add(group);
        }
        write("POST", "/users", user);
        return userId(username);
    }

    public String userId(String username) {
        return get("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)).get(0)
                .get("id").asText();
    }

    public void removeFromGroup(String username, String group) {
        write("DELETE", "/users/" + userId(username) + "/groups/" + groupId(group), null);
    }

    private String groupId(String name) {
        for (JsonNode group : get("/groups?exact=true&search=" + URLEncoder.encode(name, StandardCharsets.UTF_8))) {
            if (group.get("name").asText().equals(name)) {
                return group.get("id").asText();
            }
        }
        throw new IllegalArgumentException("no group " + name + " in the realm");
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password=" + ADMIN_PASSWORD;
        HttpResponse<String> answer = sendOrFail(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return read(answer).get("access_token").asText();
    }

    private JsonNode get(String path) {
        return read(sendOrFail(admin(path).GET()));
    }

    private void write(String method, String path, JsonNode body) {
        HttpRequest.Builder request = admin(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        sendOrFail(request);
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + adminToken()).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> sendOrFail(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = send(request);
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak answered " + answer.statusCode() + " to "
                        + answer.request().method() + " " + answer.request().uri() + ": " + answer.body());
            }
            return answer;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException(interrupted);
        }
    }

    private static JsonNode read(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                .collect(Collectors.joining("\n"));
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
