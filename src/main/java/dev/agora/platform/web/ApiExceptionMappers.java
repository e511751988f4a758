package dev.agora.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.agora.platform.Refusal;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: every error of the API is application/problem+json with a
 * readable detail, never an HTML page or a stack trace.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    private final ProblemResponses problems;

    public ApiExceptionMappers(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response refusal(Refusal refusal, UriInfo uri) {
        int status = switch (refusal.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
        };
        if (refusal.kind() == Refusal.Kind.INVALID) {
            List<Problem.FieldError> errors = refusal.fieldProblems().stream()
                    .map(p -> new Problem.FieldError(p.field(), p.message()))
                    .toList();
            return problems.response(Problem.invalid(refusal.reason(), path(uri), errors));
        }
        return problems.response(Problem.of(status, ProblemResponses.reasonPhrase(status), refusal.reason(), path(uri))
                .with(refusal.details()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException violation, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> each : violation.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(each.getPropertyPath()), each.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        String detail = errors.isEmpty() ? "The request is not valid." : errors.stream()
                .map(e -> e.field().isEmpty() ? e.message() : e.field() + ": " + e.message())
                .collect(Collectors.joining("; ", "The request is not valid: ", "."));
        return problems.response(Problem.invalid(detail, path(uri), errors));
    }

    // a mapper for the exact type, because Quarkus maps it itself (with an empty body) otherwise
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException mismatched, UriInfo uri) {
        return unreadableJson(mismatched, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException unreadable, UriInfo uri) {
        if (unreadable instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            return problems.response(Problem.invalid("The request has a field Agora does not know: '" + field + "'.",
                    path(uri), List.of(new Problem.FieldError(field, "unknown field"))));
        }
        if (unreadable instanceof InvalidFormatException wrongType) {
            String field = jsonPath(wrongType);
            String expected = wrongType.getTargetType() == null ? "another type"
                    : wrongType.getTargetType().isEnum() ? "one of " + List.of(wrongType.getTargetType().getEnumConstants())
                    : "a " + wrongType.getTargetType().getSimpleName();
            return problems.response(Problem.invalid("The field '" + field + "' has a value of the wrong form.",
                    path(uri), List.of(new Problem.FieldError(field, "must be " + expected))));
        }
        if (unreadable instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            // a value our own types refuse (an unknown port type …) says why in its cause
            String why = mapping.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null
                    ? refused.getMessage() : "has a value of the wrong type";
            return problems.response(Problem.invalid("The field '" + field + "' cannot be read: " + why + ".",
                    path(uri), List.of(new Problem.FieldError(field, why))));
        }
        return problems.response(Problem.invalid("The request body is not valid JSON: "
                + unreadable.getOriginalMessage() + ".", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException unauthenticated, UriInfo uri) {
        return problems.response(Problem.of(401, "Unauthorized",
                "Sign in first: send a personal API token (Authorization: Bearer agora_pat_…) or your Agora "
                + "username and password with HTTP Basic authentication.", path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException forbidden, UriInfo uri) {
        return problems.response(Problem.of(403, "Forbidden",
                "Your account does not have the role this operation needs.", path(uri)));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException concurrent, UriInfo uri) {
        return problems.response(Problem.of(409, "Conflict",
                "Someone else changed this at the same time; reload it and try again.", path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException web, UriInfo uri) {
        int status = web.getResponse().getStatus();
        if (web.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        if (status >= 500) {
            return unexpected(web, uri);
        }
        if (status == 404 && web.getCause() != null && uri != null) {
            // JAX-RS answers 404 for a query parameter it cannot convert; the caller's mistake is the parameter
            String message = String.valueOf(web.getCause().getMessage());
            for (var parameter : uri.getQueryParameters().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (!value.isEmpty() && message.contains(value)) {
                        String field = parameter.getKey();
                        return problems.response(Problem.invalid("The query parameter '" + field
                                + "' has a value of the wrong form.", path(uri),
                                List.of(new Problem.FieldError(field, "has a value of the wrong form"))));
                    }
                }
            }
        }
        String detail = switch (status) {
            case 404 -> "There is nothing at " + path(uri) + ".";
            case 405 -> "This resource does not accept that HTTP method.";
            case 406 -> "This resource cannot answer in the media type asked for; ask for application/json.";
            case 415 -> "Send the request body as application/json.";
            default -> web.getMessage();
        };
        return problems.response(Problem.of(status, ProblemResponses.reasonPhrase(status), detail, path(uri)));
    }

    /** The identity provider cannot be reached to check a bearer token: a passing outage, not Agora's bug. */
    @ServerExceptionMapper
    public Response providerUnavailable(io.quarkus.oidc.OIDCException unreachable, UriInfo uri) {
        LOG.warnf("The identity provider could not check a token on %s: %s", path(uri), unreachable.getMessage());
        return Response.fromResponse(problems.response(Problem.of(503, "Service Unavailable",
                "Agora cannot reach its identity provider to check the bearer token; try again shortly.",
                path(uri)))).header("Retry-After", "30").build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable bug, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(bug, "Unexpected failure on %s (reference %s)", path(uri), reference);
        return problems.response(Problem.of(500, "Internal Server Error",
                "Agora failed unexpectedly; the administrators can find reference " + reference + " in the log.",
                path(uri)));
    }

    static String fieldName(Path propertyPath) {
        // "create.body.username" -> "username": the method and parameter nodes mean nothing to the caller
        List<String> names = new ArrayList<>();
        for (Path.Node node : propertyPath) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return String.join(".", names);
    }

    private static String jsonPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
