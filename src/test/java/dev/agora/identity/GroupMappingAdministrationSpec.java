package dev.agora.identity;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Administrators list, add and delete the group mappings through /api/v1/admin/group-mappings; nobody else may. */
@QuarkusTest
class GroupMappingAdministrationSpec {

    static final String PATH = "/api/v1/admin/group-mappings";

    static Map<String, Object> mapping(String group, String role, String team, String domain) {
        Map<String, Object> body = new HashMap<>();
        body.put("group", group);
        body.put("role", role);
        if (team != null) {
            body.put("team", team);
        }
        if (domain != null) {
            body.put("domain", domain);
        }
        return body;
    }

    @Nested
    class An_admin {

        @Test
        void adds_a_mapping_of_each_kind_and_lists_them_by_group() {
            String group = ProviderIdentities.unique("sales");
            Api.as("admin").body(mapping(group, "ADMIN", null, null)).put(PATH)
                    .then().statusCode(201).body("group", equalTo(group)).body("role", equalTo("ADMIN"))
                    .body("$", not(hasKey("team"))).body("$", not(hasKey("domain")));
            Api.as("admin").body(mapping(group, "OWNER", "sales-analytics", null)).put(PATH)
                    .then().statusCode(201).body("team", equalTo("sales-analytics"));
            Api.as("admin").body(mapping(group, "member", "marketing-insights", null)).put(PATH)
                    .then().statusCode(201).body("role", equalTo("MEMBER"));
            Api.as("admin").body(mapping(group, "STEWARD", null, "sales")).put(PATH)
                    .then().statusCode(201).body("domain", equalTo("sales")).body("$", not(hasKey("team")));

            Api.as("admin").queryParam("group", group).get(PATH)
                    .then().statusCode(200)
                    .header("X-Total-Count", "4")
                    .body("role", containsInAnyOrder("ADMIN", "OWNER", "MEMBER", "STEWARD"))
                    .body("group.unique()", containsInAnyOrder(group));
            Api.as("admin").queryParam("size", "1").get(PATH)
                    .then().statusCode(200).body("size()", equalTo(1));
        }

        @Test
        void puts_the_same_mapping_twice_and_gets_the_existing_one_back() {
            String group = ProviderIdentities.unique("owners");
            int id = Api.as("admin").body(mapping(group, "OWNER", "sales-analytics", null)).put(PATH)
                    .then().statusCode(201).extract().path("id");

            Api.as("admin").body(mapping(group, "OWNER", "sales-analytics", null)).put(PATH)
                    .then().statusCode(200).body("id", equalTo(id));
            Api.as("admin").queryParam("group", group).get(PATH).then().header("X-Total-Count", "1");
        }

        @Test
        void deletes_one_mapping_and_then_all_of_a_group() {
            String group = ProviderIdentities.unique("gone");
            int id = Api.as("admin").body(mapping(group, "ADMIN", null, null)).put(PATH)
                    .then().statusCode(201).extract().path("id");
            Api.as("admin").body(mapping(group, "STEWARD", null, "sales")).put(PATH).then().statusCode(201);
            Api.as("admin").body(mapping(group, "MEMBER", "sales-analytics", null)).put(PATH).then().statusCode(201);

            Api.as("admin").delete(PATH + "/" + id).then().statusCode(204);
            Api.as("admin").delete(PATH + "/" + id).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", containsString("no group mapping"));
            Api.as("admin").queryParam("group", group).get(PATH).then().body("role", containsInAnyOrder("STEWARD",
                    "MEMBER"));

            Api.as("admin").queryParam("group", group).delete(PATH).then().statusCode(204);
            Api.as("admin").queryParam("group", group).get(PATH).then().statusCode(200).body("$", empty());
        }

