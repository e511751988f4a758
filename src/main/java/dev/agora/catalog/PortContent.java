package dev.agora.catalog;

import java.util.List;

/** An output port as a producer describes it: name, type, location and the columns (harvested or typed). */
public record PortContent(String name, PortType type, String location, List<ColumnSchema> columns) {

    public PortContent {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
