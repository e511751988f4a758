package dev.agora.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * A local HTTP endpoint for specs of what Agora sends out (webhooks, Slack, Teams): it records every request it
 * receives (path, headers, exact body bytes) and answers each path with a scripted status, 200 by default, after an
 * optional delay. Start it with {@link #start()}, stop it with {@link #close()}.
 */
public final class RecordingEndpoint implements AutoCloseable {

    /** One request as received. */
    public record Received(String method, String path, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A header by its name, case-insensitively. */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, IntSupplier> statuses = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    private RecordingEndpoint(HttpServer server) {
        this.server = server;
    }

    public static RecordingEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RecordingEndpoint endpoint = new RecordingEndpoint(server);
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                String path = exchange.getRequestURI().getPath();
                synchronized (endpoint.received) {
                    endpoint.received.add(new Received(exchange.getRequestMethod(), path, headers, body));
                }
                Duration delay = endpoint.delays.get(path);
                if (delay != null) {
                    try {
                        Thread.sleep(delay.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                int status = endpoint.statuses.getOrDefault(path, () -> 200).getAsInt();
                byte[] answer = (status >= 200 && status < 300 ? "ok" : "no").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return endpoint;
        } catch (IOException unstartable) {
            throw new IllegalStateException(unstartable);
        }
    }

    /** The URL of a path on this endpoint, e.g. url("/hooks/a"). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers requests to this path with this status from now on. */
    public RecordingEndpoint answer(String path, int status) {
        statuses.put(path, () -> status);
        return this;
    }

    /** Answers requests to this path with the status the supplier gives each time. */
    public RecordingEndpoint answer(String path, IntSupplier status) {
        statuses.put(path, status);
        return this;
    }

    /** Waits this long before answering requests to this path. */
    public RecordingEndpoint delay(String path, Duration delay) {
        delays.put(path, delay);
        return this;
    }

    /** What this path received, oldest first. */
    public List<Received> received(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
