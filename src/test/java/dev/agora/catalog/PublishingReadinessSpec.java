package dev.agora.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A product is published only once consumers find in it what they need; the checklist says what is missing. */
class PublishingReadinessSpec {

    private static final String GOOD_DESCRIPTION = "All confirmed web-shop orders, one row per order, updated daily.";
    private static final PortContent DESCRIBED_PORT = new PortContent("orders", PortType.POSTGRES_TABLE, "lake.orders",
            List.of(new ColumnSchema("order_id", "bigint", "Order key", false)));

    private static ProductContent content(String description, String contact, List<PortContent> ports) {
        return new ProductContent("Orders", description, Set.of(), Classification.INTERNAL, contact, null, ports);
    }

    @Test
    void a_complete_product_is_ready() {
        PublishingReadiness readiness = PublishingReadiness.of(content(GOOD_DESCRIPTION, "a@b.c",
                List.of(DESCRIBED_PORT)), true);

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.missing()).isEmpty();
        assertThat(readiness.items()).hasSize(6).allSatisfy(item -> assertThat(item.met()).isTrue());
    }

    @Test
    void a_description_of_a_few_words_is_not_enough() {
        assertThat(PublishingReadiness.of(content("Orders.", "a@b.c", List.of(DESCRIBED_PORT)), true).missing())
                .containsExactly("a description of at least 8 words (it has 1)");
    }

    @Test
    void a_contact_is_required() {
        assertThat(PublishingReadiness.of(content(GOOD_DESCRIPTION, " ", List.of(DESCRIBED_PORT)), true).missing())
                .containsExactly("a contact (an e-mail address or a channel)");
    }

    @Test
    void a_port_with_a_schema_is_required() {
        PortContent noSchema = new PortContent("raw", PortType.S3_PREFIX, "s3://bucket/raw/", List.of());

        assertThat(PublishingReadiness.of(content(GOOD_DESCRIPTION, "a@b.c", List.of(noSchema)), true).missing())
                .contains("at least one output port with its columns");
    }

    @Test
    void undescribed_columns_are_named() {
        PortContent port = new PortContent("orders", PortType.POSTGRES_TABLE, "lake.orders", List.of(
                new ColumnSchema("order_id", "bigint", "Order key", false),
                new ColumnSchema("amount", "numeric", "", false)));

        assertThat(PublishingReadiness.of(content(GOOD_DESCRIPTION, "a@b.c", List.of(port)), true).missing())
                .containsExactly("descriptions of the columns orders.amount");
    }

    @Test
    void an_owner_team_and_a_classification_are_required() {
        ProductContent unclassified = new ProductContent("Orders", GOOD_DESCRIPTION, Set.of(), null, "a@b.c", null,
                List.of(DESCRIBED_PORT));

        assertThat(PublishingReadiness.of(unclassified, false).missing())
                .containsExactly("an owner team", "a classification");
    }
}
