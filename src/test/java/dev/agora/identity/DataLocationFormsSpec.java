package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a registered location covers, per port type. */
class DataLocationFormsSpec {

    @Nested
    class Postgres_tables {

        @Test
        void a_table_lies_in_its_own_registration_first_then_its_schemas() {
            assertThat(LocationType.POSTGRES_TABLE.enclosingKeys("lake.orders")).containsExactly("lake.orders", "lake");
        }

        @Test
        void quoted_and_unquoted_spellings_of_one_table_are_one_location() {
            assertThat(LocationType.POSTGRES_TABLE.key("\"lake\".\"orders\"")).contains("lake.orders");
            assertThat(LocationType.POSTGRES_TABLE.key("LAKE.Orders")).contains("lake.orders");
            assertThat(LocationType.POSTGRES_TABLE.enclosingKeys("lake.\"Order Items\""))
                    .containsExactly("lake.\"Order Items\"", "lake");
        }

        @Test
        void a_lone_port_table_is_in_public() {
            assertThat(LocationType.POSTGRES_TABLE.enclosingKeys("orders")).containsExactly("public.orders", "public");
        }
    }

    @Nested
    class Glue_tables {

        @Test
        void are_written_with_a_slash_or_a_dot() {
            assertThat(LocationType.GLUE_TABLE.key("sales.orders")).contains("sales/orders");
            assertThat(LocationType.GLUE_TABLE.key("sales/orders")).contains("sales/orders");
            assertThat(LocationType.GLUE_TABLE.enclosingKeys("sales.orders")).containsExactly("sales/orders", "sales");
        }
    }

    @Nested
    class S3_prefixes {

        @Test
        void contain_what_lies_at_or_below_them_on_segment_boundaries() {
            assertThat(LocationType.S3_PREFIX.enclosingKeys("s3://raw/orders/2024/"))
                    .containsExactly("s3://raw/orders/2024/", "s3://raw/orders/", "s3://raw/");
        }

        @Test
        void do_not_contain_a_sibling_that_merely_starts_alike() {
            assertThat(LocationType.S3_PREFIX.enclosingKeys("s3://raw/orders-private/"))
                    .doesNotContain("s3://raw/orders/");
        }

        @Test
        void refuse_dot_segments_and_empty_segments() {
            assertThat(LocationType.S3_PREFIX.key("s3://raw/orders/../secret/")).isEmpty();
            assertThat(LocationType.S3_PREFIX.key("s3://raw//secret/")).isEmpty();
        }
    }

    @Test
    void a_kinesis_stream_is_its_exact_name() {
        assertThat(LocationType.KINESIS_STREAM.enclosingKeys("clicks")).containsExactly("clicks");
    }
}
