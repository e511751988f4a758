package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.agora.audit.AuditEvent;
import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.People;
import dev.agora.support.Products;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Administrators create, change and archive domains and teams and set who belongs where through
 * /api/v1/admin/domains and /api/v1/admin/teams; nobody else may.
 */
@QuarkusTest
class AdministeringDomainsAndTeamsSpec {

    static final String DOMAINS = "/api/v1/admin/domains";
    static final String TEAMS = "/api/v1/admin/teams";

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newDomain() {
        String slug = unique("domain");
        Api.as("admin").body(Map.of("slug", slug, "name", "Domain " + slug, "description", "Made by a spec"))
                .post(DOMAINS).then().statusCode(201);
        return slug;
    }

    static String newTeam(String domain) {
        String slug = unique("team");
        Api.as("admin").body(Map.of("slug", slug, "name", "Team " + slug, "domain", domain))
                .post(TEAMS).then().statusCode(201);
        return slug;
    }

    static Map<String, Object> members(Object... usernamesAndRoles) {
        List<Map<String, String>> list = new java.util.ArrayList<>();
        for (int i = 0; i < usernamesAndRoles.length; i += 2) {
            list.add(Map.of("username", (String) usernamesAndRoles[i], "role", (String) usernamesAndRoles[i + 1]));
        }
        return Map.of("members", list);
    }

    People people() {
        return new People(accounts, directory);
    }

    @Nested
    class Someone_who_is_not_an_administrator {

        @Test
        void is_refused_every_domain_and_team_endpoint_with_a_problem() {
            Map<String, Function<RequestSpecification, io.restassured.response.Response>> calls = new HashMap<>();
            calls.put("GET domains", r -> r.get(DOMAINS));
            calls.put("POST domains", r -> r.body(Map.of("slug", unique("no"), "name", "No")).post(DOMAINS));
            calls.put("PUT domain", r -> r.body(Map.of("name", "Renamed")).put(DOMAINS + "/sales"));
            calls.put("GET teams", r -> r.get(TEAMS));
            calls.put("POST teams", r -> r.body(Map.of("slug", unique("no"), "name", "No", "domain", "sales"))
                    .post(TEAMS));
            calls.put("PUT team", r -> r.body(Map.of("name", "Renamed")).put(TEAMS + "/sales-analytics"));
            calls.put("GET members", r -> r.get(TEAMS + "/sales-analytics/members"));
            calls.put("PUT members", r -> r.body(members("olivia", "OWNER")).put(TEAMS + "/sales-analytics/members"));
            for (var call : calls.entrySet()) {
                for (String who : List.of("olivia", "marco")) {
                    call.getValue().apply(Api.as(who)).then()
                            .statusCode(403).contentType("application/problem+json");
                }
            }
            Api.as("admin").get(DOMAINS).then().statusCode(200).body("find { it.slug == 'sales' }.name",
                    not(equalTo("Renamed")));
        }

