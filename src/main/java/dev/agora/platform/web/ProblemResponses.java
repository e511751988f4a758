package dev.agora.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Writes {@link Problem}s as application/problem+json, the only error format of the API. */
@ApplicationScoped
public class ProblemResponses {

    /** Sent with every 401 so that scripts and browsers know how to authenticate. */
    public static final String BASIC_CHALLENGE = "Basic realm=\"Agora\", charset=\"UTF-8\"";

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public String json(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a Problem is always serialisable", impossible);
        }
    }

    public Response response(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(json(problem));
        if (problem.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        return builder.build();
    }

    public static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error " + status;
    }
}
