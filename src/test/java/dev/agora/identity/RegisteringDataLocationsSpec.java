package dev.agora.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Physical data is registered to its owner team through GET/POST/DELETE /api/v1/admin/locations. */
@QuarkusTest
class RegisteringDataLocationsSpec {

    private static final String LOCATIONS = "/api/v1/admin/locations";

    private static String uniqueTable() {
        return "lake.spec_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> body(String team, String portType, String location) {
        return Map.of("team", team, "portType", portType, "location", location);
    }

    @Nested
    class Who_may_register {

        @Test
        void an_administrator_registers_for_any_team() {
            String table = uniqueTable();

            Api.as("admin").body(body("marketing-insights", "postgres-table", table)).post(LOCATIONS)
                    .then().statusCode(201)
                    .header("Location", containsString(LOCATIONS + "/"))
                    .body("team", equalTo("marketing-insights"))
                    .body("location", equalTo(table))
                    .body("registeredBy", equalTo("admin"));
        }

        @Test
        void a_steward_registers_for_the_teams_of_their_domain() {
            Api.as("stella").body(body("sales-analytics", "postgres-table", uniqueTable())).post(LOCATIONS)
                    .then().statusCode(201).body("domain", equalTo("sales"));
        }

        @Test
        void a_steward_of_another_domain_is_refused() {
            Api.as("stella").body(body("marketing-insights", "postgres-table", uniqueTable())).post(LOCATIONS)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("stewards of domain marketing"));
        }

        @Test
        void an_owner_of_the_team_who_is_no_steward_is_refused() {
            Api.as("olivia").body(body("sales-analytics", "postgres-table", uniqueTable())).post(LOCATIONS)
                    .then().statusCode(403);
            Api.as("olivia").get(LOCATIONS).then().statusCode(403);
        }
    }

    @Nested
    class One_owner_per_location {

        @Test
        void registering_a_location_of_another_team_again_is_a_conflict_naming_the_owner() {
            String table = uniqueTable();
            Api.as("admin").body(body("marketing-insights", "postgres-table", table)).post(LOCATIONS)
                    .then().statusCode(201);

            Api.as("admin").body(body("sales-analytics", "postgres-table", table.toUpperCase())).post(LOCATIONS)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("registered to team 'marketing-insights'"));
        }

        @Test
        void an_unregistered_location_is_free_again() {
            String table = uniqueTable();
            int id = Api.as("admin").body(body("marketing-insights", "postgres-table", table)).post(LOCATIONS)
                    .then().statusCode(201).extract().path("id");

            Api.as("stella").delete(LOCATIONS + "/" + id).then().statusCode(403);
            Api.as("admin").delete(LOCATIONS + "/" + id).then().statusCode(204);
            Api.as("admin").delete(LOCATIONS + "/" + id).then().statusCode(404);

            Api.as("admin").body(body("sales-analytics", "postgres-table", table)).post(LOCATIONS)
                    .then().statusCode(201);
        }
    }

    @Nested
    class What_is_never_registered {

        @Test
        void postgresqls_own_schemas() {
            for (String location : new String[] {"pg_catalog", "information_schema", "pg_toast", "pg_catalog.pg_authid",
                    "pg_temp_1"}) {
                Api.as("admin").body(body("sales-analytics", "postgres-table", location)).post(LOCATIONS)
                        .then().statusCode(400)
                        .body("errors[0].field", equalTo("location"))
                        .body("errors[0].message", containsString("never granted"));
            }
        }

        @Test
        void the_schema_of_agoras_own_tables_when_the_lake_is_agoras_database() {
            Api.as("admin").body(body("sales-analytics", "postgres-table", "public.users")).post(LOCATIONS)
                    .then().statusCode(400)
                    .body("errors[0].message", containsString("Agora's own tables"));
            Api.as("admin").body(body("sales-analytics", "postgres-table", "public")).post(LOCATIONS)
                    .then().statusCode(400);
        }

        @Test
        void a_location_that_does_not_fit_its_type() {
            Api.as("admin").body(body("sales-analytics", "s3-prefix", "http://example.com/x")).post(LOCATIONS)
                    .then().statusCode(400).body("errors[0].field", equalTo("location"));
            Api.as("admin").body(body("sales-analytics", "ftp-folder", "x")).post(LOCATIONS)
                    .then().statusCode(400).body("errors[0].field", equalTo("portType"))
                    .body("errors[0].message", containsString("kinesis-stream"));
            Api.as("admin").body(body("no-such-team", "postgres-table", uniqueTable())).post(LOCATIONS)
                    .then().statusCode(400).body("errors[0].field", equalTo("team"));
        }
    }

    @Nested
    class Listing {

        @Test
        void administrators_see_every_registration_paged() {
            String table = uniqueTable();
            Api.as("admin").body(body("marketing-insights", "postgres-table", table)).post(LOCATIONS)
                    .then().statusCode(201);

            Api.as("admin").queryParam("size", 200).get(LOCATIONS).then().statusCode(200)
                    .body("items.location", hasItem(table))
                    .body("size", equalTo(200));
            Api.as("admin").queryParam("size", 201).get(LOCATIONS).then().statusCode(400)
                    .body("errors[0].field", equalTo("size"));
        }

        @Test
        void stewards_see_the_registrations_of_their_domains_only() {
            String marketing = uniqueTable();
            Api.as("admin").body(body("marketing-insights", "postgres-table", marketing)).post(LOCATIONS)
                    .then().statusCode(201);

            Api.as("stella").queryParam("size", 200).get(LOCATIONS).then().statusCode(200)
                    .body("items.team", not(hasItem("marketing-insights")))
                    .body("items.location", hasItem("lake.orders"));
        }
    }
}
