package dev.agora.catalog.contract.odcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.PortType;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.contract.DataContract;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.contract.ServiceLevels;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A contract written as ODCS v3.1.0 YAML reads back as the same contract; a bad document is refused by line. */
class OdcsContractsSpec {

    static final List<ColumnSchema> ORDERS = List.of(
            new ColumnSchema("order_id", "bigint", "Order key", false, false, true),
            new ColumnSchema("customer_email", "varchar(200)", "Who ordered", true, true, false),
            new ColumnSchema("status", "text", "", false, false, false),
            new ColumnSchema("amount", "numeric(12,2)", "Order total", false, true, false),
            new ColumnSchema("ordered_at", "timestamptz", "When", false, false, false));

    static final List<QualityRule> RULES = List.of(
            new QualityRule.NullRate("email-mostly-known", "Few orders lack an email", "customer_email",
                    new BigDecimal("2.5")),
            new QualityRule.RowCount("has-orders", "The table is never empty", 1L, null),
            new QualityRule.Unique("one-row-per-order", "", List.of("order_id")),
            new QualityRule.Unique("email-and-time", null, List.of("customer_email", "ordered_at")),
            new QualityRule.AcceptedValues("known-status", "Statuses of the shop", "status",
                    List.of("new", "paid", "shipped", "yes", "1.0")),
            new QualityRule.ValueRange("sane-amount", null, "amount", new BigDecimal("0.00"),
                    new BigDecimal("100000")),
            new QualityRule.Freshness("recent-orders", "Orders arrive every day", "ordered_at",
                    Duration.ofHours(26)),
            new QualityRule.CustomSql("no-future-orders", "Nothing is ordered tomorrow",
                    "select * from lake.orders where ordered_at > now() + interval '1 day'"),
            new QualityRule.RowCount("bounded", null, 10L, 5_000_000L));

    static final DataContract CONTRACT = new DataContract(7L, "shop-orders", "Shop orders", "1.4.2", "PUBLISHED",
            "sales-analytics", "sales", "Every order of the web shop.",
            new ServiceLevels(Duration.ofHours(24), Duration.ofMinutes(90), "https://chat.example/sales",
                    Duration.ofHours(4)),
            List.of(new DataContract.Port("orders", PortType.POSTGRES_TABLE, "lake.orders", ORDERS, RULES),
                    new DataContract.Port("events", PortType.KINESIS_STREAM, "shop-events", List.of(), List.of())),
            null, null);

    static final List<ProductDetails.Port> PORTS = List.of(
            new ProductDetails.Port(1L, "orders", PortType.POSTGRES_TABLE, "lake.orders", ORDERS),
            new ProductDetails.Port(2L, "events", PortType.KINESIS_STREAM, "shop-events", List.of()));

    @Nested
    class RoundTrip {

        @Test
        void an_exported_contract_imports_to_the_same_schema_terms_and_version() {
            String yaml = OdcsWriter.yaml(CONTRACT);

            OdcsImport.Imported imported = OdcsImport.read(yaml, "shop-orders", PORTS);

            assertThat(imported.version()).isEqualTo("1.4.2");
            assertThat(imported.columns()).isEqualTo(Map.of("orders", ORDERS, "events", List.of()));
            assertThat(imported.terms()).isEqualTo(CONTRACT.terms());
        }

        @Test
        void the_export_conforms_to_the_odcs_schema_and_uses_its_fields() {
            String yaml = OdcsWriter.yaml(CONTRACT);

            assertThat(OdcsReader.validate(OdcsReader.read(yaml))).isEmpty();
            assertThat(yaml).contains("apiVersion: v3.1.0", "kind: DataContract", "metric: nullValues",
                    "metric: rowCount", "metric: duplicateValues", "metric: invalidValues", "type: sql",
                    "property: latency", "property: frequency", "physicalType: \"numeric(12,2)\"",
                    "primaryKeyPosition: 1", "url: https://chat.example/sales");
        }

        @Test
        void a_contract_without_terms_round_trips_too() {
            DataContract bare = new DataContract(8L, "bare", "Bare", "0.1.0", "DRAFT", "sales-analytics", "sales",
                    "", ServiceLevels.NONE, List.of(new DataContract.Port("orders", PortType.POSTGRES_TABLE,
                    "lake.orders", ORDERS, List.of())), null, null);

            OdcsImport.Imported imported = OdcsImport.read(OdcsWriter.yaml(bare), "bare", PORTS.subList(0, 1));

            assertThat(imported.terms()).isEqualTo(bare.terms());
            assertThat(imported.columns().get("orders")).isEqualTo(ORDERS);
        }
    }

    @Nested
    class RefusedDocuments {

