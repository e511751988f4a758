package dev.agora.catalog.schema;

import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Lake tables of the schema specs' own (schema {@code schema_spec}, registered to sales-analytics), and published
 * products on them, so that DDL in one spec touches no other spec's product.
 */
public final class SpecTables {

    static final String SCHEMA = "schema_spec";

    private SpecTables() {
    }

    /** A new table {@code schema_spec.orders_xxxxxxxx} (id key, amount numeric(10,2), every column described). */
    public static String newTable() {
        String table = SCHEMA + ".orders_" + UUID.randomUUID().toString().substring(0, 8);
        ddl("CREATE SCHEMA IF NOT EXISTS " + SCHEMA,
                "CREATE TABLE " + table + " (id bigint PRIMARY KEY, amount numeric(10,2))",
                "COMMENT ON COLUMN " + table + ".id IS 'The order key'",
                "COMMENT ON COLUMN " + table + ".amount IS 'What the customer paid'");
        Locations.register("sales-analytics", "postgres-table", table);
        return table;
    }

    /** A published product of sales-analytics (olivia) with one harvested port "orders" on the table. */
    public static String publishedOn(String table) {
        String slug = Api.as("olivia").body(Products.named("Schema Watch Spec " + Products.uniqueTag())
                        .harvestedPort("orders", "postgres-table", table).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        return slug;
    }

    /** Runs DDL on the lake as its owner would. */
    public static void ddl(String... statements) {
        run(false, statements);
    }

    /**
     * Runs DDL the event trigger does not see ({@code session_replication_role = replica}): as if the notification
     * were lost, so that only an explicit check notices it.
     */
    public static void unseenDdl(String... statements) {
        run(true, statements);
    }

    private static void run(boolean unseen, String... statements) {
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                Statement statement = connection.createStatement()) {
            if (unseen) {
                statement.execute("SET session_replication_role = replica");
            }
            for (String sql : statements) {
                statement.execute(sql);
            }
            if (unseen) {
                statement.execute("SET session_replication_role = DEFAULT");
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
