package dev.agora.catalog.schema;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.SchemaCompatibility;
import dev.agora.catalog.SchemaCompatibility.Assessment;
import dev.agora.catalog.SemanticVersion;
import dev.agora.events.DomainEvent;
import dev.agora.events.Outbox;
import dev.agora.events.OutboxEntry;
import dev.agora.platform.Refusal;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Agora watches the lake's tables behind published products: DDL is noticed within seconds (the event trigger and
 * LISTEN), a compatible change becomes the next minor version with a generated changelog, and a breaking change on
 * a product with active consumers is held until an owner publishes a new major version or restores the schema.
 */
@QuarkusTest
class SchemaWatchSpec {

    private static final Duration SECONDS = Duration.ofSeconds(10);

    @Inject
    Outbox outbox;

    @Inject
    SchemaReleases releases;

    String table;
    String slug;

    @BeforeEach
    void a_published_product_on_a_table_of_its_own() {
        table = SpecTables.newTable();
        slug = SpecTables.publishedOn(table);
    }

    @Nested
    class ACompatibleChange {

        @Test
        void a_nullable_column_added_on_the_lake_becomes_a_minor_version_within_seconds() {
            SpecTables.ddl("ALTER TABLE " + table + " ADD COLUMN channel text");

            JsonPath product = awaitVersion("1.1.0");
            assertThat(product.getList("outputPorts[0].columns.name")).containsExactly("id", "amount", "channel");
            assertThat(product.getString("versions.find { it.version == '1.1.0' }.changelog"))
                    .contains("orders.channel: column added (text) (added as nullable)");
            assertThat(product.getString("versions.find { it.version == '1.1.0' }.createdBy"))
                    .isEqualTo(SchemaWatch.ACTOR);
            assertThat(events("agora.catalog.product.schema-changed")).singleElement().satisfies(event -> {
                assertThat(event.payload()).containsEntry("version", "1.1.0");
                assertThat(event.payload().get("ports").toString()).contains("channel");
            });
        }

        @Test
        void a_widened_type_and_a_relaxed_not_null_are_compatible_too() {
            SpecTables.ddl("ALTER TABLE " + table + " ALTER COLUMN amount TYPE numeric(12,2)");

            JsonPath product = awaitVersion("1.1.0");
            assertThat(product.getString("outputPorts[0].columns.find { it.name == 'amount' }.type"))
                    .isEqualTo("numeric(12,2)");
            // the producer's descriptions stay: the lake tells types, not documentation
            assertThat(product.getString("outputPorts[0].columns.find { it.name == 'amount' }.description"))
                    .isEqualTo("What the customer paid");
            assertThat(held()).isEmpty();
        }
    }

    @Nested
    class ABreakingChangeWithoutConsumers {

        @Test
        void is_released_as_the_next_major_version_at_once() {
            SpecTables.ddl("ALTER TABLE " + table + " DROP COLUMN amount");

            JsonPath product = awaitVersion("2.0.0");
            assertThat(product.getList("outputPorts[0].columns.name")).containsExactly("id");
            assertThat(held()).isEmpty();
            assertThat(events("agora.catalog.product.major-version-released")).hasSize(1);
        }
    }

    @Nested
    class ABreakingChangeWithAnActiveConsumer {

        String request;

        @BeforeEach
        void marketing_insights_reads_the_product() {
            request = submit("marco", request(slug, "marketing-insights", 30)).getString("id");
            approve("olivia", request);
            awaitStatus("marco", request, "ACTIVE");
        }

        @Test
        void is_held_and_shown_to_owners_and_consumers_until_an_owner_decides() {
            SpecTables.ddl("ALTER TABLE " + table + " DROP COLUMN amount");

            JsonPath change = awaitHeld("olivia");
            assertThat(change.getString("status")).isEqualTo("HELD");
            assertThat(change.getList("differences.kind")).containsExactly("COLUMN_REMOVED");
            assertThat(change.getList("differences.verdict")).containsExactly("BREAKING");
            assertThat(change.getList("consumers.name")).contains("marketing-insights");
            // nothing reached the product yet
            JsonPath product = product();
            assertThat(product.getString("version")).isEqualTo("1.0.0");
            assertThat(product.getList("outputPorts[0].columns.name")).containsExactly("id", "amount");
            // the consumer sees it too, and is told
            assertThat(Api.as("marco").get("/api/v1/products/" + slug + "/schema-changes").then().statusCode(200)
                    .extract().jsonPath().getList("status")).containsExactly("HELD");
            assertThat(awaitNotice("marco", "BREAKING_CHANGE_HELD")).contains("amount: column removed");
            assertThat(events("agora.catalog.product.breaking-change-held")).hasSize(1);
        }

