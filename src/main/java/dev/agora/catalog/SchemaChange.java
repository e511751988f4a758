package dev.agora.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the columns of a product's output ports changed between two states, port by port (ports matched by name):
 * columns added, removed, and changed in type, PII flag, nullability or primary key. A description is documentation, not schema: a change of
 * descriptions alone is no schema change, so consumers are not alerted for a reworded sentence.
 */
public record SchemaChange(List<PortChange> ports) {

    /** What changed in one port. */
    public record PortChange(String port, List<ColumnSchema> added, List<ColumnSchema> removed,
            List<ColumnChange> changed) {

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** A column kept under its name whose type, PII flag, nullability or primary key changed. */
    public record ColumnChange(String name, ColumnSchema from, ColumnSchema to) {}

    /** The columns of each port of a product, by port name, as they are now (a copy). */
    public static Map<String, List<ColumnSchema>> columnsOf(List<OutputPort> ports) {
        Map<String, List<ColumnSchema>> columns = new LinkedHashMap<>();
        ports.forEach(port -> columns.put(port.name(), List.copyOf(port.columns())));
        return columns;
    }

    public static SchemaChange between(Map<String, List<ColumnSchema>> before, Map<String, List<ColumnSchema>> after) {
        Set<String> portNames = new LinkedHashSet<>(before.keySet());
        portNames.addAll(after.keySet());
        List<PortChange> changes = new ArrayList<>();
        for (String port : portNames) {
            Map<String, ColumnSchema> was = byName(before.getOrDefault(port, List.of()));
            Map<String, ColumnSchema> now = byName(after.getOrDefault(port, List.of()));
            List<ColumnSchema> added = now.values().stream().filter(c -> !was.containsKey(c.name())).toList();
            List<ColumnSchema> removed = was.values().stream().filter(c -> !now.containsKey(c.name())).toList();
            List<ColumnChange> changed = now.values().stream()
                    .filter(c -> was.containsKey(c.name()) && differs(was.get(c.name()), c))
                    .map(c -> new ColumnChange(c.name(), was.get(c.name()), c)).toList();
            PortChange change = new PortChange(port, added, removed, changed);
            if (!change.isEmpty()) {
                changes.add(change);
            }
        }
        return new SchemaChange(List.copyOf(changes));
    }

    public boolean isEmpty() {
        return ports.isEmpty();
    }

    /** The {@code ports} of the event's data: {port, added: [{name, type, pii, nullable, primaryKey}], removed,
     * changed: [{name, from, to}]}. */
    public List<Map<String, Object>> asData() {
        return ports.stream().map(port -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("port", port.port());
            data.put("added", port.added().stream().map(SchemaChange::column).toList());
            data.put("removed", port.removed().stream().map(SchemaChange::column).toList());
            data.put("changed", port.changed().stream().map(change -> {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("name", change.name());
                column.put("from", shape(change.from()));
                column.put("to", shape(change.to()));
                return column;
            }).toList());
            return data;
        }).toList();
    }

    /** A change consumers must hear of: type, PII flag, nullability or primary key (never the description). */
    private static boolean differs(ColumnSchema was, ColumnSchema now) {
        return !was.type().equalsIgnoreCase(now.type()) || was.pii() != now.pii()
                || was.nullable() != now.nullable() || was.primaryKey() != now.primaryKey();
    }

    private static Map<String, ColumnSchema> byName(List<ColumnSchema> columns) {
        Map<String, ColumnSchema> named = new LinkedHashMap<>();
        columns.forEach(column -> named.put(column.name(), column));
        return named;
    }

    private static Map<String, Object> column(ColumnSchema column) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", column.name());
        data.putAll(shape(column));
        return data;
    }

    private static Map<String, Object> shape(ColumnSchema column) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", column.type());
        data.put("pii", column.pii());
        data.put("nullable", column.nullable());
        data.put("primaryKey", column.primaryKey());
        return data;
    }
}
