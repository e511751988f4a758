package dev.agora.identity.api;

import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity", description = "Who is signed in, their roles and teams")
public class MeResource {

    /** The signed-in account as the API shows it. */
    public record Me(String username, String displayName, String email, String platformRole, Set<String> roles,
            List<AccountProfile.Membership> memberships, List<String> stewardOf) {

        static Me of(AccountProfile profile) {
            return new Me(profile.username(), profile.displayName(), profile.email(), profile.platformRole().name(),
                    new TreeSet<>(profile.roles()), profile.memberships(), profile.stewardOf());
        }
    }

    /** A request to change one's own local password. */
    public record PasswordChange(@NotBlank @Size(max = InputRules.MAX_PASSWORD) String currentPassword,
            @NotBlank @Size(max = InputRules.MAX_PASSWORD) String newPassword) {}

    private final SecurityIdentity identity;
    private final Directory directory;
    private final LocalAccounts accounts;

    MeResource(SecurityIdentity identity, Directory directory, LocalAccounts accounts) {
        this.identity = identity;
        this.directory = directory;
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "The signed-in user, their roles and team memberships")
    public Me me() {
        String username = identity.getPrincipal().getName();
        return directory.profile(username).map(Me::of)
                .orElseThrow(() -> Refusal.notFound("Your account '" + username + "' no longer exists."));
    }

    @PUT
    @Path("/password")
    @Operation(summary = "Change your own password (local accounts)")
    public void changePassword(@Valid @NotNull PasswordChange change) {
        accounts.changePassword(identity.getPrincipal().getName(), change.currentPassword(), change.newPassword());
    }
}
