package dev.agora.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged application, started as a process of its own (as a user runs it), so that a spec can kill it
 * with SIGKILL and start it again.
 */
public final class AgoraProcess implements AutoCloseable {

    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;
    private final LocalHttp http;

    public AgoraProcess(String database, Path dataDirectory, Map<String, String> extra) {
        this.port = freePort();
        this.http = new LocalHttp(port);
        this.log = Path.of("target", "agora-process-" + database + ".log");
        this.environment = new HashMap<>(extra);
        environment.put("AGORA_DB_URL", "jdbc:postgresql://localhost:5432/" + database);
        environment.put("AGORA_PORT", Integer.toString(port));
        environment.put("AGORA_DATA_DIR", dataDirectory.toString());
    }

    public AgoraProcess start() throws IOException, InterruptedException {
        String jar = System.getProperty("agora.jar", "target/quarkus-app/quarkus-run.jar");
        if (!new File(jar).exists()) {
            throw new IllegalStateException(jar + " is missing: this spec runs after packaging (./mvnw verify)");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Agora stopped at start; see " + log.toAbsolutePath());
            }
            try {
                if (get("/q/health/ready", null, null).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Agora did not become ready in 90 s; see " + log.toAbsolutePath());
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no transaction finished, exactly like a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return http.get(path, user, password);
    }

    public HttpResponse<String> post(String path, String json, String user, String password)
            throws IOException, InterruptedException {
        return http.post(path, json, user, password);
    }

    public HttpResponse<String> put(String path, String json, String user, String password)
            throws IOException, InterruptedException {
        return http.put(path, json, user, password);
    }

    /** Where the process listens, for calls LocalHttp does not make (other credentials, forms). */
    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
