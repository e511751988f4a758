package dev.agora.catalog;

import dev.agora.platform.InputText;
import dev.agora.platform.Refusal.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The form rules of a submitted product, checked all at once so that a producer sees every problem in one
 * answer. Field names are the API's: {@code outputPorts[0].columns[2].name}.
 */
final class ProductRules {

    static final int MAX_NAME = 120;
    static final int MAX_TAGS = 20;
    static final int MAX_PORTS = 50;
    static final int MAX_COLUMNS = 2000;
    static final int MAX_DESCRIPTION = 50_000;
    static final int MAX_CONTACT = 200;
    static final int MAX_FRESHNESS = 500;
    static final int MAX_LOCATION = 1024;
    static final int MAX_COLUMN_NAME = 128;
    static final int MAX_COLUMN_TYPE = 128;
    static final int MAX_COLUMN_DESCRIPTION = 2000;
    /** Changelogs of versions and reasons of deprecations. */
    public static final int MAX_NOTE = 5000;
    private static final Pattern TAG = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,39}$");
    private static final Pattern PORT_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$");

    private ProductRules() {
    }

    static List<FieldProblem> check(ProductDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else {
            singleLine("name", draft.name().strip(), MAX_NAME, problems);
        }
        if (draft.ownerTeam() == null || draft.ownerTeam().isBlank()) {
            problems.add(new FieldProblem("ownerTeam", "must name the team that owns the product"));
        }
        if (draft.classification() == null) {
            problems.add(new FieldProblem("classification", "must be one of PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED"));
        }
        multiLine("description", draft.description(), MAX_DESCRIPTION, problems);
        singleLine("contact", draft.contact(), MAX_CONTACT, problems);
        singleLine("freshness", draft.freshness(), MAX_FRESHNESS, problems);
        singleLine("slug", draft.slug(), MAX_NAME, problems);
        singleLine("domain", draft.domain(), MAX_NAME, problems);
        singleLine("ownerTeam", draft.ownerTeam(), MAX_NAME, problems);
        checkTags(draft, problems);
        checkPorts(draft, problems);
        return problems;
    }

    /** Tags as stored: trimmed, lower case, spaces as dashes, each once. */
    static Set<String> normalisedTags(ProductDraft draft) {
        Set<String> tags = new TreeSet<>();
        if (draft.tags() != null) {
            for (String tag : draft.tags()) {
                if (tag != null && !tag.isBlank()) {
                    tags.add(normaliseTag(tag));
                }
            }
        }
        return tags;
    }

    static String normaliseTag(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    private static void checkTags(ProductDraft draft, List<FieldProblem> problems) {
        if (draft.tags() == null) {
            return;
        }
        int index = 0;
        for (String tag : draft.tags()) {
            if (tag == null || tag.chars().anyMatch(Character::isISOControl) || !TAG.matcher(normaliseTag(tag)).matches()) {
                problems.add(new FieldProblem("tags[" + index + "]",
                        "must be 1 to 40 letters, digits, '.', '_' or '-'"));
            }
            index++;
        }
        if (draft.tags().size() > MAX_TAGS) {
            problems.add(new FieldProblem("tags", "must be at most " + MAX_TAGS));
        }
    }

    private static void singleLine(String field, String text, int max, List<FieldProblem> problems) {
        InputText.singleLineProblem(text, max).ifPresent(message -> problems.add(new FieldProblem(field, message)));
    }

    private static void multiLine(String field, String text, int max, List<FieldProblem> problems) {
        InputText.multiLineProblem(text, max).ifPresent(message -> problems.add(new FieldProblem(field, message)));
    }

    /** A changelog or a deprecation reason: multi-line, bounded. */
    static void checkNote(String field, String text, List<FieldProblem> problems) {
        multiLine(field, text, MAX_NOTE, problems);
    }

    private static void checkPorts(ProductDraft draft, List<FieldProblem> problems) {
        if (draft.ports() == null || draft.ports().isEmpty()) {
            problems.add(new FieldProblem("outputPorts", "must have at least one output port"));
            return;
        }
        if (draft.ports().size() > MAX_PORTS) {
            problems.add(new FieldProblem("outputPorts", "must be at most " + MAX_PORTS));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < draft.ports().size(); i++) {
            ProductDraft.PortDraft port = draft.ports().get(i);
            String at = "outputPorts[" + i + "]";
            if (port == null) {
                problems.add(new FieldProblem(at, "must not be null"));
                continue;
            }
            if (port.name() == null || !PORT_NAME.matcher(port.name()).matches()) {
                problems.add(new FieldProblem(at + ".name",
                        "must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit"));
            } else if (!names.add(port.name())) {
                problems.add(new FieldProblem(at + ".name", "is used by another port of this product"));
            }
            if (port.type() == null) {
                problems.add(new FieldProblem(at + ".type", "must be one of postgres-table, glue-table, s3-prefix, "
                        + "kinesis-stream"));
            }
            if (port.location() != null && InputText.singleLineProblem(port.location(), MAX_LOCATION).isPresent()) {
                singleLine(at + ".location", port.location(), MAX_LOCATION, problems);
            } else if (port.location() == null || port.location().isBlank()) {
                problems.add(new FieldProblem(at + ".location", "must say where the data is, such as lake.orders"));
            } else if (port.type() != null) {
                PortLocation.problem(port.type(), port.location())
                        .ifPresent(message -> problems.add(new FieldProblem(at + ".location", message)));
            }
            checkColumns(at, port.columns(), problems);
        }
    }

    private static void checkColumns(String at, List<ColumnSchema> columns, List<FieldProblem> problems) {
        if (columns == null) {
            return;
        }
        if (columns.size() > MAX_COLUMNS) {
            problems.add(new FieldProblem(at + ".columns", "must be at most " + MAX_COLUMNS));
        }
        Set<String> names = new HashSet<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnSchema column = columns.get(c);
            String columnAt = at + ".columns[" + c + "]";
            if (column == null) {
                problems.add(new FieldProblem(columnAt, "must not be null"));
                continue;
            }
            if (column.name() == null || column.name().isBlank()) {
                problems.add(new FieldProblem(columnAt + ".name", "must not be blank"));
            } else if (InputText.singleLineProblem(column.name(), MAX_COLUMN_NAME).isPresent()) {
                singleLine(columnAt + ".name", column.name(), MAX_COLUMN_NAME, problems);
            } else if (!names.add(column.name())) {
                problems.add(new FieldProblem(columnAt + ".name", "is used by another column of this port"));
            }
            if (column.type() == null || column.type().isBlank()) {
                problems.add(new FieldProblem(columnAt + ".type", "must not be blank"));
            } else {
                singleLine(columnAt + ".type", column.type(), MAX_COLUMN_TYPE, problems);
            }
            multiLine(columnAt + ".description", column.description(), MAX_COLUMN_DESCRIPTION, problems);
        }
    }
}
