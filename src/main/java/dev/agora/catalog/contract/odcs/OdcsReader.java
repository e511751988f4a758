package dev.agora.catalog.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an ODCS v3.1.0 YAML document from someone we do not trust: bounded in size and depth, plain YAML only (no
 * anchors, aliases, merge keys or custom tags), one document, then checked against the standard's JSON schema.
 * SnakeYAML's node tree gives every value its line, kept by JSON pointer, so that each problem says
 * {@code line 12: schema[0].properties[1].logicalType}.
 */
public final class OdcsReader {

    public static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 40;
    static final int MAX_PROBLEMS = 50;
    private static final String SCHEMA = "/odcs/odcs-json-schema-v3.1.0.json";
    private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP,
            Tag.MAP, Tag.SEQ);
    private static final Schema ODCS = load();

    private OdcsReader() {
    }

    /** The document, or a refusal listing every problem with its line and field. */
    public static OdcsDocument read(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(List.of(new FieldProblem("line 1: (document)", "is empty: send an ODCS v3.1.0 YAML "
                    + "document")));
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid(List.of(new FieldProblem("line 1: (document)", "is larger than " + MAX_BYTES / 1024
                    + " KiB; a contract is much smaller")));
        }
        Node root = compose(text);
        Map<String, Integer> lines = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode tree = convert(root, new ArrayList<>(), lines, new IdentityHashMap<>(), problems);
        OdcsDocument document = new OdcsDocument(tree, lines);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        if (!tree.isObject()) {
            throw invalid(List.of(new FieldProblem("line 1: (document)", "must be a mapping (apiVersion, kind, id …)")));
        }
        List<FieldProblem> violations = validate(document);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return document;
    }

    /** The problems of a tree against the ODCS v3.1.0 schema (none when it conforms). */
    public static List<FieldProblem> validate(OdcsDocument document) {
        List<Error> errors = ODCS.validate(document.root());
        Set<FieldProblem> problems = new LinkedHashSet<>();
        for (Error error : errors) {
            List<Object> segments = new ArrayList<>();
            NodePath path = error.getInstanceLocation();
            for (int i = 0; i < path.getNameCount(); i++) {
                segments.add(path.getElement(i));
            }
            String pointer = OdcsDocument.pointer(segments);
            String where = document.where(pointer);
            if (error.getProperty() != null && !"required".equals(error.getKeyword())) {
                // an unknown property: point at the property itself
                String child = pointer + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
                where = document.where(child);
            } else if (error.getProperty() != null) {
                where = "line " + document.lineOf(pointer) + ": " + (segments.isEmpty() ? ""
                        : OdcsDocument.fieldOf(pointer) + ".") + error.getProperty();
            }
            problems.add(new FieldProblem(where, message(error)));
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
        }
        return List.copyOf(problems);
    }

    /** The validator's message without the path it starts with ("$.schema[0].name: "), which the field says. */
    private static String message(Error error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return message.replaceFirst("^\\$[^ ]*: ", "").strip();
    }

    private static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setProcessComments(false);
        options.setTagInspector(tag -> false);
        try {
            Node node = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                    new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options)
                    .compose(new StringReader(text));
            if (node == null) {
                throw invalid(List.of(new FieldProblem("line 1: (document)", "is empty: send an ODCS v3.1.0 YAML "
                        + "document")));
            }
            return node;
        } catch (MarkedYAMLException broken) {
            Mark mark = broken.getProblemMark() != null ? broken.getProblemMark() : broken.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 1;
            String problem = broken.getProblem() == null ? "cannot be read" : broken.getProblem();
            String context = broken.getContext() == null ? "" : " (" + broken.getContext() + ")";
            throw invalid(List.of(new FieldProblem("line " + line + ": (YAML)", "is not valid YAML: " + problem
                    + context)));
        } catch (YAMLException broken) {
            throw invalid(List.of(new FieldProblem("line 1: (YAML)", "cannot be read: " + broken.getMessage())));
        }
    }

    /** Builds the JSON tree, recording the line of each value, refusing what plain data does not need. */
    private static JsonNode convert(Node node, List<Object> path, Map<String, Integer> lines,
            IdentityHashMap<Node, Boolean> seen, List<FieldProblem> problems) {
        String pointer = OdcsDocument.pointer(path);
        int line = node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
        lines.putIfAbsent(pointer, line);
        String where = "line " + line + ": " + OdcsDocument.fieldOf(pointer);
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (seen.put(node, Boolean.TRUE) != null || node.getAnchor() != null) {
            problems.add(new FieldProblem(where, "uses a YAML anchor or alias; write the value out"));
            return json.nullNode();
        }
        if (!PLAIN.contains(node.getTag())) {
            problems.add(new FieldProblem(where, "has the tag " + node.getTag() + "; only plain YAML values are "
                    + "accepted"));
            return json.nullNode();
        }
        if (node instanceof MappingNode mapping) {
            ObjectNode object = json.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getTag().equals(Tag.MERGE)
                        || !PLAIN.contains(key.getTag())) {
                    problems.add(new FieldProblem(where, "has a key that is not plain text (merge keys and complex "
                            + "keys are not accepted)"));
                    continue;
                }
                List<Object> child = new ArrayList<>(path);
                child.add(key.getValue());
                lines.put(OdcsDocument.pointer(child), key.getStartMark().getLine() + 1);
                object.set(key.getValue(), convert(tuple.getValueNode(), child, lines, seen, problems));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = json.arrayNode();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add(i);
                array.add(convert(sequence.getValue().get(i), child, lines, seen, problems));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    /** A scalar as YAML 1.1 (SnakeYAML's resolver) typed it; what does not parse stays text for the schema to judge. */
    private static JsonNode scalar(ScalarNode scalar) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return json.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            String lower = text.toLowerCase(Locale.ROOT);
            return json.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on"));
        }
        String clean = text.replace("_", "");
        if (tag.equals(Tag.INT)) {
            try {
                BigInteger value = new BigInteger(clean);
                return value.bitLength() < 63 ? json.numberNode(value.longValue()) : json.numberNode(value);
            } catch (NumberFormatException notDecimal) {
                return json.textNode(text);
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return json.numberNode(new BigDecimal(clean));
            } catch (NumberFormatException notDecimal) {
                return json.textNode(text);
            }
        }
        return json.textNode(text);
    }

    private static Schema load() {
        try (InputStream schema = OdcsReader.class.getResourceAsStream(SCHEMA)) {
            if (schema == null) {
                throw new IllegalStateException("the ODCS schema " + SCHEMA + " is missing from the build");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(schema);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static Refusal invalid(List<FieldProblem> problems) {
        String summary = problems.stream().limit(5).map(p -> p.field() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b).orElse("");
        return Refusal.invalid("The contract is not a valid ODCS v3.1.0 document: " + summary
                + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : "") + ".", problems);
    }
}
