package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.audit.AuditEvent;
import dev.agora.audit.AuditLog;
import dev.agora.support.Api;
import dev.agora.support.People;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The provider's groups, through the group mappings, make the platform role, team places and stewardships of an
 * account at every sign-in — added and removed, audited — while what an admin set by hand in Agora stays.
 */
@QuarkusTest
class ProviderGroupsSpec {

    @Inject
    SingleSignOn sso;

    @Inject
    GroupMappings mappings;

    @Inject
    Directory directory;

    @Inject
    LocalAccounts accounts;

    @Inject
    AuditLog audit;

    final ProviderIdentities provider = new ProviderIdentities();
    String team;
    String domain;
    String admins;
    String owners;
    String stewards;

    @BeforeEach
    void mappingsOfTheirOwn() {
        People people = new People(accounts, directory);
        team = people.team("sso", "sales");
        domain = ProviderIdentities.unique("sso-domain");
        directory.ensureDomain(domain, "Spec domain", "", "spec");
        admins = ProviderIdentities.unique("admins");
        owners = ProviderIdentities.unique("owners");
        stewards = ProviderIdentities.unique("Stewards");
        mappings.put(new GroupMappings.NewMapping(admins, "ADMIN", null, null), "spec");
        mappings.put(new GroupMappings.NewMapping(owners, "OWNER", team, null), "spec");
        mappings.put(new GroupMappings.NewMapping(stewards, "STEWARD", null, domain), "spec");
    }

    @Nested
    class Groups_that_are_mapped {

        @Test
        void make_an_admin_an_owner_of_a_team_and_a_steward_of_a_domain() {
            String name = ProviderIdentities.unique("gina");
            SignedInAccount account = sso.signIn(provider.person(ProviderIdentities.subject(), name,
                    Set.of(admins, owners, stewards, "a-group-nobody-mapped")), "browser");

            assertThat(account.roles()).containsExactlyInAnyOrder(Roles.ADMIN, Roles.USER);
            AccountProfile profile = directory.profile(name).orElseThrow();
            assertThat(profile.memberships()).extracting(AccountProfile.Membership::team, AccountProfile.Membership::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(team, TeamRole.OWNER));
            assertThat(profile.stewardOf()).containsExactly(domain);
            assertThat(directory.stewardsOf(domain)).containsExactly(name);
            assertThat(directory.membersWithRole(team, TeamRole.OWNER)).containsExactly(name);
        }

        @Test
        void are_matched_exactly_as_the_provider_spells_them() {
            String name = ProviderIdentities.unique("hugo");
            sso.signIn(provider.person(ProviderIdentities.subject(), name, Set.of(stewards.toLowerCase())),
                    "browser");

            assertThat(directory.profile(name).orElseThrow().stewardOf()).isEmpty();
        }

        @Test
        void show_in_who_am_i_of_a_linked_local_account() {
            String name = new People(accounts, directory).person("u-linked");
            String subject = ProviderIdentities.subject();
            QuarkusTransaction.requiringNew().run(() -> User.findByUsername(name).orElseThrow()
                    .linkSsoIdentity(provider.issuer, subject, java.time.Instant.now()));

            sso.signIn(provider.person(subject, name, Set.of(owners, stewards)), "browser");

            Api.as(name).get("/api/v1/me").then().statusCode(200)
                    .body("memberships.team", contains(team))
                    .body("memberships[0].role", equalTo("OWNER"))
                    .body("memberships[0].source", equalTo("PROVIDER"))
                    .body("stewardOf", contains(domain));
            Api.as("admin").get("/api/v1/admin/teams").then().statusCode(200)
                    .body("find { it.slug == '" + team + "' }.providerMembers", contains(name));
        }
    }

    @Nested
    class A_group_removed_at_the_provider {

        @Test
        void removes_the_membership_and_stewardship_it_gave_at_the_next_sign_in_and_audits_it() {
            String subject = ProviderIdentities.subject();
            String name = ProviderIdentities.unique("ivan");
            sso.signIn(provider.person(subject, name, Set.of(admins, owners, stewards)), "browser");

            SignedInAccount later = sso.signIn(provider.person(subject, name, Set.of()), "browser");

            assertThat(later.roles()).containsExactly(Roles.USER);
            AccountProfile profile = directory.profile(name).orElseThrow();
            assertThat(profile.memberships()).isEmpty();
            assertThat(profile.stewardOf()).isEmpty();
            assertThat(actionsAbout("team", team, name))
                    .containsExactly("identity.membership.added", "identity.membership.removed");
            assertThat(actionsAbout("domain", domain, name))
                    .containsExactly("identity.stewardship.added", "identity.stewardship.removed");
            assertThat(actionsAbout("user", name, name)).contains("identity.user.platform-role-changed");
        }

