package dev.agora.catalog.contract.odcs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.PortType;
import dev.agora.catalog.contract.DataContract;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.contract.ServiceLevels;
import java.time.Duration;
import java.util.Locale;

/**
 * Writes a product's contract as an ODCS v3.1.0 document. What ODCS has a field for goes there (schema, library
 * metrics, SQL checks, SLA properties, support); what it has not is said in custom properties named {@code agora…}
 * (ADR 0018), so that reading the document back gives the same contract.
 */
public final class OdcsWriter {

    static final String ID_PREFIX = "urn:agora:data-product:";
    static final String KIND = "agoraKind";
    static final String PORT_TYPE = "agoraPortType";
    static final String RULE_ORDER = "agoraRuleOrder";
    static final String PII = "pii";
    static final String MINIMUM = "minimum";
    static final String MAXIMUM = "maximum";
    static final String MAX_AGE = "maxAge";
    static final String RESPONSE_TIME = "supportResponseTime";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OdcsWriter() {
    }

    public static String yaml(DataContract contract) {
        try {
            return YAML.writeValueAsString(tree(contract));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a contract tree always writes", impossible);
        }
    }

    /** The document as a tree (for the schema check of what Agora exports). */
    public static ObjectNode tree(DataContract contract) {
        ObjectNode root = JSON.objectNode();
        root.put("apiVersion", "v3.1.0");
        root.put("kind", "DataContract");
        root.put("id", ID_PREFIX + contract.product());
        root.put("name", contract.name());
        root.put("version", contract.version());
        root.put("status", status(contract.status()));
        root.put("domain", contract.domain());
        root.put("dataProduct", contract.product());
        root.putObject("team").put("name", contract.ownerTeam());
        if (contract.description() != null && !contract.description().isBlank()) {
            root.putObject("description").put("purpose", contract.description());
        }
        ArrayNode schema = root.putArray("schema");
        contract.ports().forEach(port -> schema.add(object(port)));
        ArrayNode sla = slaProperties(contract.serviceLevels());
        if (!sla.isEmpty()) {
            root.set("slaProperties", sla);
        }
        String channel = contract.serviceLevels().supportChannel();
        if (channel != null) {
            ObjectNode support = root.putArray("support").addObject();
            if (channel.matches("(?i)^(https?://|mailto:).*")) {
                support.put("channel", "support");
                support.put("url", channel);
            } else {
                support.put("channel", channel);
            }
        }
        return root;
    }

    static String status(String agoraStatus) {
        return switch (agoraStatus) {
            case "PUBLISHED" -> "active";
            case "DEPRECATED" -> "deprecated";
            default -> "draft";
        };
    }

    static String physicalType(PortType type) {
        return switch (type) {
            case POSTGRES_TABLE, GLUE_TABLE -> "table";
            case KINESIS_STREAM -> "stream";
            case S3_PREFIX -> "files";
        };
    }

    private static ObjectNode object(DataContract.Port port) {
        ObjectNode object = JSON.objectNode();
        object.put("name", port.name());
        object.put("logicalType", "object");
        object.put("physicalType", physicalType(port.type()));
        object.put("physicalName", port.location());
        ArrayNode custom = object.putArray("customProperties");
        custom(custom, PORT_TYPE, port.type().wireName());
        if (!port.rules().isEmpty()) {
            ArrayNode order = JSON.arrayNode();
            port.rules().forEach(rule -> order.add(rule.name()));
            custom.addObject().put("property", RULE_ORDER).set("value", order);
        }
        ArrayNode properties = object.putArray("properties");
        int keyPosition = 0;
        for (ColumnSchema column : port.columns()) {
            ObjectNode property = properties.addObject();
            property.put("name", column.name());
            property.put("logicalType", logicalType(column.type()));
            property.put("physicalType", column.type());
            property.put("required", !column.nullable());
            if (column.primaryKey()) {
                property.put("primaryKey", true);
                property.put("primaryKeyPosition", ++keyPosition);
            }
            if (column.isDescribed()) {
                property.put("description", column.description());
            }
            if (column.pii()) {
                custom(property.putArray("customProperties"), PII, true);
            }
            ArrayNode quality = JSON.arrayNode();
            port.rules().stream().filter(rule -> column.name().equals(columnOf(rule)))
                    .forEach(rule -> quality.add(quality(rule)));
            if (!quality.isEmpty()) {
                property.set("quality", quality);
            }
        }
        ArrayNode quality = JSON.arrayNode();
        port.rules().stream().filter(rule -> columnOf(rule) == null).forEach(rule -> quality.add(quality(rule)));
        if (!quality.isEmpty()) {
            object.set("quality", quality);
        }
        return object;
    }

