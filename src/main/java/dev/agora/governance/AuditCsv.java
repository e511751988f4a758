package dev.agora.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Audit events as CSV (RFC 4180: comma, double quotes, CRLF), one row per event with a header row. Actors, subjects
 * and details are text people typed, so a value a spreadsheet would run as a formula is neutralised first.
 */
final class AuditCsv implements Closeable {

    static final String[] HEADER = {"id", "occurred_at", "actor", "action", "subject_type", "subject_id", "details"};

    // details in a stable key order, so that two exports of the same events are byte for byte the same
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final CSVPrinter printer;

    private AuditCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    static AuditCsv writingTo(Writer out) throws IOException {
        return new AuditCsv(CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out));
    }

    void write(AuditTrail.Entry entry) throws IOException {
        printer.printRecord(String.valueOf(entry.id()), entry.occurredAt().toString(), neutralised(entry.actor()),
                neutralised(entry.action()), neutralised(entry.subjectType()), neutralised(entry.subjectId()),
                neutralised(json(entry.details())));
    }

    /**
     * The value as a spreadsheet shows it but never evaluates: one that starts with {@code = + - @}, a tab or a
     * carriage return (what Excel, LibreOffice and Google Sheets read as the start of a formula) gets a leading
     * single quote (OWASP, "CSV Injection").
     */
    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    private static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException unexpected) {
            // details were read from a JSON column, so they are always writable as JSON
            throw new IllegalStateException("audit details that are not JSON", unexpected);
        }
    }

    /** Flushes what is written; the stream stays open, it belongs to the caller. */
    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
