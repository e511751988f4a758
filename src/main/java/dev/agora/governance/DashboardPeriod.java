package dev.agora.governance;

import dev.agora.platform.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The days the dashboard's time-bound figures cover: from and to, both included, as UTC calendar days. Bounded so
 * that one look at the dashboard can never make the database aggregate an unbounded history.
 */
public record DashboardPeriod(LocalDate from, LocalDate to) {

    /** What the dashboard shows when nobody chose: the last twelve weeks, today included. */
    public static final int DEFAULT_WEEKS = 12;
    /** The longest period one can ask for. */
    public static final int MAX_YEARS = 2;

    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public DashboardPeriod {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new Refusal.FieldProblem("from", "must be a date"));
        }
        if (to == null) {
            problems.add(new Refusal.FieldProblem("to", "must be a date"));
        }
        if (problems.isEmpty()) {
            checkWithinCalendar("from", from, problems);
            checkWithinCalendar("to", to, problems);
        }
        if (problems.isEmpty() && from.isAfter(to)) {
            problems.add(new Refusal.FieldProblem("from", "must be on or before to (" + to + "), not " + from));
        }
        if (problems.isEmpty() && from.isBefore(to.minusYears(MAX_YEARS))) {
            problems.add(new Refusal.FieldProblem("to", "may be at most " + MAX_YEARS + " years after from ("
                    + from + "), not " + to));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The dashboard's period is not valid", problems);
        }
    }

    /** The last {@link #DEFAULT_WEEKS} weeks up to today. */
    public static DashboardPeriod lastWeeks(Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new DashboardPeriod(today.minusWeeks(DEFAULT_WEEKS).plusDays(1), today);
    }

    /**
     * The period as sent in {@code ?from=&to=} (ISO dates, {@code 2026-03-01}); a missing end is filled in from the
     * default period, so that {@code ?from=} alone reaches up to today.
     */
    public static DashboardPeriod parse(String from, String to, Clock clock) {
        DashboardPeriod fallback = lastWeeks(clock);
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The dashboard's period is not valid", problems);
        }
        if (end == null) {
            end = start != null && start.isAfter(fallback.to()) ? start : fallback.to();
        }
        if (start == null) {
            start = end.minusWeeks(DEFAULT_WEEKS).plusDays(1);
        }
        return new DashboardPeriod(start, end);
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String field, String value, List<Refusal.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        // ten characters: yyyy-MM-dd; anything longer is not a date and is not echoed back whole
        if (text.length() != 10) {
            problems.add(new Refusal.FieldProblem(field, "must be a date as yyyy-MM-dd, not '"
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'"));
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            problems.add(new Refusal.FieldProblem(field, "must be a date as yyyy-MM-dd, not '" + text + "'"));
            return null;
        }
    }

    private static void checkWithinCalendar(String field, LocalDate date, List<Refusal.FieldProblem> problems) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problems.add(new Refusal.FieldProblem(field, "must lie between " + EARLIEST + " and " + LATEST
                    + ", not " + date));
        }
    }
}