        @Test
        void a_new_major_version_keeps_the_consumers_access_and_gives_the_old_version_a_deprecation_window() {
            SpecTables.ddl("ALTER TABLE " + table + " ALTER COLUMN amount TYPE integer");
            long change = awaitHeld("olivia").getLong("id");

            JsonPath decided = Api.as("olivia").body(Map.of("deprecationDays", 14))
                    .post("/api/v1/products/" + slug + "/schema-changes/" + change + "/release-major")
                    .then().statusCode(200).extract().jsonPath();

            assertThat(decided.getString("status")).isEqualTo("RELEASED_MAJOR");
            assertThat(decided.getString("releasedVersion")).isEqualTo("2.0.0");
            assertThat(decided.getString("decidedBy")).isEqualTo("olivia");
            JsonPath product = product();
            assertThat(product.getString("version")).isEqualTo("2.0.0");
            assertThat(product.getString("outputPorts[0].columns.find { it.name == 'amount' }.type"))
                    .isEqualTo("integer");
            assertThat(product.getString("versions.find { it.version == '2.0.0' }.changelog"))
                    .contains("orders.amount: type changed numeric(10,2) → integer");
            Instant until = Instant.parse(product.getString("versions.find { it.version == '1.0.0' }.deprecatedUntil"));
            assertThat(until).isBetween(Instant.now().plus(13, ChronoUnit.DAYS), Instant.now().plus(15, ChronoUnit.DAYS));
            assertThat(awaitStatus("marco", request, "ACTIVE").getString("status")).isEqualTo("ACTIVE");
            assertThat(awaitNotice("marco", "MAJOR_VERSION")).contains("2.0.0", "amount: type changed");
            assertThat(events("agora.catalog.product.major-version-released")).singleElement()
                    .satisfies(event -> assertThat(event.actor()).isEqualTo("olivia"));
        }

        @Test
        void the_restore_is_refused_with_what_still_differs_until_the_table_is_back() {
            SpecTables.ddl("ALTER TABLE " + table + " ALTER COLUMN amount TYPE text");
            long change = awaitHeld("olivia").getLong("id");

            Api.as("olivia").post("/api/v1/products/" + slug + "/schema-changes/" + change + "/restore")
                    .then().statusCode(409).body("detail", containsString("amount: type changed"));

            // the owner fixes the table back, and the watch happens not to see it
            SpecTables.unseenDdl("ALTER TABLE " + table + " ALTER COLUMN amount TYPE numeric(10,2) USING amount::numeric");
            JsonPath restored = Api.as("olivia")
                    .post("/api/v1/products/" + slug + "/schema-changes/" + change + "/restore")
                    .then().statusCode(200).extract().jsonPath();

            assertThat(restored.getString("status")).isEqualTo("RESTORED");
            assertThat(product().getString("version")).isEqualTo("1.0.0");
            assertThat(events("agora.catalog.product.schema-restored")).hasSize(1);
        }

        @Test
        void a_later_change_that_puts_the_schema_back_closes_the_hold_by_itself() {
            SpecTables.ddl("ALTER TABLE " + table + " ALTER COLUMN amount SET NOT NULL");
            awaitHeld("olivia");

            SpecTables.ddl("ALTER TABLE " + table + " ALTER COLUMN amount DROP NOT NULL");

            Eventually.within(SECONDS, "the hold to close", SchemaWatchSpec.this::held, List::isEmpty);
            assertThat(Api.as("olivia").get("/api/v1/products/" + slug + "/schema-changes").then().statusCode(200)
                    .extract().jsonPath().getList("status")).containsExactly("RESTORED");
            assertThat(product().getString("version")).isEqualTo("1.0.0");
        }

        @Test
        void a_consumer_cannot_decide_nor_check_and_a_stranger_sees_nothing() {
            SpecTables.ddl("ALTER TABLE " + table + " DROP COLUMN amount");
            long change = awaitHeld("olivia").getLong("id");

            Api.as("marco").body(Map.of())
                    .post("/api/v1/products/" + slug + "/schema-changes/" + change + "/release-major")
                    .then().statusCode(403);
            Api.as("marco").post("/api/v1/products/" + slug + "/schema-changes/" + change + "/restore")
                    .then().statusCode(403);
            Api.as("marco").post("/api/v1/products/" + slug + "/schema/check").then().statusCode(403);
            Api.as("olivia").body(Map.of("deprecationDays", 9999))
                    .post("/api/v1/products/" + slug + "/schema-changes/" + change + "/release-major")
                    .then().statusCode(400);
            Api.as("olivia").body(Map.of())
                    .post("/api/v1/products/" + slug + "/schema-changes/" + (change + 100000) + "/release-major")
                    .then().statusCode(404);
            assertThat(Api.as("stella").get("/api/v1/products/" + slug + "/schema-changes").then().statusCode(200)
                    .extract().jsonPath().getList("id")).hasSize(1);
            assertThat(product().getString("version")).isEqualTo("1.0.0");
        }
    }

    @Nested
    class AMissedNotification {

        @Test
        void is_made_up_for_by_the_poll_of_the_ddl_log() {
            SpecTables.unseenDdl("ALTER TABLE " + table + " ADD COLUMN channel text");
            String[] name = table.split("\\.");
            // what the trigger records; no NOTIFY reaches Agora for it
            SpecTables.ddl("INSERT INTO agora_lake_ddl (command_tag, schema_name, table_name) VALUES ('ALTER TABLE', '"
                    + name[0] + "', '" + name[1] + "')");

            awaitVersion("1.1.0");
        }
    }

