package dev.agora.catalog.harvest;

import dev.agora.catalog.PortType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;

/** The harvester for each port type, among those that configuration switched on. */
@ApplicationScoped
public class SchemaHarvesters {

    private final Map<PortType, SchemaHarvester> byType = new EnumMap<>(PortType.class);

    SchemaHarvesters(Instance<SchemaHarvester> harvesters) {
        harvesters.forEach(harvester -> byType.put(harvester.portType(), harvester));
    }

    public SchemaHarvester.Outcome harvest(PortType type, String location) {
        SchemaHarvester harvester = byType.get(type);
        if (harvester == null) {
            return new SchemaHarvester.Outcome.Unavailable(switch (type) {
                case GLUE_TABLE -> "harvesting from AWS Glue is not switched on (AGORA_GLUE_HARVEST=aws)";
                default -> "Agora cannot read the schema of a " + type + " port";
            });
        }
        return harvester.harvest(location);
    }

    public boolean canHarvest(PortType type) {
        return byType.containsKey(type);
    }
}