    /** The column a rule is written under (property-level quality), or null for a rule of the whole object. */
    static String columnOf(QualityRule rule) {
        if (rule instanceof QualityRule.RowCount || rule instanceof QualityRule.CustomSql) {
            return null;
        }
        if (rule instanceof QualityRule.Unique unique) {
            return unique.keyColumns().size() == 1 ? unique.keyColumns().get(0) : null;
        }
        return rule.columns().get(0);
    }

    private static ObjectNode quality(QualityRule rule) {
        ObjectNode quality = JSON.objectNode();
        quality.put("id", rule.name());
        quality.put("name", rule.name());
        if (rule.description() != null) {
            // even an empty one: absent reads back as none (null), so that the rule is the same after a round trip
            quality.put("description", rule.description());
        }
        ArrayNode custom = JSON.arrayNode();
        custom(custom, KIND, rule.kind());
        if (rule instanceof QualityRule.RowCount count) {
            quality.put("type", "library");
            quality.put("metric", "rowCount");
            quality.put("dimension", "completeness");
            if (count.min() != null && count.max() != null && !count.min().equals(count.max())) {
                quality.putArray("mustBeBetween").add(count.min()).add(count.max());
            } else if (count.min() != null && count.max() != null) {
                quality.put("mustBe", count.min());
            } else if (count.min() != null) {
                quality.put("mustBeGreaterOrEqualTo", count.min());
            } else {
                quality.put("mustBeLessOrEqualTo", count.max());
            }
            quality.put("unit", "rows");
        } else if (rule instanceof QualityRule.NullRate rate) {
            quality.put("type", "library");
            quality.put("metric", "nullValues");
            quality.put("dimension", "completeness");
            quality.put("mustBeLessOrEqualTo", rate.maxPercent());
            quality.put("unit", "percent");
        } else if (rule instanceof QualityRule.Unique unique) {
            quality.put("type", "library");
            quality.put("metric", "duplicateValues");
            quality.put("dimension", "uniqueness");
            if (unique.keyColumns().size() > 1) {
                ArrayNode names = quality.putObject("arguments").putArray("properties");
                unique.keyColumns().forEach(names::add);
            }
            quality.put("mustBe", 0);
            quality.put("unit", "rows");
        } else if (rule instanceof QualityRule.AcceptedValues accepted) {
            quality.put("type", "library");
            quality.put("metric", "invalidValues");
            quality.put("dimension", "conformity");
            ArrayNode values = quality.putObject("arguments").putArray("validValues");
            accepted.values().forEach(values::add);
            quality.put("mustBe", 0);
            quality.put("unit", "rows");
        } else if (rule instanceof QualityRule.ValueRange range) {
            // ODCS has no range metric: a portable SQL check says it to other tools, the custom properties to Agora
            quality.put("type", "sql");
            quality.put("dimension", "conformity");
            quality.put("query", rangeQuery(range));
            quality.put("mustBe", 0);
            if (range.min() != null) {
                custom(custom, MINIMUM, range.min().toPlainString());
            }
            if (range.max() != null) {
                custom(custom, MAXIMUM, range.max().toPlainString());
            }
        } else if (rule instanceof QualityRule.Freshness fresh) {
            // ODCS knows freshness only as an SLA of the whole contract; as a rule of one column it is text
            quality.put("type", "text");
            quality.put("dimension", "timeliness");
            custom(custom, MAX_AGE, fresh.maxAge().toString());
        } else if (rule instanceof QualityRule.CustomSql sql) {
            quality.put("type", "sql");
            quality.put("query", CustomSqlForm.wrap(sql.sql()));
            quality.put("mustBe", 0);
        }
        quality.set("customProperties", custom);
        return quality;
    }

