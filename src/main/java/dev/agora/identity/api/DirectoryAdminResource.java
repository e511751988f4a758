package dev.agora.identity.api;

import dev.agora.identity.AccountLinks;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.PlatformRole;
import dev.agora.identity.Roles;
import dev.agora.identity.SignedInAccount;
import dev.agora.platform.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The organisation as administrators manage it: accounts (domains and teams have resources of their own). */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Accounts, domains and teams (administrators only)")
public class DirectoryAdminResource {

    /** A new local account. */
    public record NewAccountRequest(
            @NotBlank @Size(max = 63) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String username,
            @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String displayName,
            @Email @Size(max = 320) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String email,
            @NotBlank @Size(max = MAX_PASSWORD) String password,
            PlatformRole platformRole) {}

    /** Names and addresses end up in mail headers and logs: one line, no control characters. */
    static final String SINGLE_LINE = "[^\\p{Cntrl}\\u2028\\u2029]*";
    static final String SINGLE_LINE_MESSAGE = "must be a single line without control characters";
    /** Hashing is deliberately slow: an unbounded password would make it a lever for denial of service. */
    static final int MAX_PASSWORD = 1024;

    /** The account as created. */
    public record AccountCreated(String username, String displayName, List<String> roles) {}

    /** The provider identity to link an account to; the issuer defaults to the configured provider's. */
    public record SsoIdentity(String subject, String issuer) {}

    private final Directory directory;
    private final LocalAccounts accounts;
    private final AccountLinks links;
    private final SecurityIdentity identity;

    DirectoryAdminResource(Directory directory, LocalAccounts accounts, AccountLinks links,
            SecurityIdentity identity) {
        this.directory = directory;
        this.accounts = accounts;
        this.links = links;
        this.identity = identity;
    }

    @GET
    @Path("/users")
    @Operation(summary = "All accounts with their platform role and teams")
    public RestResponse<List<Directory.UserSummary>> users(@QueryParam("page") String page,
            @QueryParam("size") String size) {
        return Paging.of(page, size).answer(directory.users());
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

    @jakarta.ws.rs.PUT
    @Path("/users/{username}/sso-identity")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link an account to a provider identity: sign-in through the provider then lands in it "
            + "(409 when another account holds that identity)")
    public AccountLinks.Link linkSsoIdentity(@PathParam("username") String username,
            @NotNull SsoIdentity body) {
        return links.link(username, body.issuer(), body.subject(), actor());
    }

    @jakarta.ws.rs.DELETE
    @Path("/users/{username}/sso-identity")
    @Operation(summary = "Unlink an account from its provider identity and end its sessions")
    public void unlinkSsoIdentity(@PathParam("username") String username) {
        links.unlink(username, actor());
    }

    // domains and teams: DomainAdminResource and TeamAdminResource

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
