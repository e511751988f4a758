package dev.agora.platform;

import java.util.List;
import java.util.Map;

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
        CONFLICT,
        /** the caller's condition on the current state does not hold: a stale If-Match */
        PRECONDITION_FAILED
    }

    /** One field that breaks a rule: the field's name as the caller sent it, and why. */
    public record FieldProblem(String field, String message) {}

    private final Kind kind;
    private final List<FieldProblem> fieldProblems;
    private final Map<String, String> details;

    private Refusal(Kind kind, String reason, List<FieldProblem> fieldProblems) {
        this(kind, reason, fieldProblems, Map.of());
    }

    private Refusal(Kind kind, String reason, List<FieldProblem> fieldProblems, Map<String, String> details) {
        super(reason, null, false, false);
        this.kind = kind;
        this.fieldProblems = List.copyOf(fieldProblems);
        this.details = Map.copyOf(details);
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

    /** A conflict that names what it conflicts with, for a program to act on: {@code existing → order-items}. */
    public static Refusal conflict(String reason, Map<String, String> details) {
        return new Refusal(Kind.CONFLICT, reason, List.of(), details);
    }

    public static Refusal preconditionFailed(String reason) {
        return new Refusal(Kind.PRECONDITION_FAILED, reason, List.of());
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

    /** Machine-readable facts about the refusal (the API adds them to its problem document). */
    public Map<String, String> details() {
        return details;
    }
}
