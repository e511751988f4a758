package dev.agora.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A port may name only data registered to its product's owner team: nobody publishes (and then requests) another
 * team's table, Agora's own tables or a system catalog.
 */
@QuarkusTest
class PortsNameOnlyTheirTeamsDataSpec {

    private static String uniqueTable() {
        return "lake.spec_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Products onTable(String name, String location) {
        return Products.named(name + " " + Products.uniqueTag()).withoutPorts().port("main", "postgres-table",
                location, Products.column("id", "bigint", "Key"));
    }

    @Nested
    class A_port_on_data_not_registered_to_its_team {

        @Test
        void is_refused_with_a_field_error_that_says_who_can_register_it() {
            String table = uniqueTable();

            Api.as("olivia").body(onTable("Unregistered", table).body()).post("/api/v1/products")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("outputPorts[0].location"))
                    .body("errors[0].message", equalTo(table + " is not registered to team sales-analytics; an "
                            + "administrator or a steward of domain sales can register it in Admin → Data locations"));
        }

        @Test
        void is_refused_naming_only_the_slug_of_the_team_it_belongs_to() {
            Api.as("marco").body(onTable("Borrowed Orders", "lake.orders").with("ownerTeam", "marketing-insights")
                            .body()).post("/api/v1/products")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("outputPorts[0].location"))
                    .body("errors[0].message", containsString("lake.orders is registered to team sales-analytics, "
                            + "not to team marketing-insights"));
        }

        @Test
        void is_refused_when_revised_onto_it() {
            String slug = Api.as("olivia").body(Products.named("Revised Away " + Products.uniqueTag()).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");

            Api.as("olivia").body(onTable("Revised Away", "lake.campaigns_elsewhere").body())
                    .put("/api/v1/products/" + slug)
                    .then().statusCode(400).body("errors[0].field", equalTo("outputPorts[0].location"));
        }

        @Test
        void is_refused_at_publishing_when_unregistered_since_the_draft_was_saved() {
            String table = uniqueTable();
            var registration = Locations.salesTable(table);
            String slug = Api.as("olivia").body(onTable("Unregistered Since", table).body()).post("/api/v1/products")
                    .then().statusCode(201).extract().path("slug");
            Locations.unregister(registration);

            Api.as("olivia").post("/api/v1/products/" + slug + "/publish")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("outputPorts[0].location"))
                    .body("errors[0].message", containsString(table + " is not registered to team sales-analytics"));
        }

        @Test
        void is_refused_in_a_new_version() {
            String slug = Api.as("olivia").body(Products.named("Versioned Away " + Products.uniqueTag()).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");

            Api.as("olivia").body(Map.of("version", "2.0.0", "changelog", "Moved to another table",
                            "product", onTable("Versioned Away", uniqueTable()).body()))
                    .post("/api/v1/products/" + slug + "/versions")
                    .then().statusCode(400).body("errors[0].field", equalTo("outputPorts[0].location"));
        }
    }

    @Nested
    class Registrations {

        @Test
        void a_registered_schema_covers_its_tables() {
            String schema = "spec_" + UUID.randomUUID().toString().substring(0, 8);
            Locations.register("sales-analytics", "postgres-table", schema);

            Api.as("olivia").body(onTable("In A Schema", schema + ".anything").body()).post("/api/v1/products")
                    .then().statusCode(201);
        }

        @Test
        void a_tables_registration_wins_over_its_schemas() {
            String schema = "spec_" + UUID.randomUUID().toString().substring(0, 8);
            Locations.register("marketing-insights", "postgres-table", schema);
            Locations.register("sales-analytics", "postgres-table", schema + ".orders");

            Api.as("olivia").body(onTable("Table Wins", schema + ".orders").body()).post("/api/v1/products")
                    .then().statusCode(201);
            Api.as("olivia").body(onTable("Schema Loses", schema + ".other").body()).post("/api/v1/products")
                    .then().statusCode(400)
                    .body("errors[0].message", containsString("registered to team marketing-insights"));
        }

        @Test
        void an_s3_prefix_covers_what_lies_below_it_on_segment_boundaries_only() {
            String bucket = "s3://spec-" + UUID.randomUUID().toString().substring(0, 8);
            Locations.register("sales-analytics", "s3-prefix", bucket + "/exports/");

            Api.as("olivia").body(Products.named("Below " + Products.uniqueTag()).withoutPorts()
                            .port("raw", "s3-prefix", bucket + "/exports/2024/").body()).post("/api/v1/products")
                    .then().statusCode(201);
            Api.as("olivia").body(Products.named("Beside " + Products.uniqueTag()).withoutPorts()
                            .port("raw", "s3-prefix", bucket + "/exports-private/").body()).post("/api/v1/products")
                    .then().statusCode(400).body("errors[0].field", equalTo("outputPorts[0].location"));
        }
    }

    @Nested
    class Data_that_is_never_granted {

        @Test
        void system_catalogs_are_refused() {
            for (String location : new String[] {"pg_catalog.pg_authid", "information_schema.tables",
                    "pg_toast.pg_toast_1255"}) {
                Api.as("admin").body(onTable("System", location).body()).post("/api/v1/products")
                        .then().statusCode(400)
                        .body("errors[0].field", equalTo("outputPorts[0].location"))
                        .body("errors[0].message", containsString("never granted"));
            }
        }

        @Test
        void agoras_own_tables_are_refused_even_to_an_administrator() {
            Api.as("admin").body(onTable("Agora Users", "public.users").body()).post("/api/v1/products")
                    .then().statusCode(400)
                    .body("errors[0].message", containsString("Agora's own tables"));
            Api.as("admin").body(onTable("Agora Users", "users").body()).post("/api/v1/products")
                    .then().statusCode(400)
                    .body("errors[0].message", containsString("Agora's own tables"));
        }
    }

    @Nested
    class Harvesting {

        @Test
        void reads_no_existing_table_that_is_not_registered_so_it_cannot_probe() {
            // lake.customers exists and belongs to sales-analytics; a table that does not exist answers alike
            String existing = Api.as("marco").body(Products.named("Probe " + Products.uniqueTag())
                            .with("ownerTeam", "marketing-insights")
                            .harvestedPort("p", "postgres-table", "lake.customers").body()).post("/api/v1/products")
                    .then().statusCode(400).extract().path("errors[0].message");
            String missing = Api.as("marco").body(Products.named("Probe " + Products.uniqueTag())
                            .with("ownerTeam", "marketing-insights")
                            .harvestedPort("p", "postgres-table", "lake.customers_nowhere").body())
                    .post("/api/v1/products")
                    .then().statusCode(400).extract().path("errors[0].message");

            org.assertj.core.api.Assertions.assertThat(existing).doesNotContain("full_name").contains("registered");
            org.assertj.core.api.Assertions.assertThat(missing).contains("not registered to team marketing-insights")
                    .doesNotContain("no table");
        }

        @Test
        void is_authorised_before_any_location_is_looked_at() {
            // a stranger hears the same 403 whether the table exists or not
            for (String location : new String[] {"lake.customers", "lake.customers_nowhere"}) {
                Api.as("marco").body(Products.named("Not Marcos " + Products.uniqueTag())
                                .harvestedPort("p", "postgres-table", location).body()).post("/api/v1/products")
                        .then().statusCode(403)
                        .body("detail", not(containsString("customers")));
            }
        }
    }
}