    private static String rangeQuery(QualityRule.ValueRange range) {
        String outside = range.min() != null && range.max() != null
                ? "{property} < " + range.min().toPlainString() + " OR {property} > " + range.max().toPlainString()
                : range.min() != null ? "{property} < " + range.min().toPlainString()
                : "{property} > " + range.max().toPlainString();
        return "SELECT COUNT(*) FROM {object} WHERE " + outside;
    }

    private static ArrayNode slaProperties(ServiceLevels levels) {
        ArrayNode sla = JSON.arrayNode();
        sla(sla, "freshness", "latency", levels.freshness());
        sla(sla, "update_frequency", "frequency", levels.updateFrequency());
        sla(sla, "support_response_time", RESPONSE_TIME, levels.responseTime());
        return sla;
    }

    private static void sla(ArrayNode sla, String id, String property, Duration duration) {
        if (duration == null) {
            return;
        }
        ObjectNode entry = sla.addObject();
        entry.put("id", id);
        entry.put("property", property);
        long seconds = duration.getSeconds();
        if (duration.getNano() != 0) {
            entry.put("value", duration.toString());
        } else if (seconds % 86_400 == 0) {
            entry.put("value", seconds / 86_400).put("unit", "d");
        } else if (seconds % 3_600 == 0) {
            entry.put("value", seconds / 3_600).put("unit", "h");
        } else if (seconds % 60 == 0) {
            entry.put("value", seconds / 60).put("unit", "min");
        } else {
            entry.put("value", seconds).put("unit", "s");
        }
    }

    private static void custom(ArrayNode custom, String property, Object value) {
        ObjectNode entry = custom.addObject().put("property", property);
        if (value instanceof Boolean flag) {
            entry.put("value", flag);
        } else {
            entry.put("value", String.valueOf(value));
        }
    }

    /** ODCS's logical type of a column type of PostgreSQL or Glue (Hive); "string" when nothing fits better. */
    static String logicalType(String type) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (t.matches("^(tinyint|smallint|int|int2|int4|int8|integer|bigint|serial|bigserial|smallserial)\\b.*")) {
            return "integer";
        }
        if (t.matches("^(numeric|decimal|real|float|float4|float8|double|double precision|money)\\b.*")) {
            return "number";
        }
        if (t.startsWith("bool")) {
            return "boolean";
        }
        if (t.startsWith("timestamp")) {
            return "timestamp";
        }
        if (t.equals("date")) {
            return "date";
        }
        if (t.startsWith("time")) {
            return "time";
        }
        if (t.endsWith("[]") || t.startsWith("array")) {
            return "array";
        }
        if (t.startsWith("json") || t.startsWith("struct") || t.startsWith("map")) {
            return "object";
        }
        return "string";
    }

    /** Agora's custom check (a query of the offending rows) as ODCS's SQL check (a number compared with 0). */
    static final class CustomSqlForm {
        private static final String BEFORE = "SELECT COUNT(*) FROM (\n";
        private static final String AFTER = "\n) AS offending_rows";

        private CustomSqlForm() {
        }

        static String wrap(String sql) {
            return BEFORE + sql + AFTER;
        }

        /** The query of the offending rows, or null when the text is not in Agora's form. */
        static String unwrap(String query) {
            String text = query.replace("\r\n", "\n");
            String stripped = text.strip();
            if (stripped.startsWith(BEFORE.strip()) && stripped.endsWith(AFTER.strip())) {
                int start = text.indexOf(BEFORE) + BEFORE.length();
                int end = text.lastIndexOf(AFTER);
                return start <= end ? text.substring(start, end) : null;
            }
            return null;
        }
    }
}