        @Test
        void sees_each_change_in_the_audit_trail() {
            String group = ProviderIdentities.unique("audited");
            int id = Api.as("admin").body(mapping(group, "ADMIN", null, null)).put(PATH)
                    .then().statusCode(201).extract().path("id");
            Api.as("admin").delete(PATH + "/" + id).then().statusCode(204);

            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                    org.assertj.core.api.Assertions.assertThat(dev.agora.audit.AuditEvent
                                    .<dev.agora.audit.AuditEvent>list("subjectType = ?1 and subjectId = ?2 order by id",
                                            "group-mapping", String.valueOf(id)))
                            .extracting(dev.agora.audit.AuditEvent::action, dev.agora.audit.AuditEvent::actor)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("identity.group-mapping.added", "admin"),
                                    org.assertj.core.groups.Tuple.tuple("identity.group-mapping.removed", "admin")));
        }
    }

    @Nested
    class A_mapping_that_is_not_valid {

        @Test
        void names_a_team_that_does_not_exist() {
            Api.as("admin").body(mapping("some-group", "OWNER", "no-such-team", null)).put(PATH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", containsInAnyOrder("team"))
                    .body("errors[0].message", containsString("no team 'no-such-team'"));
        }

        @Test
        void has_an_unknown_role() {
            Api.as("admin").body(mapping("some-group", "SUPERUSER", null, null)).put(PATH)
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("role"))
                    .body("errors[0].message", containsString("ADMIN, OWNER, MEMBER, STEWARD"));
        }

        @Test
        void puts_a_team_and_a_domain_where_the_role_takes_neither_or_the_other() {
            Api.as("admin").body(mapping("some-group", "ADMIN", "sales-analytics", "sales")).put(PATH)
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("team", "domain"));
            Api.as("admin").body(mapping("some-group", "STEWARD", "sales-analytics", null)).put(PATH)
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("team", "domain"));
            Api.as("admin").body(mapping("some-group", "MEMBER", null, "sales")).put(PATH)
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("team", "domain"));
            Api.as("admin").body(mapping("some-group", "STEWARD", null, "no-such-domain")).put(PATH)
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("domain"));
        }

        @Test
        void has_an_empty_an_overlong_or_a_multi_line_group() {
            Api.as("admin").body(mapping("", "ADMIN", null, null)).put(PATH)
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("group"));
            Api.as("admin").body(mapping("g".repeat(256), "ADMIN", null, null)).put(PATH)
                    .then().statusCode(400).body("errors[0].message", containsString("at most 255"));
            Api.as("admin").body(mapping("admins\nforged", "ADMIN", null, null)).put(PATH)
                    .then().statusCode(400).body("errors[0].message", containsString("single line"));
            Api.as("admin").body(Map.of("role", "ADMIN")).put(PATH)
                    .then().statusCode(400).body("errors.field", containsInAnyOrder("group"));
        }

        @Test
        void is_no_mapping_at_all() {
            Api.as("admin").body("null").put(PATH).then().statusCode(400).contentType("application/problem+json");
            Api.as("admin").body("[]").put(PATH).then().statusCode(400).contentType("application/problem+json");
            Api.as("admin").delete(PATH).then().statusCode(400).body("errors.field", containsInAnyOrder("group"));
            Api.as("admin").delete(PATH + "/not-a-number").then().statusCode(404);
        }

        @Test
        void carries_a_field_agora_does_not_know() {
            Api.as("admin").body(Map.of("group", "x", "role", "ADMIN", "teams", "sales-analytics")).put(PATH)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Nested
    class Someone_who_is_not_an_admin {

        @Test
        void may_neither_read_nor_change_the_mappings() {
            Api.as("olivia").get(PATH).then().statusCode(403).contentType("application/problem+json");
            Api.as("stella").body(mapping("stella-admins", "ADMIN", null, null)).put(PATH).then().statusCode(403);
            Api.as("marco").delete(PATH + "/1").then().statusCode(403);
            Api.as("marco").queryParam("group", "agora-admins").delete(PATH).then().statusCode(403);
            Api.anonymous().get(PATH).then().statusCode(401);
            Api.as("admin").queryParam("group", "stella-admins").get(PATH).then().body("$", empty());
        }
    }

    @Test
    void the_list_is_paged_like_every_other() {
        Api.as("admin").queryParam("size", "201").get(PATH).then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }
}
