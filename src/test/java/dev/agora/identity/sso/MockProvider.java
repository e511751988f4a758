package dev.agora.identity.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real OIDC provider for the specs: navikt's mock-oauth2-server (discovery, JWKS, signed tokens, login page)
 * in a process of its own — its Netty, Kotlin and Jackson clash with Quarkus' — started once per test run by
 * {@link SingleSignOnProfile}. It signs tokens with the claims a spec asks for through "personas": request
 * mappings of its JSON_CONFIG that match a {@code persona} form parameter of the token request and fill the
 * claims from the other parameters ({@code ${sub}}, {@code ${group1}} …).
 *
 * <p>Issuers: {@value #ISSUER_ID} is the one Agora trusts; {@value #OTHER_ISSUER_ID} is a second issuer of the
 * same server with keys of its own, for tokens Agora must refuse.
 */
public final class MockProvider {

    public static final String ISSUER_ID = "agora";
    public static final String OTHER_ISSUER_ID = "elsewhere";
    /** Agora's client id at the provider, and so the audience its API tokens carry. */
    public static final String AGORA_CLIENT_ID = "agora";
    /** Groups a person token can carry: persona person-groups-N carries group1..groupN. */
    static final int MAX_GROUPS = 5;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process process;
    private static int port;

    private MockProvider() {
    }

    /** The issuer Agora is configured with: {@code http://localhost:<port>/agora}. */
    public static String issuer() {
        return issuer(ISSUER_ID);
    }

    public static String issuer(String issuerId) {
        if (process == null) {
            throw new IllegalStateException("the mock provider runs only under SingleSignOnProfile");
        }
        return "http://localhost:" + port + "/" + issuerId;
    }

    /** A person's access token as a script would hold it; build it up, then call {@link PersonToken#token()}. */
    public static PersonToken person(String subject) {
        return new PersonToken(subject);
    }

    /**
     * A pipeline's client-credentials token as Cognito (and mock-oauth2-server) issue them: the client is its own
     * subject, {@code client_id} names it, no {@code aud}.
     */
    public static String clientCredentialsToken(String clientId) {
        return token(ISSUER_ID, clientId, Map.of("persona", "cognito-client"));
    }

    /**
     * A client-credentials token as Keycloak issues it: the subject is the client's service-account user,
     * {@code preferred_username} "service-account-&lt;client&gt;", {@code azp} the client, {@code aud} Agora.
     */
    public static String keycloakServiceAccountToken(String clientId, String serviceAccountSubject) {
        return token(ISSUER_ID, clientId, Map.of("persona", "keycloak-client", "sub", serviceAccountSubject,
                "aud", AGORA_CLIENT_ID));
    }

    /** A person's access token, with the claims a spec chooses. */
    public static final class PersonToken {

        private final String subject;
        private String username;
        private String name = "";
        private String email = "";
        private String audience = AGORA_CLIENT_ID;
        private List<String> groups;
        private String issuerId = ISSUER_ID;
        private boolean expired;
        private String claimedIssuer;

        private PersonToken(String subject) {
            this.subject = subject;
            this.username = subject;
        }

        public PersonToken username(String preferredUsername) {
            this.username = preferredUsername;
            return this;
        }

        public PersonToken name(String displayName) {
            this.name = displayName;
            return this;
        }

        public PersonToken email(String email) {
            this.email = email;
            return this;
        }

        /** The groups claim; without a call the token has no groups claim at all. */
        public PersonToken groups(String... groups) {
            if (groups.length > MAX_GROUPS) {
                throw new IllegalArgumentException("the mock provider's personas carry at most " + MAX_GROUPS);
            }
            this.groups = List.of(groups);
            return this;
        }

        public PersonToken audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Issued by the other issuer of the mock server, signed with that issuer's own key. */
        public PersonToken fromOtherIssuer() {
            this.issuerId = OTHER_ISSUER_ID;
            return this;
        }

        /** Signed with the trusted issuer's key, but naming another issuer in {@code iss}. */
        public PersonToken claimingIssuer(String issuer) {
            this.claimedIssuer = issuer;
            return this;
        }

        /** Issued a quarter of an hour ago, expired two minutes ago. */
        public PersonToken expired() {
            this.expired = true;
            return this;
        }

        public String token() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("sub", subject);
            parameters.put("preferred_username", username);
            parameters.put("name", name);
            parameters.put("email", email);
            parameters.put("aud", audience);
            if (claimedIssuer != null) {
                parameters.put("persona", "person-claiming-issuer");
                parameters.put("iss", claimedIssuer);
            } else if (expired) {
                parameters.put("persona", "expired-person");
            } else if (groups == null) {
                parameters.put("persona", "person");
            } else {
                parameters.put("persona", "person-groups-" + groups.size());
                for (int i = 0; i < groups.size(); i++) {
                    parameters.put("group" + (i + 1), groups.get(i));
                }
            }
            return MockProvider.token(issuerId, "agora-cli", parameters);
        }
    }

    private static String token(String issuerId, String clientId, Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", "secret-of-" + clientId);
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer(issuerId) + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the mock provider refused a token: " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException("the mock provider did not answer", failed);
        }
    }

    // --- the process -------------------------------------------------------------------------------------------

    /** Starts the server (once per test run); returns the issuer Agora should trust. */
    static synchronized String start() {
        if (process != null && process.isAlive()) {
            return issuer();
        }
        long started = System.nanoTime();
        Path project = Path.of(System.getProperty("user.dir"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classpath(project),
                "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt");
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(project.resolve("target/mock-oauth2-server.log").toFile());
        builder.environment().put("SERVER_HOSTNAME", "127.0.0.1");
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("JSON_CONFIG", jsonConfig(Instant.now()));
        try {
            process = builder.start();
        } catch (IOException failed) {
            throw new IllegalStateException("cannot start mock-oauth2-server", failed);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(MockProvider::stop, "mock-oauth2-server-stop"));
        awaitDiscovery(Duration.ofSeconds(60));
        System.out.printf("mock-oauth2-server at %s ready in %d ms%n", issuer(),
                (System.nanoTime() - started) / 1_000_000);
        return issuer();
    }

    static synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static void awaitDiscovery(Duration patience) {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mock-oauth2-server ended at start; see target/mock-oauth2-server.log");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        stop();
        throw new IllegalStateException("mock-oauth2-server did not answer within " + patience);
    }

    /**
     * The server's classpath, resolved from src/test/oidc/mock-oauth2-server/pom.xml (no Quarkus BOM) with the
     * project's Maven wrapper — offline first, as the build usually is — and reused while the pom is unchanged.
     */
    private static String classpath(Path project) {
        Path pom = project.resolve("src/test/oidc/mock-oauth2-server/pom.xml");
        Path file = project.resolve("target/mock-oauth2-server.classpath");
        try {
            if (Files.exists(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) > 0) {
                String known = Files.readString(file).strip();
                if (!known.isEmpty() && Arrays.stream(known.split(java.io.File.pathSeparator))
                        .allMatch(jar -> Files.exists(Path.of(jar)))) {
                    return known;
                }
            }
            Files.createDirectories(file.getParent());
            if (!resolve(project, pom, file, true) && !resolve(project, pom, file, false)) {
                throw new IllegalStateException("cannot resolve the classpath of mock-oauth2-server; see "
                        + "target/mock-oauth2-server-resolve.log");
            }
            return Files.readString(file).strip();
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static boolean resolve(Path project, Path pom, Path output, boolean offline) throws IOException {
        List<String> command = new ArrayList<>(List.of(project.resolve("mvnw").toString(), "-q", "-B"));
        if (offline) {
            command.add("-o");
        }
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of("-f", pom.toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + output.toAbsolutePath()));
        Process maven = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(project.resolve("target/mock-oauth2-server-resolve.log").toFile()).start();
        try {
            return maven.waitFor(5, TimeUnit.MINUTES) && maven.exitValue() == 0 && Files.size(output) > 0;
        } catch (InterruptedException interrupted) {
            maven.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The personas of both issuers; {@code now} fixes the times of the expired persona. */
    static String jsonConfig(Instant now) {
        List<Map<String, Object>> personas = new ArrayList<>();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("sub", "${sub}");
        person.put("preferred_username", "${preferred_username}");
        person.put("name", "${name}");
        person.put("email", "${email}");
        person.put("aud", List.of("${aud}"));
        person.put("azp", "${clientId}");
        person.put("scope", "openid profile email");
        personas.add(mapping("persona", "person", person));
        for (int count = 0; count <= MAX_GROUPS; count++) {
            Map<String, Object> withGroups = new LinkedHashMap<>(person);
            List<String> groups = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                groups.add("${group" + i + "}");
            }
            withGroups.put("groups", groups);
            personas.add(mapping("persona", "person-groups-" + count, withGroups));
        }
        Map<String, Object> expired = new LinkedHashMap<>(person);
        expired.put("iat", now.minusSeconds(900).getEpochSecond());
        expired.put("nbf", now.minusSeconds(900).getEpochSecond());
        expired.put("exp", now.minusSeconds(120).getEpochSecond());
        personas.add(mapping("persona", "expired-person", expired));
        Map<String, Object> claimingIssuer = new LinkedHashMap<>(person);
        claimingIssuer.put("iss", "${iss}");
        personas.add(mapping("persona", "person-claiming-issuer", claimingIssuer));
        personas.add(mapping("persona", "cognito-client", Map.of("sub", "${clientId}", "client_id", "${clientId}",
                "token_use", "access", "scope", "agora/api")));
        personas.add(mapping("persona", "keycloak-client", Map.of("sub", "${sub}", "azp", "${clientId}",
                "client_id", "${clientId}", "preferred_username", "service-account-${clientId}",
                "aud", List.of("${aud}"))));
        // the browser's code flow (interactive login): the name typed on the login page is the person
        personas.add(mapping("code", "*", Map.of("sub", "${subject}", "preferred_username", "${subject}",
                "aud", List.of(AGORA_CLIENT_ID))));
        List<Map<String, Object>> callbacks = new ArrayList<>();
        for (String issuerId : List.of(ISSUER_ID, OTHER_ISSUER_ID)) {
            callbacks.add(Map.of("issuerId", issuerId, "tokenExpiry", 3600, "requestMappings", personas));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("interactiveLogin", true);
        config.put("httpServer", "NettyWrapper");
        config.put("tokenCallbacks", callbacks);
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Map<String, Object> mapping(String parameter, String match, Map<String, Object> claims) {
        return Map.of("requestParam", parameter, "match", match, "claims", claims);
    }
}
