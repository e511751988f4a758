package dev.agora.identity.api;

import static dev.agora.identity.api.InputRules.SINGLE_LINE;
import static dev.agora.identity.api.InputRules.SINGLE_LINE_MESSAGE;

import dev.agora.identity.AccountAdministration;
import dev.agora.identity.AccountLinks;
import dev.agora.identity.AccountSearch;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.PlatformRole;
import dev.agora.identity.Roles;
import dev.agora.identity.SignedInAccount;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * People as administrators manage them: find, open, change the platform role, deactivate a leaver and reactivate
 * them. The rules (administrators only, never oneself, never the last administrator) live in
 * {@link AccountAdministration}; this resource only translates.
 */
@Path("/api/v1/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Accounts, domains and teams (administrators only)")
public class AccountAdminResource {

    /** A new local account. */
    public record NewAccountRequest(
            @NotBlank @Size(max = 63) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String username,
            @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String displayName,
            @Email @Size(max = 320) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String email,
            @NotBlank @Size(max = InputRules.MAX_PASSWORD) String password,
            PlatformRole platformRole) {}

    /** The account as created. */
    public record AccountCreated(String username, String displayName, List<String> roles) {}

    /** The provider identity to link an account to; the issuer defaults to the configured provider's. */
    public record SsoIdentity(String subject, String issuer) {}

    /** {@code {"role": "ADMIN"}} or {@code {"role": "USER"}}. */
    public record RoleChange(@NotBlank @Size(max = 20) String role) {}

    private final AccountSearch search;
    private final AccountAdministration administration;
    private final LocalAccounts accounts;
    private final AccountLinks links;
    private final SecurityIdentity identity;

    AccountAdminResource(AccountSearch search, AccountAdministration administration, LocalAccounts accounts,
            AccountLinks links, SecurityIdentity identity) {
        this.search = search;
        this.administration = administration;
        this.accounts = accounts;
        this.links = links;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Accounts with their platform role and teams, by username; searched and paged on the server "
            + "(the total is in X-Total-Count)")
    @APIResponse(responseCode = "200", description = "one page of the matching accounts")
    @APIResponse(responseCode = "400", description = "q longer than 200 characters, or page/size out of range")
    public RestResponse<List<Directory.UserSummary>> users(
            @Parameter(description = "part of the username, display name or e-mail, any case; blank: everyone")
            @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        List<Directory.UserSummary> found = search.find(actor(), q, paging.offset(), paging.size());
        return RestResponse.ResponseBuilder.ok(found).header(Paging.TOTAL_HEADER, search.count(actor(), q)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a local account")
    public Response openAccount(@Valid @NotNull NewAccountRequest request) {
        SignedInAccount account = accounts.open(new LocalAccounts.NewAccount(request.username(),
                request.displayName(), request.email(), request.password(), request.platformRole()), actor());
        return Response.created(URI.create("/api/v1/admin/users/" + account.username()))
                .entity(new AccountCreated(account.username(), account.displayName(),
                        account.roles().stream().sorted().toList()))
                .build();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One account in full: status, platform role and where it comes from, teams, live API tokens")
    @APIResponse(responseCode = "404", description = "no such account")
    public AccountSearch.AccountDetails account(@PathParam("username") String username) {
        return search.details(actor(), username);
    }

    @POST
    @Path("/{username}/deactivate")
    @Operation(summary = "Deactivate a leaver: they can no longer sign in, their sessions and API tokens end, their "
            + "active access is revoked through the grant engines and their pending requests are cancelled; their "
            + "products stay with their team. Repeating it changes nothing")
    @APIResponse(responseCode = "200", description = "the account, now deactivated")
    @APIResponse(responseCode = "404", description = "no such account")
    @APIResponse(responseCode = "409", description = "your own account, or the last active administrator")
    public AccountSearch.AccountDetails deactivate(@PathParam("username") String username) {
        return administration.deactivate(username, actor()).account();
    }

    @POST
    @Path("/{username}/reactivate")
    @Operation(summary = "Let a deactivated account sign in again; access and tokens do not come back by themselves")
    @APIResponse(responseCode = "200", description = "the account, now active")
    @APIResponse(responseCode = "404", description = "no such account")
    public AccountSearch.AccountDetails reactivate(@PathParam("username") String username) {
        return administration.reactivate(username, actor()).account();
    }

    @POST
    @Path("/{username}/disable")
    @Operation(summary = "Older name of deactivate, kept for existing clients")
    @APIResponse(responseCode = "204", description = "the account is deactivated")
    public void disable(@PathParam("username") String username) {
        administration.deactivate(username, actor());
    }

    @POST
    @Path("/{username}/enable")
    @Operation(summary = "Older name of reactivate, kept for existing clients")
    @APIResponse(responseCode = "204", description = "the account is active")
    public void enable(@PathParam("username") String username) {
        administration.reactivate(username, actor());
    }

    @PUT
    @Path("/{username}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the platform role: {\"role\": \"ADMIN\"} or {\"role\": \"USER\"}. A role set here is "
            + "kept by hand; for an account from single sign-on, the provider's groups still make it an administrator "
            + "at sign-in when they say so")
    @APIResponse(responseCode = "200", description = "the account with its new role")
    @APIResponse(responseCode = "400", description = "not a platform role")
    @APIResponse(responseCode = "404", description = "no such account")
    @APIResponse(responseCode = "409", description = "your own account, or the last active administrator")
    public AccountSearch.AccountDetails changeRole(@PathParam("username") String username,
            @Valid @NotNull RoleChange change) {
        return administration.changePlatformRole(username, platformRole(change.role()), actor());
    }

    @PUT
    @Path("/{username}/sso-identity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link an account to a provider identity: sign-in through the provider then lands in it "
            + "(409 when another account holds that identity)")
    public AccountLinks.Link linkSsoIdentity(@PathParam("username") String username,
            @NotNull SsoIdentity body) {
        return links.link(username, body.issuer(), body.subject(), actor());
    }

    @DELETE
    @Path("/{username}/sso-identity")
    @Operation(summary = "Unlink an account from its provider identity and end its sessions")
    public void unlinkSsoIdentity(@PathParam("username") String username) {
        links.unlink(username, actor());
    }

    private static PlatformRole platformRole(String role) {
        try {
            return PlatformRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid("role", "must be one of ADMIN, USER");
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
