package dev.agora.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry point of the runnable product. Before Quarkus boots, it decides which PostgreSQL Agora uses (the
 * configured one, or an embedded one when none is configured and none answers: ADR 0009), makes sure Agora's
 * database exists, and otherwise prints one line saying what to start or set instead of a wall of stack traces.
 *
 * <p>The choice is handed to Quarkus as system properties, set here before {@link Quarkus#run}: they outrank every
 * other configuration source, and this is the one place that runs exactly once, before the datasource and Flyway,
 * with a lifecycle to stop the embedded server after Quarkus has stopped (a config source would run at build time
 * and in tests too, with nobody to stop what it started).
 */
@QuarkusMain
public class AgoraMain {

    private static final String DATABASE = "agora";

    public static void main(String... args) {
        DatabaseSettings settings = DatabaseSettings.fromConfiguration();
        DatabaseSettings.Fallback fallback = DatabaseSettings.Fallback.fromConfiguration();
        boolean answers = fallback.urlConfigured() || DatabaseChoice.serverAnswers(settings.jdbcUrl());
        DatabaseChoice.Decision decision = DatabaseChoice.decide(fallback, settings.jdbcUrl(), answers,
                !answers && DatabaseChoice.runningAsRoot());

        EmbeddedDatabase embedded = null;
        if (decision instanceof DatabaseChoice.Decision.Refuse refusal) {
            System.err.println(refusal.line());
            System.exit(2);
        } else if (decision instanceof DatabaseChoice.Decision.StartEmbedded start) {
            embedded = startEmbedded(start, fallback);
            settings = new DatabaseSettings(embedded.jdbcUrl(DATABASE), embedded.username(), embedded.password());
            System.setProperty("quarkus.datasource.jdbc.url", settings.jdbcUrl());
            System.setProperty("quarkus.datasource.username", settings.username());
            System.setProperty("quarkus.datasource.password", settings.password());
        }

        DatabaseBootstrap.Outcome outcome = new DatabaseBootstrap(settings).ensureDatabaseExists();
        if (outcome instanceof DatabaseBootstrap.Outcome.Unreachable unreachable) {
            System.err.println(unreachable.advice());
            stop(embedded);
            System.exit(2);
        }
        if (outcome instanceof DatabaseBootstrap.Outcome.Created created) {
            System.out.println("Agora created the database " + created.database() + ".");
        }
        if (embedded == null) {
            Quarkus.run(args);
        } else {
            runThenStop(embedded, args);
        }
    }

    private static EmbeddedDatabase startEmbedded(DatabaseChoice.Decision.StartEmbedded start,
            DatabaseSettings.Fallback fallback) {
        try {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(fallback.dataDirectory());
            System.out.println("No PostgreSQL at " + start.probedAddress() + ": started an embedded PostgreSQL "
                    + embedded.version() + " on port " + embedded.port() + ", data in " + embedded.dataDirectory()
                    + " (set AGORA_DB_URL to use a server of your own).");
            return embedded;
        } catch (IOException | RuntimeException failed) {
            System.err.println("No PostgreSQL at " + start.probedAddress() + ", and the embedded PostgreSQL did not "
                    + "start (" + firstLine(failed) + "; its log: " + fallback.dataDirectory().toAbsolutePath()
                    .normalize().resolve("postgres.log") + "): start a PostgreSQL server or set AGORA_DB_URL.");
            System.exit(2);
            throw new IllegalStateException("unreachable");
        }
    }

    /**
     * Quarkus stops first (its pool and scheduled work still need the database), then the embedded server. On
     * SIGTERM, Quarkus' shutdown hook stops the application and {@code Quarkus.run} returns here; a hook of ours
     * keeps the JVM alive until the server is down.
     */
    private static void runThenStop(EmbeddedDatabase embedded, String... args) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!stopped.await(30, TimeUnit.SECONDS)) {
                    stop(embedded);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "agora-embedded-postgres-stop"));
        AtomicInteger exitCode = new AtomicInteger();
        Quarkus.run(null, (code, failure) -> exitCode.set(code), args);
        stop(embedded);
        stopped.countDown();
        System.exit(exitCode.get());
    }

    private static void stop(EmbeddedDatabase embedded) {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException | RuntimeException failed) {
            System.err.println("The embedded PostgreSQL did not stop cleanly: " + firstLine(failed));
        }
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
