package dev.agora.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds product bodies as producers' pipelines send them. Each builder gets a unique marker tag, so that a spec
 * can find exactly its own products among everything else in the shared test database.
 */
public final class Products {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> ports = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();

    private Products(String name) {
        body.put("name", name);
        body.put("ownerTeam", "sales-analytics");
        body.put("description", "A data product made by a specification, with enough words to be published.");
        body.put("classification", "INTERNAL");
        body.put("version", "1.0.0");
        body.put("contact", "spec@agora.example");
        body.put("tags", tags);
        body.put("outputPorts", ports);
    }

    /** A product of sales-analytics with one described postgres-table port, ready to publish. */
    public static Products named(String name) {
        return new Products(name).port("main", "postgres-table", "lake.orders",
                column("order_id", "bigint", "Order key"), column("amount", "numeric", "Order total"));
    }

    /** A tag no other spec uses: {@code spec-1a2b3c4d}. */
    public static String uniqueTag() {
        return "spec-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> column(String name, String type, String description) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("type", type);
        column.put("description", description);
        column.put("pii", false);
        return column;
    }

    @SafeVarargs
    public final Products port(String name, String type, String location, Map<String, Object>... columns) {
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("name", name);
        port.put("type", type);
        port.put("location", location);
        port.put("columns", List.of(columns));
        ports.add(port);
        return this;
    }

    /** Replaces the ports by one whose columns Agora is to harvest. */
    public Products harvestedPort(String name, String type, String location) {
        ports.clear();
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("name", name);
        port.put("type", type);
        port.put("location", location);
        ports.add(port);
        return this;
    }

    public Products withoutPorts() {
        ports.clear();
        return this;
    }

    public Products with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Products without(String field) {
        body.remove(field);
        return this;
    }

    public Products tagged(String... more) {
        tags.addAll(List.of(more));
        return this;
    }

    public Map<String, Object> body() {
        return body;
    }
}
