package dev.agora.support;

import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.PlatformRole;
import dev.agora.identity.TeamRole;
import java.util.UUID;

/** People and teams of a spec's own, with unique names, so that no other spec's requests blur the picture. */
public final class People {

    public static final String PASSWORD = "people-spec-secret";

    private final LocalAccounts accounts;
    private final Directory directory;

    public People(LocalAccounts accounts, Directory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    /** A new account, signed in over the API with {@link #PASSWORD}. */
    public String person(String prefix) {
        String username = prefix + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(new LocalAccounts.NewAccount(username, "Spec " + prefix, username + "@example.com", PASSWORD,
                PlatformRole.USER), "spec");
        Api.remember(username, PASSWORD);
        return username;
    }

    /** A new team of the domain. */
    public String team(String prefix, String domain) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        directory.ensureTeam(slug, "Spec team " + slug, "", domain, "spec");
        return slug;
    }

    public People member(String team, String username, TeamRole role) {
        directory.ensureMembership(team, username, role, "spec");
        return this;
    }
}
