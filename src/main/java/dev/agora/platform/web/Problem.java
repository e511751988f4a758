package dev.agora.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document: every error of the API has this shape, served as application/problem+json.
 *
 * @param errors for validation problems: one entry per offending field
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {}

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of());
    }

    public static Problem invalid(String detail, String instance, List<FieldError> errors) {
        return new Problem("about:blank", "Invalid request", 400, detail, instance, errors);
    }
}
