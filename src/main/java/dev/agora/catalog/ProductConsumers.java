package dev.agora.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Who consumes a product now: the people and teams with approved, unexpired access. The catalog asks through this
 * port (access implements it), because a lower feature never calls a higher one's services.
 */
public interface ProductConsumers {

    /** A consumer: a person or a team, the ports it reads, and until when (null: no end). */
    record Consumer(String type, String name, List<String> ports, Instant until) {

        public Consumer {
            ports = ports == null ? List.of() : List.copyOf(ports);
        }

        public boolean isTeam() {
            return "TEAM".equals(type);
        }

        /** "team marketing-insights" or "user marco". */
        public String describe() {
            return (isTeam() ? "team " : "user ") + name;
        }
    }

    /** The active consumers of the product, each once, teams first. */
    List<Consumer> of(long productId);
}
