package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.agora.audit.AuditLog;
import dev.agora.support.Api;
import dev.agora.support.People;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Administrators find people (searched and paged on the server), change their platform role and deactivate them;
 * the console refuses what would lock the organisation out, and nobody else may do any of it.
 */
@QuarkusTest
class PeopleAdministrationSpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Inject
    AuditLog audit;

    private String person(String prefix, PlatformRole role) {
        String username = prefix + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(new LocalAccounts.NewAccount(username, "Searchable " + username, username + "@corp.example",
                People.PASSWORD, role), "spec");
        Api.remember(username, People.PASSWORD);
        return username;
    }

    @Nested
    class Searching {

        @Test
        void finds_people_by_part_of_their_name_or_e_mail_in_any_case_with_the_total_in_a_header() {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            String first = person("srch" + tag + "a", PlatformRole.USER);
            String second = person("srch" + tag + "b", PlatformRole.USER);

            Api.as("admin").queryParam("q", "SEARCHABLE SRCH" + tag).get("/api/v1/admin/users")
                    .then().statusCode(200).header("X-Total-Count", "2")
                    .body("username", equalTo(List.of(first, second)))
                    .body("[0].enabled", equalTo(true));
            Api.as("admin").queryParam("q", second.substring(second.length() - 6).toUpperCase() + "@CORP")
                    .get("/api/v1/admin/users")
                    .then().statusCode(200).body("username", equalTo(List.of(second)));
        }

        @Test
        void pages_on_the_server() {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                names.add(person("page" + tag + i, PlatformRole.USER));
            }

            Api.as("admin").queryParam("q", "page" + tag).queryParam("page", 1).queryParam("size", 2)
                    .get("/api/v1/admin/users")
                    .then().statusCode(200).header("X-Total-Count", "3")
                    .body("username", equalTo(List.of(names.get(2))));
        }

        @Test
        void takes_wildcards_literally() {
            Api.as("admin").queryParam("q", "%").get("/api/v1/admin/users")
                    .then().statusCode(200).body("username", not(hasItem("admin")));
        }

        @Test
        void refuses_an_over_long_search_or_page_size_with_400_problem_json() {
            Api.as("admin").queryParam("q", "x".repeat(201)).get("/api/v1/admin/users")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("at most 200 characters"));
            Api.as("admin").queryParam("size", 0).get("/api/v1/admin/users")
                    .then().statusCode(400).contentType("application/problem+json");
            Api.as("admin").queryParam("size", 201).get("/api/v1/admin/users")
                    .then().statusCode(400).contentType("application/problem+json");
        }

        @Test
        void without_a_search_lists_everyone_as_before() {
            Api.as("admin").get("/api/v1/admin/users").then().statusCode(200)
                    .body("username", hasItem("olivia"));
        }

        @Test
        void opens_one_account_in_full() {
            String name = person("open", PlatformRole.USER);
            new People(accounts, directory).member("marketing-insights", name, TeamRole.MEMBER);

            Api.as("admin").get("/api/v1/admin/users/" + name).then().statusCode(200)
                    .body("username", equalTo(name))
                    .body("status", equalTo("ACTIVE"))
                    .body("platformRole", equalTo("USER"))
                    .body("memberships.team", hasItem("marketing-insights"))
                    .body("signsInWith", hasItem("password"));
            Api.as("admin").get("/api/v1/admin/users/nobody-" + UUID.randomUUID()).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Nested
    class Changing_the_platform_role {

        @Test
        void makes_a_person_an_administrator_and_back_and_journals_each_change() {
            String name = person("role", PlatformRole.USER);
            Api.as(name).get("/api/v1/admin/users").then().statusCode(403);

            Api.as("admin").body(Map.of("role", "ADMIN")).put("/api/v1/admin/users/" + name + "/role")
                    .then().statusCode(200).body("platformRole", equalTo("ADMIN"));
            Api.as(name).get("/api/v1/admin/users").then().statusCode(200);

            Api.as("admin").body(Map.of("role", "USER")).put("/api/v1/admin/users/" + name + "/role")
                    .then().statusCode(200).body("platformRole", equalTo("USER"));
            Api.as(name).get("/api/v1/admin/users").then().statusCode(403);
            assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("user", name)))
                    .filteredOn(event -> event.action().equals("identity.user.platform-role-changed"))
                    .hasSize(2)
                    .allSatisfy(event -> assertThat(event.actor()).isEqualTo("admin"));
        }

        @Test
        void refuses_a_role_that_does_not_exist_with_400_problem_json() {
            String name = person("badrole", PlatformRole.USER);
            Api.as("admin").body(Map.of("role", "SUPERUSER")).put("/api/v1/admin/users/" + name + "/role")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("ADMIN, USER"));
            Api.as("admin").body(Map.of()).put("/api/v1/admin/users/" + name + "/role")
                    .then().statusCode(400).contentType("application/problem+json");
        }

        @Test
        void refuses_to_change_ones_own_role() {
            Api.as("admin").body(Map.of("role", "USER")).put("/api/v1/admin/users/admin/role")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("your own platform role"));
        }
    }

    @Nested
    class Deactivation_is_refused {

        @Test
        void for_ones_own_account() {
            Api.as("admin").post("/api/v1/admin/users/admin/deactivate")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("your own account"));
            Api.as("admin").get("/api/v1/me").then().statusCode(200);
        }

        @Test
        void for_an_unknown_account_with_404() {
            Api.as("admin").post("/api/v1/admin/users/nobody-" + UUID.randomUUID() + "/deactivate")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("no account"));
        }

        @Test
        void when_two_administrators_deactivate_each_other_at_once_one_of_them_stays() throws Exception {
            // Only X and Y count here: every other administrator is set aside for the race and restored after it.
            String x = person("adminx", PlatformRole.ADMIN);
            String y = person("adminy", PlatformRole.ADMIN);
            List<String> others = QuarkusTransaction.requiringNew().call(() -> {
                List<String> names = User.<User>list("enabled = true and platformRole = ?1 and username not in ?2",
                        PlatformRole.ADMIN, List.of(x, y)).stream().map(User::username).toList();
                User.update("enabled = false where username in ?1", names.isEmpty() ? List.of("") : names);
                return names;
            });
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<Integer> xDeactivatesY = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return Api.as(x).post("/api/v1/admin/users/" + y + "/deactivate").statusCode();
                });
                CompletableFuture<Integer> yDeactivatesX = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return Api.as(y).post("/api/v1/admin/users/" + x + "/deactivate").statusCode();
                });
                List<Integer> outcomes = List.of(xDeactivatesY.get(), yDeactivatesX.get());

                assertThat(outcomes).containsOnlyOnce(200).containsAnyOf(409, 401, 403);
                long stillActive = QuarkusTransaction.requiringNew().call(() -> User.count(
                        "enabled = true and platformRole = ?1 and username in ?2", PlatformRole.ADMIN, List.of(x, y)));
                assertThat(stillActive).isEqualTo(1);
            } finally {
                QuarkusTransaction.requiringNew().run(() -> User.update("enabled = true where username in ?1",
                        others.isEmpty() ? List.of("") : others));
            }
        }

        private static void await(CyclicBarrier barrier) {
            try {
                barrier.await();
            } catch (Exception interrupted) {
                throw new IllegalStateException(interrupted);
            }
        }
    }

    @Nested
    class A_user_without_the_admin_role {

        @Test
        void is_refused_every_people_endpoint_with_403_problem_json() {
            List<Response> answers = List.of(
                    Api.as("marco").queryParam("q", "oli").get("/api/v1/admin/users"),
                    Api.as("marco").get("/api/v1/admin/users/olivia"),
                    Api.as("marco").post("/api/v1/admin/users/olivia/deactivate"),
                    Api.as("marco").post("/api/v1/admin/users/olivia/reactivate"),
                    Api.as("marco").body(Map.of("role", "ADMIN")).put("/api/v1/admin/users/marco/role"));
            for (Response answer : answers) {
                answer.then().statusCode(403).contentType("application/problem+json")
                        .body("status", equalTo(403));
            }
            Api.as("olivia").get("/api/v1/me").then().statusCode(200);
        }
    }
}
