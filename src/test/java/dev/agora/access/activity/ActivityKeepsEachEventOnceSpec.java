package dev.agora.access.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.events.inprocess.PublishedBatch;
import dev.agora.support.Api;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The activity observer receives events at least once, a relay round at a time (the relay redelivers after a
 * failure): a second delivery of the same CloudEvent id, in another round or the same, adds nothing. Events that name no product are not kept, and events older than
 * AGORA_EVENTS_ACTIVITY_RETENTION (400 days by default) are pruned.
 */
@QuarkusTest
class ActivityKeepsEachEventOnceSpec {

    @Inject
    Event<PublishedBatch> delivery;

    @Inject
    ProductActivity activity;

    @Inject
    AgroalDataSource database;

    private String product;

    @BeforeEach
    void a_product() {
        product = Api.as("olivia").body(Products.named("Activity Spec " + Products.uniqueTag()).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
    }

    @Test
    void an_event_delivered_twice_is_kept_once() throws SQLException {
        CloudEvent event = event("agora.product.updated", "{\"product\": \"" + product + "\"}",
                OffsetDateTime.now(ZoneOffset.UTC));

        delivery.fire(new PublishedBatch(java.util.List.of(event)));
        delivery.fire(new PublishedBatch(java.util.List.of(event, event)));

        assertThat(rows("event_id = '" + event.getId() + "'")).isEqualTo(1);
        assertThat(Api.as("olivia").queryParam("type", "agora.product.updated")
                .get("/api/v1/products/" + product + "/events").then().statusCode(200).extract().jsonPath()
                .getList("id")).containsExactly(event.getId());
    }

    @Test
    void an_event_about_no_product_is_not_kept() throws SQLException {
        CloudEvent event = event("agora.identity.team.created", "{\"slug\": \"" + product + "\"}",
                OffsetDateTime.now(ZoneOffset.UTC));

        delivery.fire(new PublishedBatch(java.util.List.of(event)));

        assertThat(rows("event_id = '" + event.getId() + "'")).isZero();
    }

    @Test
    void events_older_than_the_retention_are_pruned() throws SQLException {
        CloudEvent old = event("agora.product.updated", "{\"product\": \"" + product + "\"}",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(401));
        CloudEvent recent = event("agora.product.updated", "{\"product\": \"" + product + "\"}",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(399));
        delivery.fire(new PublishedBatch(java.util.List.of(old, recent)));

        activity.prune();

        assertThat(rows("event_id = '" + old.getId() + "'")).isZero();
        assertThat(rows("event_id = '" + recent.getId() + "'")).isEqualTo(1);
    }

    private static CloudEvent event(String type, String data, OffsetDateTime time) {
        String id = UUID.randomUUID().toString();
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("http://localhost:8080")).withType(type)
                .withSubject("spec").withTime(time).withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8)).withExtension("partitionkey", "spec").build();
    }

    private long rows(String where) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM product_activity WHERE " + where);
                ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
