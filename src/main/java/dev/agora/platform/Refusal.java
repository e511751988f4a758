package dev.agora.platform;

import java.util.List;

/**
 * A request Agora refuses, with a reason a person can read. Domain code throws it; the web layer turns it into
 * problem+json (4xx) and the UI into a notification. Never used for bugs: those stay ordinary exceptions.
 */
public final class Refusal extends RuntimeException {

    public enum Kind {
        /** the input breaks a rule; {@link #fieldProblems()} says which fields */
        INVALID,
        /** the thing asked for does not exist (or is not visible to the caller) */
        NOT_FOUND,
        /** the caller may not do this */
        FORBIDDEN,
        /** the current state does not allow it: a duplicate, an illegal transition, a concurrent change */
        CONFLICT
    }

    /** One field that breaks a rule: the field's name as the caller sent it, and why. */
    public record FieldProblem(String field, String message) {}

    private final Kind kind;
    private final List<FieldProblem> fieldProblems;

    private Refusal(Kind kind, String reason, List<FieldProblem> fieldProblems) {
        super(reason, null, false, false);
        this.kind = kind;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, message, List.of(new FieldProblem(field, message)));
    }

    public static Refusal invalid(String reason, List<FieldProblem> fieldProblems) {
        return new Refusal(Kind.INVALID, reason, fieldProblems);
    }

    public static Refusal notFound(String reason) {
        return new Refusal(Kind.NOT_FOUND, reason, List.of());
    }

    public static Refusal forbidden(String reason) {
        return new Refusal(Kind.FORBIDDEN, reason, List.of());
    }

    public static Refusal conflict(String reason) {
        return new Refusal(Kind.CONFLICT, reason, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
