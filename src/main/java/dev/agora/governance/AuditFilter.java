package dev.agora.governance;

import dev.agora.platform.InputText;
import dev.agora.platform.Refusal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which audit events an administrator looks at. Every part is optional; the parts combine (all must hold).
 * <ul>
 * <li>{@code actor}: exactly this actor ({@code olivia}, {@code system:reconciler}).</li>
 * <li>{@code action}: exactly this action, or every action below it as a dotted prefix: {@code identity.team}
 * matches {@code identity.team.created} but not {@code identity.teams.x}.</li>
 * <li>{@code subject}: {@code "team sales-analytics"} (type and id), or one word that is either a subject type
 * ({@code team}: every team's events) or a subject id ({@code sales-analytics}, whatever its type).</li>
 * <li>{@code from} / {@code to}: the time range, both ends included.</li>
 * </ul>
 */
public record AuditFilter(Optional<String> actor, Optional<String> action, Optional<String> subject,
        Optional<Instant> from, Optional<Instant> to) {

    /** The longest actor, action or subject a filter takes. */
    public static final int MAX_TEXT = 200;

    public static final AuditFilter EVERYTHING = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public AuditFilter {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        actor = text("actor", actor, problems);
        // "identity.team." means the same as "identity.team"
        action = text("action", action, problems).map(a -> a.replaceAll("\\.+$", "")).filter(a -> !a.isEmpty());
        subject = text("subject", subject, problems).map(s -> s.replaceAll("\\s+", " "));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            problems.add(new Refusal.FieldProblem("from", "must not be after to (" + to.get() + ")"));
        }
        refuseIf(problems);
    }

    /**
     * The filter as the API takes it, all text; {@code from} and {@code to} are ISO-8601 instants
     * ({@code 2026-03-01T09:30:00Z}, an offset instead of Z is fine) or dates ({@code 2026-03-01}, a day in UTC:
     * {@code from} its first moment, {@code to} its last).
     */
    public static AuditFilter of(String actor, String action, String subject, String from, String to) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Optional<Instant> start = moment("from", from, false, problems);
        Optional<Instant> end = moment("to", to, true, problems);
        AuditFilter filter;
        try {
            filter = new AuditFilter(blankless(actor), blankless(action), blankless(subject), start, end);
        } catch (Refusal textProblems) {
            // the constructor checks the text; report every problem of the request at once
            problems.addAll(0, textProblems.fieldProblems());
            refuseIf(problems);
            throw textProblems;
        }
        refuseIf(problems);
        return filter;
    }

    /** The subject split into type and id when it names both ("team sales-analytics"). */
    Optional<String[]> subjectTypeAndId() {
        return subject.filter(s -> s.indexOf(' ') > 0).map(s -> s.split(" ", 2));
    }

    private static Optional<String> text(String field, Optional<String> value, List<Refusal.FieldProblem> problems) {
        Optional<String> stripped = value.map(String::strip).filter(v -> !v.isEmpty());
        stripped.flatMap(v -> InputText.singleLineProblem(v, MAX_TEXT))
                .ifPresent(problem -> problems.add(new Refusal.FieldProblem(field, problem)));
        return stripped;
    }

    private static Optional<String> blankless(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static Optional<Instant> moment(String field, String value, boolean endOfDay,
            List<Refusal.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() <= 40) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeException notAnInstant) {
                // perhaps a date
            }
            try {
                LocalDate day = LocalDate.parse(text);
                Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                // the last microsecond of the day: PostgreSQL keeps microseconds
                return Optional.of(endOfDay ? start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : start);
            } catch (DateTimeException notADate) {
                // reported below
            }
        }
        problems.add(new Refusal.FieldProblem(field, "must be an ISO-8601 instant such as 2026-03-01T09:30:00Z or a "
                + "date such as 2026-03-01, not '" + shortened(text) + "'"));
        return Optional.empty();
    }

    private static void refuseIf(List<Refusal.FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems.stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ", "The audit filter is not valid: ", ".")), problems);
        }
    }

    private static String shortened(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
