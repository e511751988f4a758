package dev.agora.catalog;

import static dev.agora.support.Products.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.events.DomainEvent;
import dev.agora.events.OutboxEntry;
import dev.agora.events.Outbox;
import dev.agora.support.Api;
import dev.agora.support.Products;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When a revision or a new version changes the columns of a port, the catalog records
 * {@code catalog.product.schema-changed} (public type {@code agora.product.schema-changed}) in the same transaction:
 * per port the columns added, removed, and changed in type or PII flag. Descriptions are documentation: a change of
 * descriptions alone (or no change at all) announces no schema change.
 */
@QuarkusTest
class SchemaChangesAreAnnouncedSpec {

    private static final String SCHEMA_CHANGED = "agora.catalog.product.schema-changed";

    @Inject
    Outbox outbox;

    @Test
    void a_revision_that_adds_removes_and_changes_columns_announces_exactly_that() {
        String name = "Schema Spec " + Products.uniqueTag();
        String slug = created(Products.named(name));

        Map<String, Object> amountAsPii = column("amount", "integer", "Order total");
        amountAsPii.put("pii", true);
        revise(slug, Products.named(name).withoutPorts().port("main", "postgres-table", "lake.orders", amountAsPii,
                column("channel", "text", "Where the order came from")));

        List<DomainEvent> changes = events(slug, SCHEMA_CHANGED);
        assertThat(changes).hasSize(1);
        Map<String, Object> data = changes.get(0).payload();
        assertThat(data).containsEntry("product", slug).containsEntry("version", "1.0.0");
        assertThat(data.get("ports")).isEqualTo(List.of(Map.of(
                "port", "main",
                "added", List.of(Map.of("name", "channel", "type", "text", "pii", false, "nullable", true,
                        "primaryKey", false)),
                "removed", List.of(Map.of("name", "order_id", "type", "bigint", "pii", false, "nullable", true,
                        "primaryKey", false)),
                "changed", List.of(Map.of("name", "amount",
                        "from", Map.of("type", "numeric", "pii", false, "nullable", true, "primaryKey", false),
                        "to", Map.of("type", "integer", "pii", true, "nullable", true, "primaryKey", false))))));
    }

    @Test
    void a_revision_of_descriptions_only_announces_no_schema_change() {
        String name = "Schema Spec " + Products.uniqueTag();
        String slug = created(Products.named(name));

        revise(slug, Products.named(name).withoutPorts().port("main", "postgres-table", "lake.orders",
                column("order_id", "bigint", "The order's key, reworded"),
                column("amount", "numeric", "What the customer paid")));
        revise(slug, Products.named(name).with("description", "The same columns, described in other words."));

        assertThat(events(slug, "agora.catalog.product.revised")).hasSize(2);
        assertThat(events(slug, SCHEMA_CHANGED)).isEmpty();
    }

    @Test
    void a_new_version_with_a_new_port_announces_its_columns_under_the_new_version() {
        String name = "Schema Spec " + Products.uniqueTag();
        String slug = created(Products.named(name));

        Map<String, Object> product = Products.named(name).with("version", null)
                .port("totals", "postgres-table", "lake.orders", column("day", "date", "The day")).body();
        Api.as("olivia").body(Map.of("version", "2.0.0", "changelog", "Daily totals", "product", product))
                .post("/api/v1/products/" + slug + "/versions").then().statusCode(201);

        List<DomainEvent> changes = events(slug, SCHEMA_CHANGED);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).payload()).containsEntry("version", "2.0.0");
        assertThat(changes.get(0).payload().get("ports")).isEqualTo(List.of(Map.of("port", "totals",
                "added", List.of(Map.of("name", "day", "type", "date", "pii", false, "nullable", true,
                        "primaryKey", false)),
                "removed", List.of(), "changed", List.of())));
    }

    @Test
    void every_event_of_a_product_names_it_in_data_product() {
        String slug = created(Products.named("Schema Spec " + Products.uniqueTag()));
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);

        List<DomainEvent> all = QuarkusTransaction.requiringNew().call(() -> outbox.about("data-product", slug)
                .stream().map(OutboxEntry::toEvent).toList());
        assertThat(all).extracting(DomainEvent::type)
                .contains("agora.catalog.product.created", "agora.catalog.product.published");
        assertThat(all).allSatisfy(event -> assertThat(event.payload()).containsEntry("product", slug));
    }

    private static String created(Products product) {
        return Api.as("olivia").body(product.body()).post("/api/v1/products").then().statusCode(201).extract()
                .path("slug");
    }

    private static void revise(String slug, Products product) {
        Api.as("olivia").body(product.body()).put("/api/v1/products/" + slug).then().statusCode(200);
    }

    private List<DomainEvent> events(String slug, String type) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.about("data-product", slug).stream()
                .map(OutboxEntry::toEvent).filter(event -> event.type().equals(type)).toList());
    }
}
