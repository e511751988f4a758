package dev.agora.platform;

import dev.agora.support.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The README's first command on a machine with a JDK and nothing else: the packaged jar, with no database
 * configured and nothing listening at the default address, starts an embedded PostgreSQL, lets a demo user sign in,
 * and finds its data again at the next start. PostgreSQL refuses to run as root, so the jar runs as an unprivileged
 * user ({@value #UNPRIVILEGED_USER}, through runuser, when the tests run as root as on CI).
 */
class EmbeddedPostgresqlStartIT {

    private static final String UNPRIVILEGED_USER = "nobody";
    private static Path workspace;

    @BeforeAll
    static void copyTheApplicationWhereAnUnprivilegedUserMayRunIt() throws IOException {
        Path app = Path.of(System.getProperty("agora.jar", "target/quarkus-app/quarkus-run.jar")).getParent();
        assertThat(app.resolve("quarkus-run.jar")).as("this spec runs after packaging (./mvnw verify)").exists();
        workspace = Files.createTempDirectory("agora-embedded-it-");
        copy(app, workspace.resolve("app"));
        Files.createDirectories(workspace.resolve("tmp"));
        if (isRoot()) {
            try (Stream<Path> all = Files.walk(workspace)) {
                UserPrincipal owner = workspace.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(UNPRIVILEGED_USER);
                for (Path path : all.toList()) {
                    Files.setOwner(path, owner);
                }
            }
        }
    }

    @AfterAll
    static void removeTheWorkspace() throws IOException {
        if (workspace != null) {
            try (Stream<Path> all = Files.walk(workspace)) {
                all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Nested
    class As_an_unprivileged_user {

        @Test
        void the_jar_starts_an_embedded_postgresql_a_demo_user_signs_in_and_a_second_start_keeps_the_data()
                throws Exception {
            assumeTrue(!isRoot() || runuserAvailable(), "running as root without runuser: cannot start the jar as "
                    + "an unprivileged user, which the embedded PostgreSQL needs");
            Path data = workspace.resolve("data");
            String newcomer = "embedded" + UUID.randomUUID().toString().substring(0, 8);

            long firstStart = System.nanoTime();
            try (Agora first = Agora.start(data, true)) {
                Duration startUp = Duration.ofNanos(System.nanoTime() - firstStart);
                assertThat(first.output()).containsPattern(
                        "No PostgreSQL at localhost:\\d+: started an embedded PostgreSQL 15 on port \\d+, data in "
                                + data.resolve("postgres").toAbsolutePath());
                assertThat(first.get("/api/v1/me", "marco", "agora-demo").statusCode()).isEqualTo(200);
                assertThat(signInWithAGuessedPassword(first.databasePort()))
                        .as("the embedded server's superuser with a guessed password").isEqualTo("28P01");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(
                        "postgres-password")))).isEqualTo("rw-------");
                HttpResponse<String> created = first.post("/api/v1/admin/users", "{\"username\":\"" + newcomer
                        + "\",\"password\":\"embedded-secret-1\"}", "admin", "agora-demo");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                System.out.printf("embedded PostgreSQL, first start (initdb included): %d ms, RSS %s%n",
                        startUp.toMillis(), first.residentSetSize());
            }
            assertThat(data.resolve("postgres").resolve("postmaster.pid"))
                    .as("the embedded server stops with Agora").doesNotExist();

            long secondStart = System.nanoTime();
            try (Agora second = Agora.start(data, true)) {
                Duration startUp = Duration.ofNanos(System.nanoTime() - secondStart);
                assertThat(second.get("/api/v1/me", newcomer, "embedded-secret-1").statusCode())
                        .as("the account created at the first start").isEqualTo(200);
                assertThat(second.output()).contains("started an embedded PostgreSQL")
                        .doesNotContain("Agora created the database");
                System.out.printf("embedded PostgreSQL, second start: %d ms, RSS %s%n", startUp.toMillis(),
                        second.residentSetSize());
            }
        }
    }

    @Nested
    class As_root {

        @Test
        void the_jar_prints_one_line_naming_the_fixes_and_exits_non_zero() throws Exception {
            assumeTrue(isRoot(), "not running as root: PostgreSQL's refusal to run as root cannot be shown");
            Agora refused = Agora.launch(workspace.resolve("root-data"), false);
            assertThat(refused.process.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();

            assertThat(refused.process.exitValue()).isNotZero();
            String output = refused.output().strip();
            assertThat(output).doesNotContain("\n").doesNotContain("Exception").contains("root")
                    .contains("normal user").contains("start a PostgreSQL server").contains("AGORA_DB_URL");
        }
    }

    /** The packaged jar as a process: no AGORA_DB_URL, and the default address pointed at a port nobody uses. */
    private static final class Agora implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final int port;

        private Agora(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static Agora start(Path data, boolean unprivileged) throws Exception {
            Agora agora = launch(data, unprivileged);
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                if (!agora.process.isAlive()) {
                    throw new AssertionError("Agora stopped at start: " + agora.output());
                }
                try {
                    if (agora.get("/q/health/ready", null, null).statusCode() == 200) {
                        return agora;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            agora.close();
            throw new AssertionError("Agora did not become ready in 180 s: " + agora.output());
        }

        static Agora launch(Path data, boolean unprivileged) throws IOException {
            int port = freePort();
            Path log = workspace.resolve("agora-" + UUID.randomUUID() + ".log");
            List<String> command = new ArrayList<>();
            if (unprivileged && isRoot()) {
                command.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-Djava.io.tmpdir=" + workspace.resolve("tmp"), "-jar",
                    workspace.resolve("app").resolve("quarkus-run.jar").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("AGORA_") || name.startsWith("QUARKUS_"));
            environment.put("AGORA_DEFAULT_DB_PORT", Integer.toString(freePort()));
            environment.put("AGORA_PORT", Integer.toString(port));
            environment.put("AGORA_DATA_DIR", data.toString());
            environment.put("AGORA_SESSION_KEY", "embedded-start-session-key-0123456789");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new Agora(builder.start(), log, port);
        }

        HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
            return new LocalHttp(port).get(path, user, password);
        }

        HttpResponse<String> post(String path, String json, String user, String password)
                throws IOException, InterruptedException {
            return new LocalHttp(port).post(path, json, user, password);
        }

        int databasePort() throws IOException {
            Matcher started = Pattern.compile("embedded PostgreSQL \\d+ on port (\\d+)").matcher(output());
            assertThat(started.find()).as(output()).isTrue();
            return Integer.parseInt(started.group(1));
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        /** Agora's JVM and the PostgreSQL processes it started, added up (Linux only). */
        String residentSetSize() {
            long kilobytes = Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                    .mapToLong(handle -> rssKilobytes(handle.pid())).sum();
            return kilobytes == 0 ? "unknown" : (kilobytes / 1024) + " MB";
        }

        private static long rssKilobytes(long pid) {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).sum();
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        /** SIGTERM to Agora's JVM (not to runuser), then wait: the embedded server must stop with it. */
        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> javas = Stream.concat(Stream.of(process.toHandle()), process.toHandle().children())
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(false))
                    .toList();
            javas.forEach(ProcessHandle::destroy);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    /** The SQL state of the refusal, or "signed in" (initdb's default, trust, lets every local user in). */
    private static String signInWithAGuessedPassword(int port) {
        try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/agora",
                "postgres", "postgres")) {
            return "signed in";
        } catch (SQLException refused) {
            return String.valueOf(refused.getSQLState());
        }
    }

    private static boolean isRoot() {
        return DatabaseChoice.runningAsRoot();
    }

    private static boolean runuserAvailable() {
        return Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")
                .anyMatch(path -> Files.isExecutable(Path.of(path)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
