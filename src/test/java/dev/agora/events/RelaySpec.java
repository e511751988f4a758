package dev.agora.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.audit.ChangeJournal;
import dev.agora.events.relay.Relay;
import dev.agora.events.relay.RelayWorker;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay takes every committed event out of the outbox to each enabled publisher, at least once, in order per
 * aggregate, retrying failures and parking an event that keeps failing until an admin re-drives it. A round hands a
 * publisher a run of one aggregate's next events at once, in order; after the first of them fails, the others wait
 * for it without an attempt counted. A scripted publisher of the specs stands for Kinesis or a webhook; the
 * in-process publisher is Agora's own.
 */
@QuarkusTest
class RelaySpec {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ChangeJournal journal;

    @Inject
    ScriptedPublisher scripted;

    @Inject
    InProcessObserver inProcess;

    @Inject
    Relay relay;

    @Inject
    RelayWorker worker;

    @Inject
    EntityManager entities;

    @AfterEach
    void stopScripted() {
        scripted.stop();
    }

    private static String aggregate() {
        return "spec-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Records a change in a transaction of its own, as a feature would; tells the event's id. */
    private String record(String aggregate, int n) {
        return QuarkusTransaction.requiringNew().call(() -> {
            journal.record("spec", "spec.thing.changed", "spec-thing", aggregate, Map.of("n", n));
            return entities.createQuery("select e.id from OutboxEntry e where e.aggregateId = :a order by e.position desc",
                    UUID.class).setParameter("a", aggregate).setMaxResults(1).getSingleResult().toString();
        });
    }

    private List<String> delivered(String aggregate) {
        return scripted.attempts().stream().filter(a -> a.delivered() && a.subject().equals(aggregate))
                .map(ScriptedPublisher.Attempt::id).toList();
    }

    private String status(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entities.createNativeQuery("SELECT status FROM outbox_deliveries WHERE outbox_id = :id "
                    + "AND publisher = 'scripted'").setParameter("id", UUID.fromString(eventId)).getResultList();
            return rows.isEmpty() ? "none" : (String) rows.get(0);
        });
    }

    @Test
    void a_committed_change_reaches_agoras_own_observers_as_a_cloud_event() {
        String aggregate = aggregate();
        String id = record(aggregate, 1);

        var seen = Eventually.within(WAIT, "the event in-process", () -> inProcess.about(aggregate), e -> !e.isEmpty());

        assertThat(seen).singleElement().satisfies(event -> {
            assertThat(event.getId()).isEqualTo(id);
            assertThat(event.getType()).isEqualTo("agora.spec.thing.changed");
            assertThat(event.getExtension("partitionkey")).isEqualTo(aggregate);
        });
    }

    @Test
    void the_backlog_its_oldest_age_and_the_published_and_failed_counts_per_publisher_are_on_the_metrics() {
        String aggregate = aggregate();
        scripted.start(Set.of(aggregate), (id, before) -> before == 0);
        record(aggregate, 1);
        Eventually.within(WAIT, "delivered after one failure", () -> delivered(aggregate), ids -> ids.size() == 1);

        String metrics = Api.as("admin").accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("agora_events_backlog ", "agora_events_oldest_unpublished_age_seconds ",
                "agora_events_published_total{publisher=\"in-process\"",
                "agora_events_published_total{publisher=\"scripted\"",
                "agora_events_failed_total{publisher=\"scripted\"");
    }

    @Test
    void a_rolled_back_change_publishes_nothing() {
        String aggregate = aggregate();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                journal.record("spec", "spec.thing.changed", "spec-thing", aggregate, Map.of("n", 1));
                throw new IllegalStateException("the business change fails after the journal entry");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        String later = aggregate();
        record(later, 1);
        Eventually.within(WAIT, "a later committed event in-process", () -> inProcess.about(later), e -> !e.isEmpty());
        relay.drain(10);

        assertThat(inProcess.about(aggregate)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                "select count(e) from OutboxEntry e where e.aggregateId = :a", Long.class)
                .setParameter("a", aggregate).getSingleResult())).isZero();
    }

    @Test
    void events_of_one_aggregate_are_published_in_order_although_each_first_attempt_fails_and_keep_their_id() {
        String first = aggregate();
        String second = aggregate();
        scripted.start(Set.of(first, second), (id, before) -> before == 0);
        List<String> firstIds = new ArrayList<>();
        List<String> secondIds = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            firstIds.add(record(first, n));
            secondIds.add(record(second, n));
        }

        Eventually.within(WAIT, "all six delivered", () -> delivered(first).size() + delivered(second).size(),
                count -> count == 6);

        assertThat(delivered(first)).containsExactlyElementsOf(firstIds);
        assertThat(delivered(second)).containsExactlyElementsOf(secondIds);
        assertThat(scripted.attempts()).filteredOn(attempt -> !attempt.delivered())
                .extracting(ScriptedPublisher.Attempt::id).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.Stream.concat(firstIds.stream(), secondIds.stream()).toList());
        assertThat(scripted.overlaps()).isEmpty();
    }

    /** Records {@code count} changes of one aggregate in one transaction; tells their event ids in order. */
    private List<String> recordTogether(String aggregate, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (int n = 0; n < count; n++) {
                journal.record("spec", "spec.thing.changed", "spec-thing", aggregate, Map.of("n", n));
            }
            return entities.createQuery("select e.id from OutboxEntry e where e.aggregateId = :a order by e.position",
                    UUID.class).setParameter("a", aggregate).getResultList().stream().map(UUID::toString).toList();
        });
    }

    /** How often the scripted publisher was handed the event. */
    private long attempts(String eventId) {
        return scripted.attempts().stream().filter(attempt -> attempt.id().equals(eventId)).count();
    }

    @Test
    void a_run_of_one_aggregates_events_is_handed_to_the_publisher_in_one_call_in_order() {
        String aggregate = aggregate();
        scripted.start(Set.of(aggregate), (id, before) -> false);

        List<String> ids = recordTogether(aggregate, 5);

        Eventually.within(WAIT, "all five delivered", () -> delivered(aggregate), d -> d.size() == 5);
        assertThat(delivered(aggregate)).containsExactlyElementsOf(ids);
        assertThat(scripted.calls()).containsExactly(ids);
    }

    @Test
    void after_the_first_event_of_a_run_fails_the_later_ones_wait_for_it_without_an_attempt_counted() {
        String aggregate = aggregate();
        scripted.start(Set.of(aggregate), (id, before) -> before == 0);

        List<String> ids = recordTogether(aggregate, 3);

        Eventually.within(WAIT, "all three delivered", () -> delivered(aggregate), d -> d.size() == 3);
        assertThat(delivered(aggregate)).containsExactlyElementsOf(ids);
        // each failed once and was delivered once: never charged for the failures of the event before it
        assertThat(ids).allSatisfy(id -> assertThat(attempts(id)).as(id).isEqualTo(2));
        // and once published, nothing of their failures is left pending
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).as(id).isEqualTo("none"));
        assertThat(scripted.calls().get(0)).containsExactlyElementsOf(ids);
    }

    @Test
    void two_relays_racing_on_one_busy_aggregate_publish_each_event_once_in_order() throws Exception {
        String aggregate = aggregate();
        scripted.start(Set.of(aggregate), (id, before) -> before == 0 && ThreadLocalRandom.current().nextInt(4) == 0);
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            expected.clear();
            expected.addAll(recordTogether(aggregate, 10));
        }
        ExecutorService relays = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                running.add(relays.submit(() -> {
                    long end = System.nanoTime() + WAIT.toNanos();
                    while (delivered(aggregate).size() < 80 && System.nanoTime() < end) {
                        relay.drain(5);
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            relays.shutdownNow();
        }

        assertThat(delivered(aggregate)).containsExactlyElementsOf(expected);
        assertThat(scripted.overlaps()).isEmpty();
    }

    @Test
    void an_event_failing_every_attempt_is_parked_holds_back_its_aggregate_and_is_re_driven_by_an_admin() {
        String aggregate = aggregate();
        scripted.start(Set.of(aggregate), (id, before) -> true);
        String stuck = record(aggregate, 1);
        String next = record(aggregate, 2);

        Eventually.within(WAIT, "the first event parked", () -> status(stuck), "FAILED"::equals);
        relay.drain(10);

        assertThat(scripted.attempts()).extracting(ScriptedPublisher.Attempt::id).containsOnly(stuck).hasSize(3);
        assertThat(status(next)).isEqualTo("none");
        Api.as("admin").get("/api/v1/admin/events/failed?publisher=scripted&limit=500").then().statusCode(200)
                .body("find { it.id == '" + stuck + "' }.publisher", org.hamcrest.Matchers.equalTo("scripted"))
                .body("find { it.id == '" + stuck + "' }.attempts", org.hamcrest.Matchers.equalTo(3))
                .body("find { it.id == '" + stuck + "' }.lastError", org.hamcrest.Matchers.equalTo("scripted failure"))
                .body("find { it.id == '" + stuck + "' }.aggregateId", org.hamcrest.Matchers.equalTo(aggregate));

        scripted.failing((id, before) -> false);
        Api.as("admin").post("/api/v1/admin/events/" + stuck + "/redrive").then().statusCode(200)
                .body("publishers", org.hamcrest.Matchers.contains("scripted"));

        Eventually.within(WAIT, "both delivered after the re-drive", () -> delivered(aggregate), ids -> ids.size() == 2);
        assertThat(delivered(aggregate)).containsExactly(stuck, next);
        Api.as("admin").get("/api/v1/admin/events/failed?publisher=scripted&limit=500").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(stuck)));
    }

    @Test
    void two_relays_at_once_never_have_two_events_of_one_aggregate_in_flight_nor_publish_them_out_of_order()
            throws Exception {
        List<String> aggregates = List.of(aggregate(), aggregate(), aggregate(), aggregate());
        scripted.start(Set.copyOf(aggregates), (id, before) -> before == 0 && ThreadLocalRandom.current().nextBoolean());
        Map<String, List<String>> expected = new java.util.HashMap<>();
        for (int n = 0; n < 12; n++) {
            for (String aggregate : aggregates) {
                expected.computeIfAbsent(aggregate, key -> new ArrayList<>()).add(record(aggregate, n));
            }
        }
        ExecutorService relays = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                running.add(relays.submit(() -> {
                    long end = System.nanoTime() + WAIT.toNanos();
                    while (aggregates.stream().mapToInt(a -> delivered(a).size()).sum() < 48
                            && System.nanoTime() < end) {
                        relay.drain(5);
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            relays.shutdownNow();
        }

        for (String aggregate : aggregates) {
            assertThat(delivered(aggregate)).as(aggregate).containsExactlyElementsOf(expected.get(aggregate));
        }
        assertThat(scripted.overlaps()).isEmpty();
    }

    @Test
    void an_event_held_back_only_by_a_publisher_switched_off_since_is_marked_published() {
        String aggregate = aggregate();
        scripted.start(Set.of(aggregate), (id, before) -> true);
        String id = record(aggregate, 1);
        Eventually.within(WAIT, "parked for the scripted publisher", () -> status(id), "FAILED"::equals);
        assertThat(publishedAt(id)).isNull();

        scripted.stop();
        relay.settle(10_000);

        assertThat(publishedAt(id)).isNotNull();
    }

    private Object publishedAt(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(
                "SELECT published_at FROM outbox WHERE id = :id").setParameter("id", UUID.fromString(eventId))
                .getSingleResult());
    }

    @Test
    void published_events_are_pruned_after_the_retention_and_unpublished_ones_never() {
        String old = aggregate();
        String pending = aggregate();
        String oldId = record(old, 1);
        Eventually.within(WAIT, "published", () -> inProcess.about(old), e -> !e.isEmpty());
        scripted.start(Set.of(pending), (id, before) -> true);
        String pendingId = record(pending, 1);
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("UPDATE outbox SET published_at = now() - interval '8 days' WHERE id = :id")
                    .setParameter("id", UUID.fromString(oldId)).executeUpdate();
            entities.createNativeQuery("UPDATE outbox SET occurred_at = now() - interval '30 days' WHERE id = :id")
                    .setParameter("id", UUID.fromString(pendingId)).executeUpdate();
        });

        worker.prune();

        assertThat(QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                "select e.aggregateId from OutboxEntry e where e.aggregateId in :a", String.class)
                .setParameter("a", List.of(old, pending)).getResultList())).containsExactly(pending);
    }

    @Test
    void the_admin_api_refuses_bad_input_with_a_problem_and_non_admins() {
        Api.as("admin").get("/api/v1/admin/events/failed?limit=0").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as("admin").get("/api/v1/admin/events/failed?limit=501").then().statusCode(400);
        Api.as("admin").get("/api/v1/admin/events/failed?limit=lots").then().statusCode(400);
        Api.as("admin").get("/api/v1/admin/events/failed?publisher=" + "k".repeat(41)).then().statusCode(400);
        Api.as("admin").get("/api/v1/admin/events/failed?publisher=kin%27esis").then().statusCode(400);
        Api.as("admin").post("/api/v1/admin/events/not-a-uuid/redrive").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as("admin").post("/api/v1/admin/events/" + UUID.randomUUID() + "/redrive").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("marco").get("/api/v1/admin/events/failed").then().statusCode(403);
        Api.as("marco").post("/api/v1/admin/events/" + UUID.randomUUID() + "/redrive").then().statusCode(403);
    }
}
