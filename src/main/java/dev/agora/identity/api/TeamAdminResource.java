package dev.agora.identity.api;

import dev.agora.identity.Directory;
import dev.agora.identity.Organisation;
import dev.agora.identity.Roles;
import dev.agora.identity.TeamRole;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The teams of the organisation as administrators run them; the rules live in {@link Organisation}. */
@Path("/api/v1/admin/teams")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Accounts, domains and teams (administrators only)")
public class TeamAdminResource {

    /** A new team: {@code {"slug":"sales-ops","name":"Sales Ops","domain":"sales"}}, optionally its AWS principal. */
    public record NewTeamBody(String slug, String name, String description, String domain, String awsPrincipalArn) {}

    /**
     * What to change; an absent field stays as it is. {@code awsPrincipalArn}: an IAM role or user ARN or an IAM
     * Identity Center group ARN, or "" to clear it.
     */
    public record TeamChangeBody(String name, String description, Boolean archived, String awsPrincipalArn) {}

    /** One member: {@code {"username":"olivia","role":"OWNER"}}. */
    public record MemberBody(String username, String role) {}

    /** The member list: {@code {"members":[{"username":"olivia","role":"OWNER"}]}}. */
    public record MembersBody(List<MemberBody> members) {}

    /** The member list as it is, provider-given places included (their {@code source} is PROVIDER). */
    public record MembersAnswer(String team, List<Organisation.Member> members) {}

    private final Directory directory;
    private final Organisation organisation;
    private final SecurityIdentity identity;

    TeamAdminResource(Directory directory, Organisation organisation, SecurityIdentity identity) {
        this.directory = directory;
        this.organisation = organisation;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "All teams with their members by role")
    public RestResponse<List<Directory.TeamSummary>> teams(@QueryParam("page") String page,
            @QueryParam("size") String size) {
        return Paging.of(page, size).answer(directory.teams());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a team in a domain")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "a bad slug or principal, a blank or over-long name, "
            + "an unknown or archived domain")
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "409", description = "a team with this slug exists")
    public Response create(@NotNull NewTeamBody body) {
        Directory.TeamSummary created = organisation.createTeam(new Organisation.NewTeam(body.slug(), body.name(),
                body.description(), body.domain(), body.awsPrincipalArn()), actor());
        return Response.created(URI.create("/api/v1/admin/teams/" + created.slug())).entity(created).build();
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename, describe, archive or restore a team; set its AWS principal (IAM role or Identity "
            + "Center group ARN) for Lake Formation grants, or clear it with \"\"")
    @APIResponse(responseCode = "200", description = "the team as it is now")
    @APIResponse(responseCode = "400", description = "a blank or over-long name, a principal not of the form")
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "404", description = "no such team")
    public Directory.TeamSummary change(@PathParam("slug") String slug, @NotNull TeamChangeBody body) {
        return organisation.changeTeam(slug, new Organisation.TeamChange(body.name(), body.description(),
                body.archived(), body.awsPrincipalArn()), actor());
    }

    @GET
    @Path("/{slug}/members")
    @Operation(summary = "A team's members with their roles and where each place comes from")
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "404", description = "no such team")
    public MembersAnswer members(@PathParam("slug") String slug) {
        return new MembersAnswer(slug, organisation.members(slug, actor()));
    }

    @PUT
    @Path("/{slug}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the members set in Agora; places the provider's groups gave are kept unless "
            + "listed (then they are kept by hand in the role given)")
    @APIResponse(responseCode = "200", description = "the member list as it is now")
    @APIResponse(responseCode = "400", description = "an unknown account or role, a name listed twice, "
            + "no OWNER left in a team that had one")
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "404", description = "no such team")
    public MembersAnswer replaceMembers(@PathParam("slug") String slug, @NotNull MembersBody body) {
        if (body.members() == null) {
            throw Refusal.invalid("members", "must list the members (an empty list removes every member set here)");
        }
        if (body.members().size() > Organisation.MAX_MEMBERS) {
            throw Refusal.invalid("members", "at most " + Organisation.MAX_MEMBERS + " members");
        }
        List<Organisation.MemberPlace> places = new ArrayList<>();
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < body.members().size(); i++) {
            MemberBody member = body.members().get(i);
            places.add(new Organisation.MemberPlace(member == null ? null : member.username(),
                    member == null ? null : role(member.role(), i, problems)));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The request is not valid: " + problems.get(0).field() + ": "
                    + problems.get(0).message() + ".", problems);
        }
        return new MembersAnswer(slug, organisation.replaceMembers(slug, places, actor()));
    }

    private static TeamRole role(String value, int index, List<Refusal.FieldProblem> problems) {
        try {
            return value == null ? null : TeamRole.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(new Refusal.FieldProblem("members[" + index + "].role",
                    "must be one of OWNER, MEMBER, STEWARD"));
            return null;
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
