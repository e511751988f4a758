package dev.agora.access.api;

import dev.agora.access.application.TeamChannels;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.Paging;
import dev.agora.platform.web.QueryParameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A team's notification channel: the Slack or Microsoft Teams incoming webhook where Agora posts what it should hear. */
@Path("/api/v1/teams/{slug}/notification-channel")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notification channels", description = "Slack and Microsoft Teams channels of teams")
public class TeamChannelResource {

    /** The channel to set: {"kind": "slack", "url": "https://hooks.slack.com/services/…"}. */
    public record ChannelRequest(@Schema(enumeration = {"slack", "teams"}) String kind,
            @Schema(description = "the incoming-webhook URL; a secret, never shown back in full",
                    maxLength = 2000) String url) {}

    /** The channel as it is shown: the kind, the host and a masked URL; never the URL itself. */
    public record ChannelAnswer(String team, @Schema(enumeration = {"slack", "teams"}) String kind, String host,
            @Schema(example = "https://hooks.slack.com/…x9Qe") String maskedUrl, String setBy, Instant setAt) {

        static ChannelAnswer of(TeamChannels.ChannelView view) {
            return new ChannelAnswer(view.team(), view.kind().wireName(), view.host(), view.maskedUrl(),
                    view.setBy(), view.setAt());
        }
    }

    /** One message to the team's channel: queued (PENDING), DELIVERED or FAILED (given up, or dropped). */
    public record DeliveryAnswer(long id, @Schema(enumeration = {"slack", "teams"}) String kind,
            @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status, int attempts, Instant createdAt,
            Instant lastAttemptAt, Integer responseCode, String lastError, Instant deliveredAt) {

        static DeliveryAnswer of(TeamChannels.Delivery delivery) {
            return new DeliveryAnswer(delivery.id(), delivery.kind().wireName(), delivery.status(),
                    delivery.attempts(), delivery.createdAt(), delivery.lastAttemptAt(), delivery.responseCode(),
                    delivery.lastError(), delivery.deliveredAt());
        }
    }

    private final TeamChannels channels;
    private final SecurityIdentity identity;

    TeamChannelResource(TeamChannels channels, SecurityIdentity identity) {
        this.channels = channels;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The team's channel (kind, host, masked URL): for its members and administrators")
    @APIResponse(responseCode = "200", description = "the channel")
    @APIResponse(responseCode = "404", description = "no such team, or the team has no channel")
    public ChannelAnswer get(@PathParam("slug") String slug) {
        return channels.channel(slug, me()).map(ChannelAnswer::of)
                .orElseThrow(() -> Refusal.notFound("Team " + slug + " has no notification channel."));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set or replace the team's channel: its owners and administrators; messages still waiting "
            + "for a replaced channel are dropped")
    @APIResponse(responseCode = "200", description = "the channel as set")
    @APIResponse(responseCode = "400", description = "kind or url not valid (a Slack or Teams webhook URL, outside "
            + "the internal network)")
    @APIResponse(responseCode = "403", description = "not an owner of the team")
    public ChannelAnswer set(@PathParam("slug") String slug, ChannelRequest request) {
        if (request == null) {
            throw Refusal.invalid("The notification channel is not valid.", List.of(
                    new Refusal.FieldProblem("kind", "is required"), new Refusal.FieldProblem("url", "is required")));
        }
        return ChannelAnswer.of(channels.set(slug, request.kind(), request.url(), me()));
    }

    @DELETE
    @Operation(summary = "Remove the team's channel: its owners and administrators; nothing more is posted there")
    @APIResponse(responseCode = "204", description = "removed (or there was none)")
    public void remove(@PathParam("slug") String slug) {
        channels.remove(slug, me());
    }

    @POST
    @Path("/test")
    @Operation(summary = "Queue a test message to the team's channel: its owners and administrators, one per "
            + "AGORA_TEAM_CHANNELS_TEST_INTERVAL")
    @APIResponse(responseCode = "202", description = "queued; the delivery tells how it went")
    @APIResponse(responseCode = "409", description = "no channel set, or a test message was just sent")
    public RestResponse<DeliveryAnswer> test(@PathParam("slug") String slug) {
        return RestResponse.accepted(DeliveryAnswer.of(channels.sendTest(slug, me())));
    }

    @GET
    @Path("/deliveries")
    @Operation(summary = "The messages sent to the team's channel, newest first (status, time, response code): for "
            + "its members and administrators; size 1–100 (default 20), total in X-Total-Count")
    public RestResponse<List<DeliveryAnswer>> deliveries(@PathParam("slug") String slug,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        int pageNumber = QueryParameters.integer("page", page, 0, 0, TeamChannels.MAX_OFFSET);
        int pageSize = QueryParameters.integer("size", size, 20, 1, TeamChannels.MAX_PAGE_SIZE);
        if ((long) pageNumber * pageSize > TeamChannels.MAX_OFFSET) {
            throw Refusal.invalid("page", "page * size may be at most " + TeamChannels.MAX_OFFSET);
        }
        TeamChannels.Deliveries deliveries = channels.deliveries(slug, me(), pageNumber * pageSize, pageSize);
        return RestResponse.ResponseBuilder.ok(deliveries.items().stream().map(DeliveryAnswer::of).toList())
                .header(Paging.TOTAL_HEADER, deliveries.total()).build();
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