        @Test
        void a_schema_violation_names_its_line_and_field() {
            String yaml = OdcsWriter.yaml(CONTRACT).replaceFirst("logicalType: integer", "logicalType: int");

            assertThat(problems(yaml)).anySatisfy(problem -> {
                assertThat(problem.field()).matches("line \\d+: schema\\[0]\\.properties\\[0]\\.logicalType");
                assertThat(problem.message()).contains("enum");
            });
            int line = lineOf(yaml, "logicalType: int");
            assertThat(problems(yaml)).anySatisfy(problem -> assertThat(problem.field()).startsWith("line " + line
                    + ":"));
        }

        @Test
        void a_missing_required_field_is_named() {
            String yaml = OdcsWriter.yaml(CONTRACT).replaceFirst("(?m)^version: .*\\n", "");

            assertThat(problems(yaml)).anySatisfy(problem -> {
                assertThat(problem.field()).isEqualTo("line 1: version");
                assertThat(problem.message()).contains("required");
            });
        }

        @Test
        void an_unknown_field_is_named_at_its_line() {
            String yaml = OdcsWriter.yaml(CONTRACT).replaceFirst("(?m)^( +)physicalName: lake.orders$",
                    "$1physicalName: lake.orders\n$1colour: blue");

            assertThat(problems(yaml)).anySatisfy(problem -> assertThat(problem.field())
                    .isEqualTo("line " + lineOf(yaml, "colour: blue") + ": schema[0].colour"));
        }

        @Test
        void a_rule_on_an_unknown_column_names_the_rule() {
            String yaml = OdcsWriter.yaml(CONTRACT).replace("- customer_email\n", "- customer_mail\n");

            assertThat(problems(yaml)).anySatisfy(problem -> {
                assertThat(problem.field()).matches("line \\d+: schema\\[0]\\.quality\\[1]");
                assertThat(problem.message()).contains("no column 'customer_mail'");
            });
        }

        @Test
        void an_unknown_port_and_a_missing_one_are_named() {
            String yaml = OdcsWriter.yaml(CONTRACT).replace("name: events", "name: clicks");

            assertThat(problems(yaml)).extracting(FieldProblem::message).anySatisfy(message -> assertThat(message)
                    .contains("no port 'clicks'")).anySatisfy(message -> assertThat(message)
                    .contains("no object for port 'events'"));
        }

        @Test
        void a_contract_of_another_product_is_refused() {
            assertThat(problems(OdcsWriter.yaml(CONTRACT).replace("urn:agora:data-product:shop-orders",
                    "urn:agora:data-product:other"))).anySatisfy(problem -> assertThat(problem.field())
                    .endsWith(": id"));
        }

        @Test
        void a_yaml_syntax_error_names_its_line() {
            String yaml = "apiVersion: v3.1.0\nkind: DataContract\nschema:\n  - name: [orders\n";

            assertThat(problems(yaml)).singleElement().satisfies(problem -> {
                assertThat(problem.field()).matches("line [45]: \\(YAML\\)");
                assertThat(problem.message()).startsWith("is not valid YAML");
            });
        }

        @Test
        void a_document_larger_than_a_mebibyte_is_refused_unread() {
            String yaml = "description:\n  purpose: " + "x".repeat(OdcsReader.MAX_BYTES) + "\n";

            assertThat(problems(yaml)).singleElement().satisfies(problem -> assertThat(problem.message())
                    .contains("larger than 1024 KiB"));
        }

        @Test
        void anchors_aliases_and_custom_tags_are_refused() {
            String bomb = "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n";
            assertThat(problems(bomb)).isNotEmpty();
            assertThat(problems("apiVersion: !!python/object:os.system v3.1.0\n")).singleElement()
                    .satisfies(problem -> assertThat(problem.message()).contains("tag"));
            assertThat(problems("apiVersion: &v v3.1.0\nkind: *v\n")).anySatisfy(problem -> assertThat(
                    problem.message()).contains("anchor or alias"));
        }

        @Test
        void a_check_agora_cannot_run_is_refused_with_its_place() {
            String yaml = OdcsWriter.yaml(CONTRACT).replaceFirst("metric: rowCount", "metric: missingValues")
                    .replaceFirst("value: row-count", "value: not-agoras");

            assertThat(problems(yaml)).anySatisfy(problem -> assertThat(problem.field())
                    .matches("line \\d+: schema\\[0]\\.quality\\[0]"));
        }
    }

    private static List<FieldProblem> problems(String yaml) {
        try {
            OdcsImport.read(yaml, "shop-orders", PORTS);
        } catch (Refusal refusal) {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
            return refusal.fieldProblems();
        }
        throw new AssertionError("the document was accepted:\n" + yaml);
    }

    private static int lineOf(String yaml, String text) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text);
    }
}