        @Test
        void takes_effect_when_its_mapping_is_deleted_too() {
            String subject = ProviderIdentities.subject();
            String name = ProviderIdentities.unique("jana");
            sso.signIn(provider.person(subject, name, Set.of(owners)), "browser");

            mappings.deleteGroup(owners, "spec");
            sso.signIn(provider.person(subject, name, Set.of(owners)), "browser");

            assertThat(directory.profile(name).orElseThrow().memberships()).isEmpty();
        }
    }

    @Nested
    class What_an_admin_set_by_hand {

        @Test
        void a_membership_survives_a_sign_in_without_the_group() {
            String subject = ProviderIdentities.subject();
            String name = ProviderIdentities.unique("kurt");
            sso.signIn(provider.person(subject, name, Set.of()), "browser");
            directory.ensureMembership(team, name, TeamRole.MEMBER, "admin");

            sso.signIn(provider.person(subject, name, Set.of(admins)), "browser");
            sso.signIn(provider.person(subject, name, Set.of()), "browser");

            assertThat(directory.membersWithRole(team, TeamRole.MEMBER)).containsExactly(name);
        }

        @Test
        void a_membership_is_not_changed_by_a_group_for_the_same_team() {
            String subject = ProviderIdentities.subject();
            String name = ProviderIdentities.unique("lara");
            sso.signIn(provider.person(subject, name, Set.of()), "browser");
            directory.ensureMembership(team, name, TeamRole.MEMBER, "admin");

            sso.signIn(provider.person(subject, name, Set.of(owners)), "browser");
            sso.signIn(provider.person(subject, name, Set.of()), "browser");

            assertThat(directory.membersWithRole(team, TeamRole.MEMBER)).containsExactly(name);
            assertThat(directory.membersWithRole(team, TeamRole.OWNER)).isEmpty();
        }

        @Test
        void a_membership_the_provider_gave_stays_once_an_admin_sets_it_by_hand() {
            String subject = ProviderIdentities.subject();
            String name = ProviderIdentities.unique("nils");
            sso.signIn(provider.person(subject, name, Set.of(owners)), "browser");

            assertThat(directory.ensureMembership(team, name, TeamRole.MEMBER, "admin")).isTrue();
            sso.signIn(provider.person(subject, name, Set.of()), "browser");

            assertThat(directory.membersWithRole(team, TeamRole.MEMBER)).containsExactly(name);
            assertThat(directory.profile(name).orElseThrow().memberships())
                    .extracting(AccountProfile.Membership::source).containsExactly(MembershipSource.AGORA);
            assertThat(actionsAbout("team", team, name)).containsExactly("identity.membership.added",
                    "identity.membership.kept-by-hand");
        }

        @Test
        void an_admin_stays_admin_without_the_admins_group() {
            String name = new People(accounts, directory).person("u-boss");
            QuarkusTransaction.requiringNew().run(() -> User.findByUsername(name).orElseThrow()
                    .changePlatformRole(PlatformRole.ADMIN, MembershipSource.AGORA, java.time.Instant.now()));
            String subject = ProviderIdentities.subject();
            QuarkusTransaction.requiringNew().run(() -> User.findByUsername(name).orElseThrow()
                    .linkSsoIdentity(provider.issuer, subject, java.time.Instant.now()));

            SignedInAccount account = sso.signIn(provider.person(subject, name, Set.of()), "browser");

            assertThat(account.roles()).contains(Roles.ADMIN);
        }
    }

    @Nested
    class A_token_without_the_groups_claim {

        @Test
        void leaves_the_memberships_and_role_as_they_are() {
            String subject = ProviderIdentities.subject();
            String name = ProviderIdentities.unique("mona");
            sso.signIn(provider.person(subject, name, Set.of(admins, owners, stewards)), "browser");

            SignedInAccount later = sso.signIn(provider.withoutGroupsClaim(subject, name), "browser");

            assertThat(later.roles()).contains(Roles.ADMIN);
            AccountProfile profile = directory.profile(name).orElseThrow();
            assertThat(profile.memberships()).extracting(AccountProfile.Membership::team).containsExactly(team);
            assertThat(profile.stewardOf()).containsExactly(domain);
        }
    }

    private List<String> actionsAbout(String subjectType, String subjectId, String username) {
        return QuarkusTransaction.requiringNew().call(() -> audit.about(subjectType, subjectId).stream()
                .filter(e -> username.equals(e.details().get("username")))
                .map(AuditEvent::action).toList());
    }
}
