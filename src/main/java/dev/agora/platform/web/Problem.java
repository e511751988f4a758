package dev.agora.platform.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document: every error of the API has this shape, served as application/problem+json.
 * {@code type} tells the kinds of error apart ({@link #typeFor(int)}); the README lists them.
 *
 * @param errors for validation problems: one entry per offending field
 * @param members extension members of a kind of problem, such as {@code existing} (the slug a duplicate names)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        @JsonIgnore Map<String, String> members) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Where the kinds of problem are named: {@code https://agora.dev/problems/not-found} and so on. */
    public static final String TYPE_BASE = "https://agora.dev/problems/";

    public record FieldError(String field, String message) {}

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, Map.of());
    }

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem(typeFor(status), title, status, detail, instance, List.of());
    }

    public static Problem invalid(String detail, String instance, List<FieldError> errors) {
        return new Problem(typeFor(400), "Invalid request", 400, detail, instance, errors);
    }

    /** The same problem with extension members added. */
    public Problem with(Map<String, String> more) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(members);
        all.putAll(more);
        return new Problem(type, title, status, detail, instance, errors, all);
    }

    @JsonAnyGetter
    Map<String, String> extensionMembers() {
        return members;
    }

    /** The problem type of an HTTP status: one URI per kind of error, so that clients need not parse titles. */
    public static String typeFor(int status) {
        String kind = switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> status >= 500 ? "internal-error" : null;
        };
        return kind == null ? "about:blank" : TYPE_BASE + kind;
    }
}
