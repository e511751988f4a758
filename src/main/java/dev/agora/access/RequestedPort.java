package dev.agora.access;

import java.util.List;

/** An output port the access is for, optionally narrowed to named columns (empty: all columns). */
public record RequestedPort(long portId, String name, List<String> columns) {

    public RequestedPort {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public boolean allColumns() {
        return columns.isEmpty();
    }
}
