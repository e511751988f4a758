package dev.agora.governance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** GET /api/v1/admin/dashboard answers administrators only, for a period of ISO dates of at most two years. */
@QuarkusTest
class DashboardIsForAdminsWithABoundedPeriodSpec {

    private static final String PATH = "/api/v1/admin/dashboard";

    @Nested
    class Who {

        @Test
        void a_consumer_is_refused_with_a_403_problem() {
            Api.as("marco").get(PATH).then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403));
        }

        @Test
        void a_steward_is_refused_too() {
            Api.as("stella").queryParam("from", "2026-01-01").queryParam("to", "2026-02-01").get(PATH)
                    .then().statusCode(403).contentType("application/problem+json");
        }

        @Test
        void an_anonymous_caller_is_asked_to_sign_in() {
            Api.anonymous().get(PATH).then().statusCode(401);
        }

        @Test
        void the_service_refuses_a_non_admin_whoever_calls_it() {
            Dashboard dashboard = io.quarkus.arc.Arc.container().instance(Dashboard.class).get();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> dashboard.figures(dashboard.defaultPeriod(), "marco"))
                    .isInstanceOf(dev.agora.platform.Refusal.class)
                    .hasMessageContaining("Only administrators");
        }
    }

    @Nested
    class Period {

        @Test
        void an_admin_without_a_period_gets_the_last_twelve_weeks() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Api.as("admin").get(PATH).then().statusCode(200)
                    .body("period.to", equalTo(today.toString()))
                    .body("period.from", equalTo(today.minusWeeks(12).plusDays(1).toString()))
                    .body("requestsPerWeek.size()", equalTo(13))
                    .body("pendingByAge.label", equalTo(Dashboard.AGE_BUCKETS))
                    .body("computedAt", notNullValue());
        }

        @Test
        void a_date_that_is_not_iso_is_a_400_problem_naming_the_parameter() {
            Api.as("admin").queryParam("from", "01/02/2026").get(PATH).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("from"))
                    .body("errors.message", hasItem(containsString("yyyy-MM-dd")));
        }

        @Test
        void a_day_that_does_not_exist_is_a_400_problem() {
            Api.as("admin").queryParam("to", "2026-02-30").get(PATH).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("to"));
        }

        @Test
        void from_after_to_is_a_400_problem() {
            Api.as("admin").queryParam("from", "2026-03-02").queryParam("to", "2026-03-01").get(PATH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.message", hasItem(containsString("on or before to")));
        }

        @Test
        void more_than_two_years_is_a_400_problem() {
            Api.as("admin").queryParam("from", "2020-01-01").queryParam("to", "2022-01-02").get(PATH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.message", hasItem(containsString("at most 2 years")));
        }

        @Test
        void exactly_two_years_is_answered() {
            Api.as("admin").queryParam("from", "2020-01-01").queryParam("to", "2022-01-01").get(PATH)
                    .then().statusCode(200).body("period.from", equalTo("2020-01-01"));
        }

        @Test
        void a_very_long_parameter_is_refused_without_being_echoed() {
            Api.as("admin").queryParam("from", "9".repeat(500)).get(PATH).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.message", hasItem(org.hamcrest.Matchers.not(containsString("9".repeat(100)))));
        }
    }
}