    @Nested
    class ADroppedTable {

        @Test
        void without_consumers_gets_no_version_without_columns() {
            SpecTables.unseenDdl("DROP TABLE " + table);

            JsonPath found = Api.as("olivia").post("/api/v1/products/" + slug + "/schema/check").then()
                    .statusCode(200).extract().jsonPath();

            assertThat(found.getString("outcome")).isEqualTo("not-checked");
            assertThat(found.getString("reason")).contains("is gone");
            assertThat(product().getString("version")).isEqualTo("1.0.0");
        }

        @Test
        void with_a_consumer_is_held_and_cannot_be_released_as_a_version_without_columns() {
            String request = submit("marco", request(slug, "marketing-insights", 30)).getString("id");
            approve("olivia", request);
            awaitStatus("marco", request, "ACTIVE");

            SpecTables.ddl("DROP TABLE " + table);
            JsonPath change = awaitHeld("olivia");

            assertThat(change.getList("differences.kind")).containsExactly("COLUMN_REMOVED", "COLUMN_REMOVED");
            Api.as("olivia").body(Map.of())
                    .post("/api/v1/products/" + slug + "/schema-changes/" + change.getLong("id") + "/release-major")
                    .then().statusCode(409).body("detail", containsString("is gone"));
        }
    }

    @Nested
    class TheContractUploadPath {

        @Test
        void releases_a_declared_major_version_and_refuses_a_breaking_change_under_the_same_major() {
            ColumnSchema id = new ColumnSchema("id", "bigint", "The order key", false, false, true);
            ColumnSchema amount = new ColumnSchema("amount", "numeric(10,2)", "What the customer paid", false);
            Map<String, List<ColumnSchema>> declared = Map.of("orders", List.of(id));
            Assessment assessment = SchemaCompatibility.assess(Map.of("orders", List.of(id, amount)), declared);

            assertThatThrownBy(() -> releases.releaseMajor(slug, assessment, declared,
                    SemanticVersion.parse("version", "1.5.0"), null, "olivia"))
                    .isInstanceOf(Refusal.class).hasMessageContaining("new major version");
            ProductDetails released = releases.releaseMajor(slug, assessment, declared,
                    SemanticVersion.parse("version", "3.0.0"), Duration.ofDays(7), "olivia");

            assertThat(released.version()).isEqualTo("3.0.0");
            assertThat(released.versions().get(0).deprecatedUntil()).isAfter(Instant.now().plus(6, ChronoUnit.DAYS));
            assertThat(product().getList("outputPorts[0].columns.name")).containsExactly("id");
        }
    }

    @Nested
    class OnDemand {

        @Test
        void an_owner_checks_now_and_hears_what_was_found() {
            SpecTables.unseenDdl("ALTER TABLE " + table + " ADD COLUMN note text");

            JsonPath found = Api.as("olivia").post("/api/v1/products/" + slug + "/schema/check").then()
                    .statusCode(200).extract().jsonPath();

            assertThat(found.getString("outcome")).isEqualTo("released");
            assertThat(found.getString("version")).isEqualTo("1.1.0");
            assertThat(found.getList("differences", String.class)).singleElement().asString().contains("note");
            assertThat(Api.as("olivia").post("/api/v1/products/" + slug + "/schema/check").then().statusCode(200)
                    .extract().jsonPath().getString("outcome")).isEqualTo("unchanged");
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private JsonPath product() {
        return Api.as("olivia").get("/api/v1/products/" + slug).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath awaitVersion(String version) {
        return Eventually.within(SECONDS, slug + " to be " + version, this::product,
                product -> version.equals(product.getString("version")));
    }

    private List<Object> held() {
        return Api.as("olivia").get("/api/v1/products/" + slug + "/schema-changes").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.status == 'HELD' }");
    }

    private JsonPath awaitHeld(String as) {
        Eventually.within(SECONDS, "a held change of " + slug, this::held, list -> !list.isEmpty());
        return Api.as(as).get("/api/v1/products/" + slug + "/schema-changes").then().statusCode(200).extract()
                .jsonPath().setRootPath("[0]");
    }

    private String awaitNotice(String as, String kind) {
        JsonPath notices = Eventually.within(SECONDS, kind + " notice for " + as, () -> Api.as(as)
                        .queryParam("size", "100").get("/api/v1/notifications").then().statusCode(200).extract()
                        .jsonPath(),
                list -> list.getList("findAll { it.product == '" + slug + "' && it.kind == '" + kind + "' }")
                        .size() > 0);
        return notices.getString("find { it.product == '" + slug + "' && it.kind == '" + kind + "' }.message");
    }

    private List<DomainEvent> events(String type) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.about("data-product", slug).stream()
                .map(OutboxEntry::toEvent).filter(event -> event.type().equals(type)).toList());
    }
}
