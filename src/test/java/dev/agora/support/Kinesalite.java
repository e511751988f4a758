package dev.agora.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * A local Kinesis: the npm package kinesalite (in memory), installed into target/kinesalite by npm on first use and
 * started once per test run on a free port, shared by every spec and benchmark and stopped when the JVM ends. It
 * speaks Kinesis' JSON protocol only, so the SDK runs with {@code aws.cborEnabled=false} (surefire sets it; the
 * clients made here set it too). Its log goes to target/kinesalite.log.
 */
public final class Kinesalite {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration INSTALL_PATIENCE = Duration.ofSeconds(300);
    private static Kinesalite shared;

    private final int port;
    private final Process process;

    private Kinesalite(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** The one kinesalite of this test run, installed and started on first use. */
    public static synchronized Kinesalite shared() {
        if (shared == null) {
            shared = start();
            Kinesalite started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "kinesalite-stop"));
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A real SDK client against this kinesalite (any credentials do; it checks that there are some). */
    public KinesisClient client() {
        if (System.getProperty("aws.cborEnabled") == null) {
            System.setProperty("aws.cborEnabled", "false");
        }
        return KinesisClient.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDAGORATEST", "s")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Every record on the stream, shard by shard, in the order of each shard. */
    public static java.util.List<software.amazon.awssdk.services.kinesis.model.Record> records(KinesisClient kinesis,
            String stream) {
        java.util.List<software.amazon.awssdk.services.kinesis.model.Record> records = new java.util.ArrayList<>();
        for (var shard : kinesis.listShards(request -> request.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(request -> request.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(software.amazon.awssdk.services.kinesis.model.ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = kinesis.getRecords(request -> request.shardIterator(current).limit(10_000));
                records.addAll(page.records());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }

    /** Creates a stream with this many shards and waits until it is active. */
    public void createStream(String name, int shards) {
        try (KinesisClient kinesis = client()) {
            kinesis.createStream(request -> request.streamName(name).shardCount(shards));
            kinesis.waiter().waitUntilStreamExists(request -> request.streamName(name));
        }
    }

    private static Kinesalite start() {
        Path home = Path.of(System.getProperty("agora.kinesalite.home", "target/kinesalite")).toAbsolutePath();
        String version = System.getProperty("agora.kinesalite.version", "3.3.3");
        Path log = Path.of("target", "kinesalite.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Path cli = home.resolve("node_modules/kinesalite/cli.js");
            if (!Files.isRegularFile(cli)) {
                install(home, version, log);
            }
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port),
                    "--host", "127.0.0.1", "--createStreamMs", "0", "--deleteStreamMs", "0", "--updateStreamMs", "0",
                    "--shardLimit", "100");
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            Kinesalite kinesalite = new Kinesalite(port, process);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("kinesalite stopped at start:\n" + Files.readString(log));
                }
                if (kinesalite.answers()) {
                    return kinesalite;
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new IllegalStateException("kinesalite did not answer in " + PATIENCE.toSeconds() + " s:\n"
                    + Files.readString(log));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** npm install of the pinned version into target: the build needs Node and npm only, no global install. */
    private static void install(Path home, String version, Path log) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Process npm = new ProcessBuilder(List.of("npm", "install", "--prefix", home.toString(), "--no-audit",
                "--no-fund", "--no-save", "kinesalite@" + version))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!npm.waitFor(INSTALL_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm install kinesalite@" + version + " took longer than "
                    + INSTALL_PATIENCE.toSeconds() + " s:\n" + Files.readString(log));
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm install kinesalite@" + version + " failed (Node 20 and npm are "
                    + "needed):\n" + Files.readString(log));
        }
    }

    private boolean answers() {
        try {
            // any answer will do: without a signature kinesalite says MissingAuthenticationToken
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
