package dev.agora.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cell of the audit CSV that a spreadsheet would run as a formula is prefixed with a single quote. */
class SpreadsheetFormulasAreNeutralisedSpec {

    @Test
    void a_value_that_starts_like_a_formula_gets_a_leading_quote() {
        assertThat(AuditCsv.neutralised("=HYPERLINK(\"https://evil.example\")"))
                .isEqualTo("'=HYPERLINK(\"https://evil.example\")");
        assertThat(AuditCsv.neutralised("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.neutralised("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.neutralised("\t=1")).isEqualTo("'\t=1");
        assertThat(AuditCsv.neutralised("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void an_ordinary_value_or_one_with_a_formula_sign_further_in_is_left_as_it_is() {
        assertThat(AuditCsv.neutralised("sales-analytics")).isEqualTo("sales-analytics");
        assertThat(AuditCsv.neutralised("a=b")).isEqualTo("a=b");
        assertThat(AuditCsv.neutralised("system:reconciler")).isEqualTo("system:reconciler");
        assertThat(AuditCsv.neutralised("")).isEmpty();
    }

    @Test
    void a_row_is_quoted_where_csv_needs_it_and_neutralised_where_a_spreadsheet_would_calculate() throws IOException {
        StringWriter out = new StringWriter();
        try (AuditCsv csv = AuditCsv.writingTo(out)) {
            csv.write(new AuditTrail.Entry(7, Instant.parse("2025-03-01T09:30:00Z"), "=cmd|' /C calc'!A0",
                    "identity.team.created", "team", "a,\"b\"", Map.of("z", 1, "a", "=2")));
        }
        assertThat(out.toString()).isEqualTo("id,occurred_at,actor,action,subject_type,subject_id,details\r\n"
                + "7,2025-03-01T09:30:00Z,'=cmd|' /C calc'!A0,identity.team.created,team,\"a,\"\"b\"\"\","
                + "\"{\"\"a\"\":\"\"=2\"\",\"\"z\"\":1}\"\r\n");
    }
}
