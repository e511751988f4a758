package dev.agora.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /api/v1/search?q=…&domain=…} as an API client makes it: HTTP Basic, keep-alive, whole body read. */
final class HttpSearch {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI endpoint;
    private final String authorization;

    HttpSearch(URI endpoint, String username, String password) {
        this.endpoint = endpoint;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs the query; tells the total the API answered. */
    long run(QueryMix.Query query) throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(endpoint.toString()).append("?q=").append(encode(query.text()));
        if (query.domain() != null) {
            uri.append("&domain=").append(encode(query.domain()));
        }
        if (query.classification() != null) {
            uri.append("&classification=").append(encode(query.classification()));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        Matcher total = TOTAL.matcher(response.body());
        if (!total.find()) {
            throw new IllegalStateException("GET " + uri + " answered no total: " + response.body());
        }
        return Long.parseLong(total.group(1));
    }

    /** {@code GET /api/v1/me}: the same sign-in, an account lookup and JSON, but no search. */
    long me() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/api/v1/me"))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/me answered " + response.statusCode());
        }
        return 0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
