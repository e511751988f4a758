package dev.agora.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the runnable product. Before Quarkus boots, it makes sure the configured PostgreSQL answers and
 * that Agora's database exists, so that a newcomer without a database gets one line saying what to start or set
 * instead of a wall of stack traces from the connection pool and Flyway.
 */
@QuarkusMain
public class AgoraMain {

    public static void main(String... args) {
        DatabaseSettings settings = DatabaseSettings.fromConfiguration();
        DatabaseBootstrap.Outcome outcome = new DatabaseBootstrap(settings).ensureDatabaseExists();
        if (outcome instanceof DatabaseBootstrap.Outcome.Unreachable unreachable) {
            System.err.println(unreachable.advice());
            System.exit(2);
        }
        if (outcome instanceof DatabaseBootstrap.Outcome.Created created) {
            System.out.println("Agora created the database " + created.database() + ".");
        }
        Quarkus.run(args);
    }
}
