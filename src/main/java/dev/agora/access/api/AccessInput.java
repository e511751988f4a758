package dev.agora.access.api;

import dev.agora.access.Permission;
import dev.agora.access.Principal;
import dev.agora.platform.InputText;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The bounds of what the access API reads, checked before anything is decided, with every problem of a body in
 * one answer (an unknown permission and a missing justification together).
 */
final class AccessInput {

    static final int MAX_JUSTIFICATION = 2000;
    /** Reasons of rejections, revocations and extensions; comments of approvals. */
    static final int MAX_REASON = 2000;
    static final int MAX_NAME = 200;
    static final int MAX_PORTS = 50;
    static final int MAX_COLUMNS = 2000;
    static final int MAX_COLUMN_NAME = 128;
    static final int MAX_BASKET_ITEMS = 50;
    static final int MAX_BULK_IDS = 200;
    static final int MIN_JUSTIFICATION = 10;

    private final List<FieldProblem> problems = new ArrayList<>();

    static AccessInput checking() {
        return new AccessInput();
    }

    AccessInput singleLine(String field, String text, int max) {
        InputText.singleLineProblem(text, max).ifPresent(message -> problems.add(new FieldProblem(field, message)));
        return this;
    }

    AccessInput multiLine(String field, String text, int max) {
        InputText.multiLineProblem(text, max).ifPresent(message -> problems.add(new FieldProblem(field, message)));
        return this;
    }

    /**
     * The justification's bounds. When the body is refused here anyway, a missing purpose is named too (the
     * access rules, which check it otherwise, do not run on a refused body).
     */
    AccessInput justification(String field, String text) {
        multiLine(field, text, MAX_JUSTIFICATION);
        if (!problems.isEmpty() && (text == null || text.strip().length() < MIN_JUSTIFICATION)) {
            problems.add(new FieldProblem(field, "must say what the data is for (at least " + MIN_JUSTIFICATION
                    + " characters)"));
        }
        return this;
    }

    AccessInput ports(String field, List<AccessRequestResource.PortRequest> ports) {
        if (ports == null) {
            return this;
        }
        if (ports.size() > MAX_PORTS) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_PORTS));
            return this;
        }
        for (int i = 0; i < ports.size(); i++) {
            AccessRequestResource.PortRequest port = ports.get(i);
            String at = field + "[" + i + "]";
            if (port == null) {
                problems.add(new FieldProblem(at, "must name a port"));
                continue;
            }
            if (port.name() == null || port.name().isBlank()) {
                problems.add(new FieldProblem(at + ".name", "must name a port"));
            } else {
                singleLine(at + ".name", port.name(), MAX_NAME);
            }
            List<String> columns = port.columns();
            if (columns == null) {
                continue;
            }
            if (columns.size() > MAX_COLUMNS) {
                problems.add(new FieldProblem(at + ".columns", "must be at most " + MAX_COLUMNS));
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                String column = columns.get(c);
                if (column == null || column.isBlank()) {
                    problems.add(new FieldProblem(at + ".columns[" + c + "]", "must name a column"));
                } else {
                    singleLine(at + ".columns[" + c + "]", column, MAX_COLUMN_NAME);
                }
            }
        }
        return this;
    }

    AccessInput count(String field, List<?> values, int max) {
        if (values != null && values.size() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max));
        }
        return this;
    }

    AccessInput noNulls(String field, List<?> values, String message) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    problems.add(new FieldProblem(field + "[" + i + "]", message));
                }
            }
        }
        return this;
    }

    /** The permission asked for; none given means READ (the service's default), an unknown one is a problem. */
    Optional<Permission> permission(String field, String text) {
        return enumValue(field, text, Permission.class);
    }

    Optional<Principal> principal(String field, AccessRequestResource.PrincipalRequest principal) {
        if (principal == null) {
            return Optional.empty();
        }
        Optional<Principal.Type> type = enumValue(field + ".type", principal.type(), Principal.Type.class);
        if (principal.type() == null) {
            problems.add(new FieldProblem(field + ".type", "must be USER or TEAM"));
        }
        if (principal.name() == null || principal.name().isBlank()) {
            problems.add(new FieldProblem(field + ".name", "must name the person or team"));
        } else {
            singleLine(field + ".name", principal.name().strip(), MAX_NAME);
        }
        return type.filter(t -> principal.name() != null && !principal.name().isBlank())
                .map(t -> new Principal(t, principal.name().strip()));
    }

    private <E extends Enum<E>> Optional<E> enumValue(String field, String text, Class<E> type) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldProblem(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return Optional.empty();
        }
    }

    AccessInput problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    /** Refuses with every problem found, if there is one. */
    void orRefuse(String what) {
        if (!problems.isEmpty()) {
            throw Refusal.invalid(what + ": " + problems.stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")) + ".", problems);
        }
    }

}
