package dev.agora.identity.api;

import dev.agora.identity.PersonalTokenIdentityProvider;
import dev.agora.identity.PersonalTokens;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's own personal API tokens. */
@Path("/api/v1/me/tokens")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity", description = "Who is signed in, their roles and teams")
public class PersonalTokenResource {

    /** A token to create: a name (1–100 characters) and how many days it lives (default 30, at most the maximum). */
    public record NewToken(String name, Integer expiresInDays) {}

    /** The token just created, with its secret: shown this once, never again. */
    public record CreatedToken(long id, String name, Instant createdAt, Instant expiresAt, String hint,
            String token) {

        static CreatedToken of(PersonalTokens.IssuedToken issued) {
            PersonalTokens.TokenSummary token = issued.token();
            return new CreatedToken(token.id(), token.name(), token.createdAt(), token.expiresAt(), token.hint(),
                    issued.secret());
        }
    }

    private final PersonalTokens tokens;
    private final SecurityIdentity identity;

    PersonalTokenResource(PersonalTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a personal API token; the response holds its secret, shown only this once")
    public Response create(@NotNull NewToken request) {
        if (PersonalTokenIdentityProvider.signedInByToken(identity)) {
            // a leaked token must not be able to extend its own life by minting successors
            throw Refusal.forbidden("A personal API token cannot create tokens: sign in with your password or "
                    + "through single sign-on to create one.");
        }
        PersonalTokens.IssuedToken issued = tokens.create(me(), request.name(), request.expiresInDays(), me());
        return Response.created(URI.create("/api/v1/me/tokens/" + issued.token().id()))
                .entity(CreatedToken.of(issued)).build();
    }

    @GET
    @Operation(summary = "Your tokens that are not revoked: name, created, expires, last used and hint (no secret)")
    public List<PersonalTokens.TokenSummary> list() {
        return tokens.of(me());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke one of your tokens; it stops working at once")
    public void revoke(@PathParam("id") String id) {
        tokens.revoke(me(), TokenIds.parse(id), me());
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
