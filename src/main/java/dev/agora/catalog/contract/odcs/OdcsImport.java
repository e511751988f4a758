package dev.agora.catalog.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.contract.ContractRules;
import dev.agora.catalog.contract.ContractTerms;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.contract.ServiceLevels;
import dev.agora.platform.Refusal.FieldProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a valid ODCS document into what Agora keeps of a contract: the version, each port's columns and the terms
 * (service levels, quality rules). The ports are the product's: a document names each of them once, by name, and
 * adds or removes none. Every problem says its line and field, those of the terms' own rules included.
 */
public final class OdcsImport {

    /** The contract a document describes, and where each of its rules and service levels was written. */
    public record Imported(String version, Map<String, List<ColumnSchema>> columns, ContractTerms terms,
            Map<String, String> where) {

        /** The problems of {@link ContractRules} ("ports[orders].rules[2].column") with the line they come from. */
        public List<FieldProblem> located(List<FieldProblem> problems) {
            List<FieldProblem> located = new ArrayList<>();
            for (FieldProblem problem : problems) {
                String key = problem.field();
                String best = null;
                for (Map.Entry<String, String> entry : where.entrySet()) {
                    if ((key.equals(entry.getKey()) || key.startsWith(entry.getKey() + "."))
                            && (best == null || entry.getKey().length() > best.length())) {
                        best = entry.getKey();
                    }
                }
                located.add(new FieldProblem(best == null ? "line 1: " + key : where.get(best), problem.message()));
            }
            return located;
        }
    }

    private final OdcsDocument document;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Map<String, String> where = new HashMap<>();

    private OdcsImport(OdcsDocument document) {
        this.document = document;
    }

    /**
     * The contract of the document for a product with these ports; every problem at once, refused as invalid.
     * {@code slug} is the product's: a document with another product's id is refused.
     */
    public static Imported read(OdcsDocument document, String slug, List<ProductDetails.Port> ports) {
        OdcsImport reading = new OdcsImport(document);
        Imported imported = reading.map(slug, ports);
        if (!reading.problems.isEmpty()) {
            throw OdcsReader.invalid(reading.problems);
        }
        List<FieldProblem> broken = imported.located(ContractRules.check(imported.terms(),
                ports.stream().map(port -> new ProductDetails.Port(port.id(), port.name(), port.type(),
                        port.location(), imported.columns().get(port.name()))).toList()));
        if (!broken.isEmpty()) {
            throw OdcsReader.invalid(broken);
        }
        return imported;
    }

    /** Parses and reads in one step: the text as a producer sends it. */
    public static Imported read(String yaml, String slug, List<ProductDetails.Port> ports) {
        return read(OdcsReader.read(yaml), slug, ports);
    }

