package dev.agora.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which PostgreSQL Agora uses, decided before Quarkus boots: the configured one, or, when the user named none and
 * nothing answers at the default address, an embedded PostgreSQL (demo mode only, and never as root, where initdb
 * refuses to run).
 */
public final class DatabaseChoice {

    /** The decision, with the one line to print when Agora cannot go on. */
    public sealed interface Decision {
        /** The configured URL: a server of the user's, or one that answers at the default address. */
        record UseConfigured() implements Decision {}

        record StartEmbedded(String probedAddress) implements Decision {}

        record Refuse(String line) implements Decision {}
    }

    private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^/:,?]+)(?::(\\d+))?/.*$");
    private static final int DEFAULT_PORT = 5432;

    private DatabaseChoice() {}

    public static Decision decide(DatabaseSettings.Fallback fallback, String jdbcUrl, boolean serverAnswers,
            boolean runningAsRoot) {
        if (fallback.urlConfigured() || serverAnswers) {
            return new Decision.UseConfigured();
        }
        String address = address(jdbcUrl).map(Address::toString).orElse(jdbcUrl);
        if (!fallback.demo()) {
            return new Decision.Refuse("No PostgreSQL at " + address + ", and AGORA_DEMO=false: a real deployment "
                    + "keeps its data in a PostgreSQL server of its own, not the embedded one; set AGORA_DB_URL "
                    + "(with AGORA_DB_USER and AGORA_DB_PASSWORD).");
        }
        if (runningAsRoot) {
            return new Decision.Refuse("No PostgreSQL at " + address + ", and the embedded PostgreSQL cannot run as "
                    + "root (initdb refuses): run Agora as a normal user, or start a PostgreSQL server "
                    + "(sudo pg_ctlcluster 15 main start) or set AGORA_DB_URL to yours.");
        }
        return new Decision.StartEmbedded(address);
    }

    /** Whether anything accepts a TCP connection at the URL's first host and port (no login attempted). */
    public static boolean serverAnswers(String jdbcUrl) {
        Optional<Address> address = address(jdbcUrl);
        if (address.isEmpty()) {
            return true; // not a URL we can probe: leave it to the bootstrap, which names the setting to fix
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.get().host(), address.get().port()), 2_000);
            return true;
        } catch (IOException nothingListens) {
            return false;
        }
    }

    /** PostgreSQL's initdb and postgres refuse to run as root; so does the embedded fallback, before trying. */
    public static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError notUnix) {
            return false;
        }
    }

    static Optional<Address> address(String jdbcUrl) {
        Matcher matcher = HOST_AND_PORT.matcher(jdbcUrl);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int port = matcher.group(2) == null ? DEFAULT_PORT : Integer.parseInt(matcher.group(2));
        return Optional.of(new Address(matcher.group(1), port));
    }

    record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
