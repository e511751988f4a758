package dev.agora.identity.api;

import dev.agora.identity.PersonalTokens;
import dev.agora.identity.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Any account's personal API tokens, as administrators see and revoke them. */
@Path("/api/v1/admin/users/{username}/tokens")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Accounts, domains and teams (administrators only)")
public class PersonalTokenAdminResource {

    private final PersonalTokens tokens;
    private final SecurityIdentity identity;

    PersonalTokenAdminResource(PersonalTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "An account's tokens that are not revoked (no secrets)")
    public List<PersonalTokens.TokenSummary> list(@PathParam("username") String username) {
        return tokens.of(username);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke one of an account's tokens")
    public void revoke(@PathParam("username") String username, @PathParam("id") String id) {
        tokens.revoke(username, TokenIds.parse(id), identity.getPrincipal().getName());
    }
}
