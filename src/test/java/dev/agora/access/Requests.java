package dev.agora.access;

import dev.agora.access.policy.AccessPolicy;
import dev.agora.catalog.Classification;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Test data for the access model: a request of marco's team for a product of sales-analytics. */
final class Requests {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Decider OLIVIA = new Decider("olivia", Set.of("sales-analytics"), Set.of(), false);
    static final Decider OSCAR = new Decider("oscar", Set.of("sales-analytics"), Set.of(), false);
    static final Decider STELLA = new Decider("stella", Set.of(), Set.of("sales"), false);
    static final Decider MARCO = new Decider("marco", Set.of(), Set.of(), false);
    static final Decider ADMIN = new Decider("admin", Set.of(), Set.of(), true);

    private Requests() {
    }

    static ProductRef product(Classification classification) {
        return new ProductRef(1, "orders", "Orders", classification, "sales", "sales-analytics");
    }

    static AccessRequest.Submitted submitted(Classification classification) {
        return submitted(classification, "marco");
    }

    static AccessRequest.Submitted submitted(Classification classification, String requester) {
        return AccessRequest.submit(UUID.randomUUID(), UUID.randomUUID(), product(classification),
                List.of(new RequestedPort(10, "orders", List.of())), Principal.team("marketing-insights"), requester,
                Set.of("marketing-insights"), Permission.READ, "Campaign attribution for Q3", 30, AccessPolicy.defaultFor(classification), NOW);
    }

    static AccessRequest pending(Classification classification) {
        return submitted(classification).request();
    }

    static AccessRequest approved() {
        AccessRequest request = pending(Classification.INTERNAL);
        request.approve(OLIVIA, null, "ok", NOW);
        return request;
    }

    static AccessRequest active() {
        AccessRequest request = approved();
        request.grantApplied("system:grants", NOW);
        return request;
    }

    static AccessRequest failed() {
        AccessRequest request = approved();
        request.grantFailed("system:grants", "role missing", NOW);
        return request;
    }
}
