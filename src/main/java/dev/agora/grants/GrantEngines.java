package dev.agora.grants;

import java.util.List;
import java.util.Optional;

/** The engines switched on by configuration ({@link GrantEngineProducer}), and which grants on a resource type. */
public class GrantEngines {

    private final List<GrantEngine> engines;

    GrantEngines(List<GrantEngine> engines) {
        this.engines = List.copyOf(engines);
    }

    public Optional<GrantEngine> forResource(String resourceType) {
        return engines.stream().filter(engine -> engine.handles(resourceType)).findFirst();
    }

    public Optional<GrantEngine> named(String name) {
        return engines.stream().filter(engine -> engine.name().equals(name)).findFirst();
    }

    public List<GrantEngine> all() {
        return engines;
    }

    /** What the owner reads when nothing can grant on a port of this type. */
    static String noEngineFor(String resourceType) {
        return switch (resourceType) {
            case "glue-table" -> "no engine is configured for glue-table ports (set AGORA_LAKEFORMATION=aws to grant "
                    + "through AWS Lake Formation)";
            default -> "no engine is configured for " + resourceType + " ports";
        };
    }
}
