package dev.agora.identity.api;

import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.PlatformRole;
import dev.agora.identity.Roles;
import dev.agora.identity.SignedInAccount;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation as administrators manage it: accounts, domains and teams. */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Accounts, domains and teams (administrators only)")
public class DirectoryAdminResource {

    /** A new local account. */
    public record NewAccountRequest(
            @NotBlank @Size(max = 63) String username,
            @Size(max = 200) String displayName,
            @Email @Size(max = 320) String email,
            @NotBlank String password,
            PlatformRole platformRole) {}

    /** The account as created. */
    public record AccountCreated(String username, String displayName, List<String> roles) {}

    private final Directory directory;
    private final LocalAccounts accounts;
    private final SecurityIdentity identity;

    DirectoryAdminResource(Directory directory, LocalAccounts accounts, SecurityIdentity identity) {
        this.directory = directory;
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    @Path("/users")
    @Operation(summary = "All accounts with their platform role and teams")
    public List<Directory.UserSummary> users() {
        return directory.users();
    }

    @POST
    @Path("/users")
    @Operation(summary = "Open a local account")
    public Response openAccount(@Valid @NotNull NewAccountRequest request) {
        SignedInAccount account = accounts.open(new LocalAccounts.NewAccount(request.username(),
                request.displayName(), request.email(), request.password(), request.platformRole()), actor());
        return Response.created(URI.create("/api/v1/admin/users/" + account.username()))
                .entity(new AccountCreated(account.username(), account.displayName(),
                        account.roles().stream().sorted().toList()))
                .build();
    }

    @POST
    @Path("/users/{username}/disable")
    @Operation(summary = "Disable an account: it can no longer sign in, and open sessions end")
    public void disable(@PathParam("username") String username) {
        accounts.setEnabled(username, false, actor());
    }

    @POST
    @Path("/users/{username}/enable")
    @Operation(summary = "Enable a disabled account again")
    public void enable(@PathParam("username") String username) {
        accounts.setEnabled(username, true, actor());
    }

    @GET
    @Path("/domains")
    @Operation(summary = "All domains with their teams and stewards")
    public List<Directory.DomainSummary> domains() {
        return directory.domains();
    }

    @GET
    @Path("/teams")
    @Operation(summary = "All teams with their members by role")
    public List<Directory.TeamSummary> teams() {
        return directory.teams();
    }

    /** A team's settings. */
    public record TeamSettings(String awsPrincipalArn) {}

    @jakarta.ws.rs.PUT
    @Path("/teams/{slug}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a team's AWS principal (IAM role or Identity Center group ARN) for Lake Formation grants")
    public Directory.TeamSummary updateTeam(@PathParam("slug") String slug, @NotNull TeamSettings settings) {
        return directory.useAwsPrincipal(slug, settings.awsPrincipalArn(), actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