        @Test
        void is_refused_by_the_service_too_whatever_the_caller() {
            Organisation organisation = io.quarkus.arc.Arc.container().instance(Organisation.class).get();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> organisation.createDomain(
                            new Organisation.NewDomain(unique("no"), "No", ""), "olivia"))
                    .isInstanceOf(dev.agora.platform.Refusal.class)
                    .hasMessageContaining("Only administrators");
        }
    }

    @Nested
    class A_domain {

        @Test
        void is_created_renamed_described_and_listed_and_every_change_is_audited() {
            String slug = unique("finance");
            Api.as("admin").body(Map.of("slug", slug, "name", "Finance", "description", "Money"))
                    .post(DOMAINS).then().statusCode(201)
                    .header("Location", containsString(DOMAINS + "/" + slug))
                    .body("slug", equalTo(slug)).body("archived", equalTo(false));

            Api.as("admin").body(Map.of("name", "Finance and Controlling", "description", "Money, counted"))
                    .put(DOMAINS + "/" + slug).then().statusCode(200)
                    .body("name", equalTo("Finance and Controlling")).body("description", equalTo("Money, counted"));

            Api.as("admin").get(DOMAINS).then().statusCode(200)
                    .body("find { it.slug == '" + slug + "' }.name", equalTo("Finance and Controlling"));
            assertThat(actionsOn("domain", slug)).containsExactly("identity.domain.created", "identity.domain.changed");
        }

        @Test
        void gets_stewards_assigned_and_removed() {
            String slug = newDomain();
            // people of the spec's own: a demo steward made steward of one more domain would change what other
            // specs see of her
            String steward = people().person("steward");
            String stays = people().person("stays");

            Api.as("admin").body(Map.of("stewards", List.of(steward, stays))).put(DOMAINS + "/" + slug)
                    .then().statusCode(200).body("stewards", hasItems(steward, stays));
            assertThat(directory.stewardsOf(slug)).containsExactlyInAnyOrder(steward, stays);

            Api.as("admin").body(Map.of("stewards", List.of(stays))).put(DOMAINS + "/" + slug)
                    .then().statusCode(200).body("stewards", not(hasItem(steward)));
            assertThat(directory.stewardsOf(slug)).containsExactly(stays);
        }

        @Test
        void with_a_slug_that_exists_is_refused_as_a_conflict() {
            String slug = newDomain();
            Api.as("admin").body(Map.of("slug", slug, "name", "Again")).post(DOMAINS)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("already a domain '" + slug + "'"));
        }

        @Test
        void with_a_bad_slug_an_over_long_name_or_an_unknown_steward_is_refused_with_the_fields() {
            Api.as("admin").body(Map.of("slug", "Not A Slug", "name", "x".repeat(201))).post(DOMAINS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("slug", "name"));
            Api.as("admin").body(Map.of("slug", unique("ok"))).post(DOMAINS)
                    .then().statusCode(400).body("errors.field", hasItem("name"));
            Api.as("admin").body(Map.of("stewards", List.of("nobody-" + UUID.randomUUID())))
                    .put(DOMAINS + "/" + newDomain())
                    .then().statusCode(400).body("errors[0].field", equalTo("stewards"))
                    .body("errors[0].message", containsString("there is no account"));
            Api.as("admin").body(Map.of("name", "x")).put(DOMAINS + "/no-such-domain-" + UUID.randomUUID())
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Nested
    class An_archived_domain {

        @Test
        void refuses_a_new_product_and_a_new_team_but_keeps_its_teams() {
            String domain = newDomain();
            String team = newTeam(domain);
            String owner = people().person("owner");
            Api.as("admin").body(members(owner, "OWNER")).put(TEAMS + "/" + team + "/members").then().statusCode(200);
            String table = Locations.ownTable(team, "archived");

            Api.as("admin").body(Map.of("archived", true)).put(DOMAINS + "/" + domain)
                    .then().statusCode(200).body("archived", equalTo(true)).body("teams", hasItem(team));

            Api.as(owner).body(Products.named("Archived Orders " + Products.uniqueTag()).with("ownerTeam", team)
                            .harvestedPort("orders", "postgres-table", table).body())
                    .post("/api/v1/products").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("domain"))
                    .body("detail", containsString("archived: it takes no new products"));
            Api.as("admin").body(Map.of("slug", unique("late"), "name", "Late", "domain", domain)).post(TEAMS)
                    .then().statusCode(400).body("errors[0].message", containsString("is archived"));

            Api.as("admin").body(Map.of("archived", false)).put(DOMAINS + "/" + domain)
                    .then().statusCode(200).body("archived", equalTo(false));
            Api.as(owner).body(Products.named("Restored Orders " + Products.uniqueTag()).with("ownerTeam", team)
                            .harvestedPort("orders", "postgres-table", table).body())
                    .post("/api/v1/products").then().statusCode(201);
        }
    }

    @Nested
    class A_team {

        @Test
        void is_created_with_its_cloud_principal_and_edited_and_the_principal_alone_still_changes_as_before() {
            String slug = unique("ops");
            String arn = "arn:aws:iam::123456789012:role/" + slug;
            Api.as("admin").body(Map.of("slug", slug, "name", "Ops", "domain", "sales", "awsPrincipalArn", arn))
                    .post(TEAMS).then().statusCode(201).body("awsPrincipalArn", equalTo(arn))
                    .body("domain", equalTo("sales"));

            Api.as("admin").body(Map.of("name", "Sales Operations", "description", "Runs the shop"))
                    .put(TEAMS + "/" + slug).then().statusCode(200)
                    .body("name", equalTo("Sales Operations")).body("awsPrincipalArn", equalTo(arn));
            String group = "arn:aws:identitystore::123456789012:group/a1b2-c3d4";
            Api.as("admin").body(Map.of("awsPrincipalArn", group)).put(TEAMS + "/" + slug)
                    .then().statusCode(200).body("awsPrincipalArn", equalTo(group))
                    .body("name", equalTo("Sales Operations"));
            Api.as("admin").body(Map.of("awsPrincipalArn", "")).put(TEAMS + "/" + slug)
                    .then().statusCode(200).body("awsPrincipalArn", nullValue());

            assertThat(actionsOn("team", slug)).containsExactly("identity.team.created", "identity.team.changed",
                    "identity.team.aws-principal-set", "identity.team.aws-principal-set");
        }

        @Test
        void with_a_principal_not_of_the_form_a_duplicate_slug_or_an_unknown_domain_is_refused() {
            Api.as("admin").body(Map.of("slug", unique("bad"), "name", "Bad", "domain", "sales",
                    "awsPrincipalArn", "arn:aws:s3:::a-bucket")).post(TEAMS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("awsPrincipalArn"));
            Api.as("admin").body(Map.of("slug", "sales-analytics", "name", "Again", "domain", "sales")).post(TEAMS)
                    .then().statusCode(409).contentType("application/problem+json");
            Api.as("admin").body(Map.of("slug", unique("lost"), "name", "Lost", "domain", "no-such-domain"))
                    .post(TEAMS).then().statusCode(400).body("errors[0].field", equalTo("domain"));
        }

        @Test
        void gets_its_member_list_replaced_and_the_answer_shows_it() {
            String team = newTeam("sales");
            String first = people().person("first");
            String second = people().person("second");

            Api.as("admin").body(members(first, "OWNER", second, "member")).put(TEAMS + "/" + team + "/members")
                    .then().statusCode(200).body("members.username", hasItems(first, second))
                    .body("members.find { it.username == '" + second + "' }.role", equalTo("MEMBER"));
            Api.as("admin").body(members(second, "OWNER")).put(TEAMS + "/" + team + "/members")
                    .then().statusCode(200).body("members.size()", equalTo(1))
                    .body("members[0].role", equalTo("OWNER")).body("members[0].source", equalTo("AGORA"));

            Api.as("admin").get(TEAMS + "/" + team + "/members").then().statusCode(200)
                    .body("team", equalTo(team)).body("members.username", equalTo(List.of(second)));
            assertThat(directory.membersWithRole(team, TeamRole.OWNER)).containsExactly(second);
            assertThat(actionsOn("team", team)).contains("identity.team.members-replaced");
        }

        @Test
        void refuses_unknown_accounts_unknown_roles_a_name_twice_and_losing_its_last_owner() {
            String team = newTeam("sales");
            String owner = people().person("owner");
            String path = TEAMS + "/" + team + "/members";
            Api.as("admin").body(members("nobody-" + UUID.randomUUID(), "OWNER")).put(path)
                    .then().statusCode(400).body("errors[0].message", containsString("there is no account"));
            Api.as("admin").body(members(owner, "BOSS")).put(path)
                    .then().statusCode(400).body("errors[0].field", equalTo("members[0].role"));
            Api.as("admin").body(members(owner, "OWNER", owner, "MEMBER")).put(path)
                    .then().statusCode(400).body("errors[0].message", containsString("listed twice"));
            Api.as("admin").body(Map.of()).put(path).then().statusCode(400);

            Api.as("admin").body(members(owner, "OWNER")).put(path).then().statusCode(200);
            Api.as("admin").body(members(owner, "MEMBER")).put(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("must keep an OWNER"));
            Api.as("admin").body(Map.of("members", List.of())).put(path).then().statusCode(400);
            assertThat(directory.membersWithRole(team, TeamRole.OWNER)).containsExactly(owner);

            Api.as("admin").body(Map.of("archived", true)).put(TEAMS + "/" + team).then().statusCode(200)
                    .body("archived", equalTo(true));
            Api.as("admin").body(Map.of("members", List.of())).put(path).then().statusCode(200)
                    .body("members.size()", equalTo(0));
        }
    }

    @Nested
    class A_new_owner {

        @Test
        void of_a_team_created_through_the_api_approves_a_request_at_once() {
            String domain = newDomain();
            String team = newTeam(domain);
            String owner = people().person("owner");
            Api.as("admin").body(members(owner, "OWNER")).put(TEAMS + "/" + team + "/members").then().statusCode(200);

            String table = Locations.ownTable(team, "approvals");
            String product = Api.as(owner).body(Products.named("New Team Orders " + Products.uniqueTag())
                            .with("ownerTeam", team).harvestedPort("orders", "postgres-table", table).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");
            Api.as(owner).post("/api/v1/products/" + product + "/publish").then().statusCode(200);
            String consumer = people().person("consumer");
            String id = AccessRequestsApi.submit(consumer, AccessRequestsApi.request(product, null, 30))
                    .getString("id");

            assertThat(AccessRequestsApi.inbox(owner)).contains(id);
            AccessRequestsApi.approve(owner, id);
            assertThat(AccessRequestsApi.get(consumer, id).getString("status")).isNotEqualTo("PENDING");
        }
    }

    static List<String> actionsOn(String subjectType, String subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                        "subjectType = ?1 and subjectId = ?2 order by id", subjectType, subjectId).stream()
                .map(AuditEvent::action).toList());
    }
}
