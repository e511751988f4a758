package dev.agora.events.api;

import dev.agora.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The AsyncAPI 3.0 description of the events Agora publishes, for the people who consume them. */
@Path("/api/v1/asyncapi.yaml")
@RolesAllowed(Roles.USER)
@Tag(name = "Events")
public class AsyncApiResource {

    private static final String DOCUMENT = read();

    private static String read() {
        try (InputStream in = AsyncApiResource.class.getResourceAsStream("/events/asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("events/asyncapi.yaml is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @GET
    @Produces("application/yaml")
    @Operation(summary = "AsyncAPI 3.0 document of Agora's CloudEvents: every public type with an example")
    public String document() {
        return DOCUMENT;
    }
}