    private Imported map(String slug, List<ProductDetails.Port> ports) {
        JsonNode root = document.root();
        String id = root.path("id").asText("");
        if (!id.equals(OdcsWriter.ID_PREFIX + slug) && !id.equals(slug)) {
            problem("/id", "is '" + id + "', but this is the contract of '" + slug + "': its id is '"
                    + OdcsWriter.ID_PREFIX + slug + "' (download it from Agora to start from the right one)");
        }
        String version = root.path("version").asText("");
        where.put("version", document.where("/version"));
        Map<String, List<ColumnSchema>> columns = new LinkedHashMap<>();
        Map<String, List<QualityRule>> rules = new LinkedHashMap<>();
        JsonNode schema = root.path("schema");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < schema.size(); i++) {
            String at = "/schema/" + i;
            JsonNode object = schema.get(i);
            String name = object.path("name").asText();
            Optional<ProductDetails.Port> port = ports.stream().filter(p -> p.name().equals(name)).findFirst();
            if (port.isEmpty()) {
                problem(at + "/name", "the product has no port '" + name + "' (its ports: " + String.join(", ",
                        ports.stream().map(ProductDetails.Port::name).toList()) + "); ports are added and removed "
                        + "with the product, not its contract");
                continue;
            }
            if (!seen.add(name)) {
                problem(at + "/name", "names port '" + name + "' a second time");
                continue;
            }
            if (object.has("physicalName") && !object.get("physicalName").asText().equals(port.get().location())) {
                problem(at + "/physicalName", "is '" + object.get("physicalName").asText() + "', but port '" + name
                        + "' reads '" + port.get().location() + "'; a port's location changes with the product, not "
                        + "its contract");
            }
            readObject(at, object, name, columns, rules);
        }
        for (ProductDetails.Port port : ports) {
            if (!seen.contains(port.name())) {
                problem(schema.isMissingNode() ? "" : "/schema", "has no object for port '" + port.name()
                        + "'; a contract describes every port of the product");
            }
        }
        ServiceLevels levels = serviceLevels(root);
        return new Imported(version, columns, new ContractTerms(levels, rules), Map.copyOf(where));
    }

    private void readObject(String at, JsonNode object, String port, Map<String, List<ColumnSchema>> columns,
            Map<String, List<QualityRule>> rules) {
        List<ColumnSchema> portColumns = new ArrayList<>();
        List<Located> portRules = new ArrayList<>();
        JsonNode properties = object.path("properties");
        Set<String> names = new HashSet<>();
        for (int k = 0; k < properties.size(); k++) {
            String p = at + "/properties/" + k;
            JsonNode property = properties.get(k);
            String name = property.path("name").asText();
            if (!names.add(name)) {
                problem(p + "/name", "names column '" + name + "' a second time");
                continue;
            }
            String type = property.path("physicalType").asText(property.path("logicalType").asText(""));
            if (type.isBlank()) {
                problem(p, "needs a physicalType (the column's type where the data lives)");
                continue;
            }
            boolean pii = customBoolean(property, OdcsWriter.PII)
                    || property.path("classification").asText("").equalsIgnoreCase("pii");
            portColumns.add(new ColumnSchema(name, type, property.path("description").asText(""), pii,
                    !property.path("required").asBoolean(false), property.path("primaryKey").asBoolean(false)));
            JsonNode quality = property.path("quality");
            for (int q = 0; q < quality.size(); q++) {
                String r = p + "/quality/" + q;
                rule(r, quality.get(q), name).ifPresent(rule -> portRules.add(new Located(rule, r)));
            }
        }
        JsonNode quality = object.path("quality");
        for (int q = 0; q < quality.size(); q++) {
            String r = at + "/quality/" + q;
            rule(r, quality.get(q), null).ifPresent(rule -> portRules.add(new Located(rule, r)));
        }
        List<Located> ordered = ordered(at, object, portRules);
        for (int i = 0; i < ordered.size(); i++) {
            where.put("ports[" + port + "].rules[" + i + "]", document.where(ordered.get(i).pointer()));
        }
        where.put("ports[" + port + "]", document.where(at));
        where.put("ports[" + port + "].rules", document.where(at));
        columns.put(port, List.copyOf(portColumns));
        rules.put(port, ordered.stream().map(Located::rule).toList());
    }

    private record Located(QualityRule rule, String pointer) {}

    /** Agora's order of the rules (agoraRuleOrder) when the document keeps it; else as written, object's first. */
    private List<Located> ordered(String at, JsonNode object, List<Located> rules) {
        JsonNode order = custom(object, OdcsWriter.RULE_ORDER);
        if (order == null || !order.isArray()) {
            return rules;
        }
        List<String> names = new ArrayList<>();
        order.forEach(name -> names.add(name.asText()));
        Set<String> given = new HashSet<>(rules.stream().map(l -> l.rule().name()).toList());
        if (!new HashSet<>(names).equals(given) || names.size() != rules.size()) {
            // an edited document whose order no longer lists its rules: the order written wins
            return rules;
        }
        List<Located> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(l -> names.indexOf(l.rule().name())));
        return sorted;
    }

    // --- quality ----------------------------------------------------------------------------------------------

    private Optional<QualityRule> rule(String at, JsonNode q, String column) {
        String name = q.hasNonNull("name") ? q.get("name").asText()
                : q.hasNonNull("id") ? q.get("id").asText().toLowerCase(Locale.ROOT).replace('_', '-') : null;
        if (name == null) {
            problem(at, "needs a name (or an id): Agora keeps each rule's results by it");
            return Optional.empty();
        }
        String description = q.hasNonNull("description") ? q.get("description").asText() : null;
        String kind = kindOf(q);
        if (kind == null) {
            problem(at, "is a check Agora cannot run (type " + q.path("type").asText("library") + ", metric "
                    + q.path("metric").asText("none") + "); Agora runs rowCount, nullValues, duplicateValues, "
                    + "invalidValues with validValues, and SQL checks that count offending rows");
            return Optional.empty();
        }
        boolean needsColumn = !kind.equals("row-count") && !kind.equals("custom-sql") && !kind.equals("unique");
        if (needsColumn && column == null) {
            problem(at, "checks one column: write it under the property it checks (schema[…].properties[…].quality)");
            return Optional.empty();
        }
        switch (kind) {
            case "row-count":
                if (column != null) {
                    problem(at, "counts the rows of the whole object: write it under the object's quality");
                    return Optional.empty();
                }
                return rowCount(at, q, name, description);
            case "null-rate":
                return nullRate(at, q, name, description, column);
            case "unique":
                return unique(at, q, name, description, column);
            case "accepted-values":
                return accepted(at, q, name, description, column);
            case "range":
                return range(at, q, name, description, column);
            case "freshness":
                return freshness(at, q, name, description, column);
            default:
                return customSql(at, q, name, description);
        }
    }

    private String kindOf(JsonNode q) {
        JsonNode marked = custom(q, OdcsWriter.KIND);
        if (marked != null && List.of("row-count", "null-rate", "unique", "accepted-values", "range", "freshness",
                "custom-sql").contains(marked.asText())) {
            return marked.asText();
        }
        String type = q.path("type").asText(q.has("metric") ? "library" : "");
        if (type.equals("sql")) {
            return "custom-sql";
        }
        if (!type.equals("library")) {
            return null;
        }
        return switch (q.path("metric").asText("")) {
            case "rowCount" -> "row-count";
            case "nullValues" -> "null-rate";
            case "duplicateValues" -> "unique";
            case "invalidValues" -> q.path("arguments").has("validValues") ? "accepted-values" : null;
            default -> null;
        };
    }

    private Optional<QualityRule> rowCount(String at, JsonNode q, String name, String description) {
        Long min = null;
        Long max = null;
        if (q.has("mustBeBetween")) {
            min = whole(at + "/mustBeBetween/0", q.get("mustBeBetween").get(0));
            max = whole(at + "/mustBeBetween/1", q.get("mustBeBetween").get(1));
        } else if (q.has("mustBe")) {
            min = whole(at + "/mustBe", q.get("mustBe"));
            max = min;
        } else if (q.has("mustBeGreaterOrEqualTo")) {
            min = whole(at + "/mustBeGreaterOrEqualTo", q.get("mustBeGreaterOrEqualTo"));
        } else if (q.has("mustBeGreaterThan")) {
            Long above = whole(at + "/mustBeGreaterThan", q.get("mustBeGreaterThan"));
            min = above == null ? null : above + 1;
        } else if (q.has("mustBeLessOrEqualTo")) {
            max = whole(at + "/mustBeLessOrEqualTo", q.get("mustBeLessOrEqualTo"));
        } else if (q.has("mustBeLessThan")) {
            Long below = whole(at + "/mustBeLessThan", q.get("mustBeLessThan"));
            max = below == null ? null : below - 1;
        } else {
            problem(at, "needs mustBeBetween, mustBe, mustBeGreaterOrEqualTo or mustBeLessOrEqualTo");
            return Optional.empty();
        }
        return min == null && max == null ? Optional.empty()
                : Optional.of(new QualityRule.RowCount(name, description, min, max));
    }

    private Optional<QualityRule> nullRate(String at, JsonNode q, String name, String description, String column) {
        boolean percent = q.path("unit").asText("rows").equals("percent");
        if (q.has("mustBe") && number(q.get("mustBe")).map(v -> v.signum() == 0).orElse(false)) {
            return Optional.of(new QualityRule.NullRate(name, description, column,
                    percent ? number(q.get("mustBe")).get() : BigDecimal.ZERO));
        }
        if (!percent) {
            problem(at + "/unit", "Agora checks a share of nulls: write unit: percent with mustBeLessOrEqualTo, or "
                    + "mustBe: 0");
            return Optional.empty();
        }
        if (!q.has("mustBeLessOrEqualTo")) {
            problem(at, "needs mustBeLessOrEqualTo: the highest share of nulls, in percent");
            return Optional.empty();
        }
        return number(q.get("mustBeLessOrEqualTo")).map(p -> new QualityRule.NullRate(name, description, column, p));
    }

    private Optional<QualityRule> unique(String at, JsonNode q, String name, String description, String column) {
        if (!mustBeZero(at, q)) {
            return Optional.empty();
        }
        JsonNode named = q.path("arguments").path("properties");
        List<String> keys = new ArrayList<>();
        if (named.isArray() && !named.isEmpty()) {
            named.forEach(key -> keys.add(key.asText()));
        } else if (column != null) {
            keys.add(column);
        } else {
            problem(at + "/arguments", "needs properties: the columns whose values together are unique");
            return Optional.empty();
        }
        return Optional.of(new QualityRule.Unique(name, description, keys));
    }

    private Optional<QualityRule> accepted(String at, JsonNode q, String name, String description, String column) {
        if (!mustBeZero(at, q)) {
            return Optional.empty();
        }
        JsonNode given = q.path("arguments").path("validValues");
        if (!given.isArray()) {
            problem(at + "/arguments/validValues", "must be a list of the accepted values");
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            if (!given.get(i).isValueNode() || given.get(i).isNull()) {
                problem(at + "/arguments/validValues/" + i, "must be a value (text or number)");
                return Optional.empty();
            }
            values.add(given.get(i).asText());
        }
        return Optional.of(new QualityRule.AcceptedValues(name, description, column, values));
    }

    private Optional<QualityRule> range(String at, JsonNode q, String name, String description, String column) {
        BigDecimal min = customNumber(at, q, OdcsWriter.MINIMUM);
        BigDecimal max = customNumber(at, q, OdcsWriter.MAXIMUM);
        if (min == null && max == null) {
            problem(at + "/customProperties", "needs a custom property minimum, maximum or both");
            return Optional.empty();
        }
        return Optional.of(new QualityRule.ValueRange(name, description, column, min, max));
    }

    private Optional<QualityRule> freshness(String at, JsonNode q, String name, String description, String column) {
        JsonNode age = custom(q, OdcsWriter.MAX_AGE);
        if (age == null) {
            problem(at + "/customProperties", "needs a custom property maxAge (an ISO-8601 duration such as PT24H)");
            return Optional.empty();
        }
        try {
            return Optional.of(new QualityRule.Freshness(name, description, column, Duration.parse(age.asText())));
        } catch (DateTimeParseException notADuration) {
            problem(at + "/customProperties", "maxAge must be an ISO-8601 duration such as PT24H, not '"
                    + age.asText() + "'");
            return Optional.empty();
        }
    }

    private Optional<QualityRule> customSql(String at, JsonNode q, String name, String description) {
        if (!mustBeZero(at, q)) {
            return Optional.empty();
        }
        String query = q.path("query").asText("");
        String offending = OdcsWriter.CustomSqlForm.unwrap(query);
        if (offending == null) {
            problem(at + "/query", "must count the offending rows as Agora writes it: SELECT COUNT(*) FROM (\\n<a "
                    + "query of the offending rows>\\n) AS offending_rows, with mustBe: 0");
            return Optional.empty();
        }
        return Optional.of(new QualityRule.CustomSql(name, description, offending));
    }

    private boolean mustBeZero(String at, JsonNode q) {
        if (q.has("mustBe") && number(q.get("mustBe")).map(v -> v.signum() == 0).orElse(false)) {
            return true;
        }
        problem(at, "must say mustBe: 0 (Agora's check passes when no row offends)");
        return false;
    }

    // --- service levels ---------------------------------------------------------------------------------------

    private ServiceLevels serviceLevels(JsonNode root) {
        Duration freshness = null;
        Duration frequency = null;
        Duration response = null;
        JsonNode sla = root.path("slaProperties");
        for (int i = 0; i < sla.size(); i++) {
            String at = "/slaProperties/" + i;
            JsonNode entry = sla.get(i);
            String property = entry.path("property").asText("").toLowerCase(Locale.ROOT);
            switch (property) {
                case "latency", "ly", "freshness" -> {
                    freshness = once(at, freshness, duration(at, entry));
                    where.put("serviceLevels.freshness", document.where(at + "/value"));
                }
                case "frequency", "fy" -> {
                    frequency = once(at, frequency, duration(at, entry));
                    where.put("serviceLevels.updateFrequency", document.where(at + "/value"));
                }
                case "supportresponsetime" -> {
                    response = once(at, response, duration(at, entry));
                    where.put("serviceLevels.responseTime", document.where(at + "/value"));
                }
                default -> {
                    // availability, retention …: promises Agora does not check, kept only in the producer's copy
                }
            }
        }
        String channel = null;
        JsonNode support = root.path("support");
        if (support.size() > 0) {
            JsonNode first = support.get(0);
            channel = first.hasNonNull("url") ? first.get("url").asText() : first.path("channel").asText(null);
            where.put("serviceLevels.supportChannel", document.where("/support/0"));
        }
        return new ServiceLevels(freshness, frequency, channel, response);
    }

    private Duration once(String at, Duration before, Duration now) {
        if (before != null && now != null) {
            problem(at + "/property", "is given a second time");
        }
        return now == null ? before : now;
    }

    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("s", 1L), Map.entry("sec", 1L), Map.entry("second", 1L), Map.entry("seconds", 1L),
            Map.entry("min", 60L), Map.entry("minute", 60L), Map.entry("minutes", 60L),
            Map.entry("h", 3_600L), Map.entry("hr", 3_600L), Map.entry("hour", 3_600L), Map.entry("hours", 3_600L),
            Map.entry("d", 86_400L), Map.entry("day", 86_400L), Map.entry("days", 86_400L),
            Map.entry("w", 604_800L), Map.entry("week", 604_800L), Map.entry("weeks", 604_800L));

    /** An SLA value as a duration: a number with a unit (d, h, min, s …) or an ISO-8601 text such as PT4H. */
    private Duration duration(String at, JsonNode entry) {
        JsonNode value = entry.path("value");
        if (value.isTextual() && value.asText().toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(value.asText().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException notADuration) {
                problem(at + "/value", "must be a duration such as PT4H, or a number with a unit");
                return null;
            }
        }
        Optional<BigDecimal> number = number(value);
        String unit = entry.path("unit").asText("").toLowerCase(Locale.ROOT);
        if (number.isEmpty()) {
            problem(at + "/value", "must be a number with a unit (d, h, min, s), or a duration such as PT4H");
            return null;
        }
        Long seconds = UNITS.get(unit);
        if (seconds == null) {
            problem(at + "/unit", unit.isEmpty() ? "is needed: d, h, min or s"
                    : "'" + unit + "' is not a unit Agora reads as time: d, h, min or s");
            return null;
        }
        BigDecimal total = number.get().multiply(BigDecimal.valueOf(seconds));
        try {
            return Duration.ofSeconds(total.longValueExact());
        } catch (ArithmeticException fraction) {
            problem(at + "/value", "must come to whole seconds");
            return null;
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static JsonNode custom(JsonNode node, String property) {
        for (JsonNode entry : node.path("customProperties")) {
            if (property.equals(entry.path("property").asText())) {
                return entry.get("value");
            }
        }
        return null;
    }

    private static boolean customBoolean(JsonNode node, String property) {
        JsonNode value = custom(node, property);
        return value != null && (value.asBoolean(false) || value.asText().equalsIgnoreCase("true"));
    }

    private BigDecimal customNumber(String at, JsonNode q, String property) {
        JsonNode value = custom(q, property);
        if (value == null || value.isNull()) {
            return null;
        }
        Optional<BigDecimal> number = number(value);
        if (number.isEmpty()) {
            problem(at + "/customProperties", property + " must be a number, not '" + value.asText() + "'");
        }
        return number.orElse(null);
    }

    private static Optional<BigDecimal> number(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue())
                    : value.decimalValue());
        }
        if (value.isTextual() && value.asText().length() <= 64) {
            try {
                return Optional.of(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Long whole(String at, JsonNode value) {
        Optional<BigDecimal> number = number(value);
        try {
            if (number.isPresent()) {
                return number.get().longValueExact();
            }
        } catch (ArithmeticException notWhole) {
            // said below
        }
        problem(at, "must be a whole number of rows");
        return null;
    }

    private void problem(String pointer, String message) {
        if (problems.size() < OdcsReader.MAX_PROBLEMS) {
            problems.add(new FieldProblem(document.where(pointer), message));
        }
    }
}
