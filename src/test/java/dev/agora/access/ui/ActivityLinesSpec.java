package dev.agora.access.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.access.activity.ProductActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product page tells each event of the activity as a short sentence with its age. */
class ActivityLinesSpec {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void a_publication_names_who_and_which_version_and_how_long_ago() {
        assertThat(ActivityLines.line(entry("agora.product.published", "olivia", null, Map.of("version", "1.2.0"),
                NOW.minus(Duration.ofMinutes(3))), NOW)).isEqualTo("olivia published version 1.2.0 · 3 min ago");
    }

    @Test
    void an_access_event_names_whom_the_request_is_for() {
        assertThat(ActivityLines.sentence(entry("agora.access.approved", "olivia", "team marketing", Map.of(), NOW)))
                .isEqualTo("Access approved for team marketing");
        assertThat(ActivityLines.sentence(entry("agora.access.requested", "marco", "user marco", Map.of(), NOW)))
                .isEqualTo("Access requested for marco");
    }

    @Test
    void a_schema_change_counts_the_columns_added_removed_and_changed() {
        Map<String, Object> data = Map.of("version", "2.0.0", "ports", List.of(
                Map.of("port", "a", "added", List.of(Map.of(), Map.of()), "removed", List.of(), "changed",
                        List.of(Map.of())),
                Map.of("port", "b", "added", List.of(), "removed", List.of(Map.of()), "changed", List.of())));
        assertThat(ActivityLines.sentence(entry("agora.product.schema-changed", "olivia", null, data, NOW)))
                .isEqualTo("The columns changed in version 2.0.0: 2 added, 1 removed, 1 changed");
    }

    @Test
    void ages_read_in_minutes_hours_and_days() {
        assertThat(ActivityLines.ago(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
        assertThat(ActivityLines.ago(NOW.minus(Duration.ofHours(5)), NOW)).isEqualTo("5 h ago");
        assertThat(ActivityLines.ago(NOW.minus(Duration.ofDays(1)), NOW)).isEqualTo("1 day ago");
        assertThat(ActivityLines.ago(NOW.minus(Duration.ofDays(40)), NOW)).isEqualTo("40 days ago");
    }

    private static ProductActivity.Entry entry(String type, String actor, String principal, Map<String, Object> data,
            Instant time) {
        return new ProductActivity.Entry("id", type, time, actor, principal, data, "{}");
    }
}
