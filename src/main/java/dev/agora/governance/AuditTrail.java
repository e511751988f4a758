package dev.agora.governance;

import dev.agora.audit.AuditEvent;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.platform.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail as administrators read it: filtered, counted and paged in the database (the trail only grows),
 * and exported as CSV. Only administrators may read it — the rule lives here, for the API and the console alike.
 * Nothing here writes to the trail: it is append-only, and only the features that make changes append to it.
 */
@ApplicationScoped
public class AuditTrail {

    /** The largest page: a page is read, turned to JSON and sent in one go. */
    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_PAGE_SIZE = 50;
    /**
     * How far into a filter's events paging and the CSV export reach. Deep offsets cost the database a scan of every
     * row before them, and a bigger export is better asked for a narrower time range.
     */
    public static final int MAX_REACH = 50_000;
    /** Rows per read while an export streams; each read is a short transaction of its own. */
    static final int EXPORT_CHUNK = 1_000;

    /** One line of the trail with its details (the stored JSON: before/after values, reasons …). */
    public record Entry(long id, Instant occurredAt, String actor, String action, String subjectType,
            String subjectId, Map<String, Object> details) {

        static Entry of(AuditEvent event) {
            return new Entry(event.id(), event.occurredAt(), event.actor(), event.action(), event.subjectType(),
                    event.subjectId(), event.details());
        }
    }

    /** A page of the filter's events, newest first, and how many events the filter matches in all. */
    public record Page(List<Entry> entries, long total, int page, int size) {}

    private final Directory directory;

    AuditTrail(Directory directory) {
        this.directory = directory;
    }

    /** Page {@code page} (from 0) of {@code size} events, newest first. */
    public Page page(String viewer, AuditFilter filter, int page, int size) {
        requireAdministrator(viewer);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refusal.invalid("size", "must be a whole number from 1 to " + MAX_PAGE_SIZE + ", not " + size);
        }
        if (page < 0 || (long) page * size > MAX_REACH) {
            throw Refusal.invalid("page", "must be from 0 to " + MAX_REACH / size + " for pages of " + size
                    + " (paging reaches the first " + MAX_REACH + " events of a filter: narrow the filter for others)");
        }
        Query query = Query.of(filter);
        return new Page(read(query, page * size, size), count(query), page, size);
    }

    /** How many events the filter matches (the lazy grid's size). */
    public long count(String viewer, AuditFilter filter) {
        requireAdministrator(viewer);
        return count(Query.of(filter));
    }

    /** {@code limit} events from {@code offset}, newest first: the lazy grid's page, whatever its alignment. */
    public List<Entry> entries(String viewer, AuditFilter filter, int offset, int limit) {
        requireAdministrator(viewer);
        if (offset < 0 || offset > MAX_REACH || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw Refusal.invalid("offset", "must be from 0 to " + MAX_REACH + " with at most " + MAX_PAGE_SIZE
                    + " events at a time");
        }
        return read(Query.of(filter), offset, limit);
    }

    /**
     * Everything the filter matches now, ready to be written as CSV — or refused before a byte is written: the
     * caller must not be an administrator, or the filter matches more than {@value #MAX_REACH} events (a file
     * that silently held only some of them would not be what the filter shows).
     */
    public CsvExport csvExport(String viewer, AuditFilter filter) {
        requireAdministrator(viewer);
        Query query = Query.of(filter);
        // events recorded while the file is written do not join it: it holds what the filter showed when asked
        long upToId = QuarkusTransaction.joiningExisting().call(() -> {
            Long highest = AuditEvent.getEntityManager()
                    .createQuery("select max(e.id) from AuditEvent e", Long.class).getSingleResult();
            return highest == null ? 0L : highest;
        });
        Query snapshot = query.upTo(upToId);
        long rows = count(snapshot);
        if (rows > MAX_REACH) {
            throw Refusal.invalid("filter", "The filter matches " + rows + " audit events; a CSV export holds at most "
                    + MAX_REACH + ": narrow the filter (a shorter time range, an actor or an action).");
        }
        return new CsvExport(snapshot, rows);
    }

    /** An export the administrator may have: it writes every event of the filter, newest first, in chunks. */
    public static final class CsvExport {

        private final Query query;
        private final long rows;

        private CsvExport(Query query, long rows) {
            this.query = query;
            this.rows = rows;
        }

        public long rows() {
            return rows;
        }

        public void writeTo(Writer out) throws IOException {
            try (AuditCsv csv = AuditCsv.writingTo(out)) {
                Entry last = null;
                while (true) {
                    Query next = last == null ? query : query.after(last);
                    List<Entry> chunk = QuarkusTransaction.requiringNew().call(() -> read(next, 0, EXPORT_CHUNK));
                    for (Entry entry : chunk) {
                        csv.write(entry);
                    }
                    if (chunk.size() < EXPORT_CHUNK) {
                        break;
                    }
                    last = chunk.get(chunk.size() - 1);
                }
            }
        }
    }

    private void requireAdministrator(String viewer) {
        boolean admin = viewer != null && directory.profile(viewer).map(AccountProfile::isAdmin).orElse(false);
        if (!admin) {
            throw Refusal.forbidden("Only administrators may read the audit trail.");
        }
    }

    private static List<Entry> read(Query query, int offset, int limit) {
        String newestFirst = "order by occurredAt desc, id desc";
        return AuditEvent.<AuditEvent>find(query.where().isEmpty() ? newestFirst : query.where() + " " + newestFirst,
                        query.parameters())
                .range(offset, offset + limit - 1)
                .list().stream().map(Entry::of).toList();
    }

    private static long count(Query query) {
        return query.where().isEmpty() ? AuditEvent.count() : AuditEvent.count(query.where(), query.parameters());
    }

    /** A filter as HQL: the where clause (without "where", empty for everything) and its parameters. */
    record Query(String where, Map<String, Object> parameters) {

        static Query of(AuditFilter filter) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> parameters = new HashMap<>();
            filter.actor().ifPresent(actor -> {
                conditions.add("actor = :actor");
                parameters.put("actor", actor);
            });
            filter.action().ifPresent(action -> {
                conditions.add("(action = :action or action like :actionBelow escape '!')");
                parameters.put("action", action);
                parameters.put("actionBelow", action.replaceAll("([!%_])", "!$1") + ".%");
            });
            filter.subject().ifPresent(subject -> {
                parameters.put("subject", subject);
                filter.subjectTypeAndId().ifPresentOrElse(typeAndId -> {
                    // "team sales-analytics"; an id that itself holds a space still matches as a whole
                    conditions.add("((subjectType = :subjectType and subjectId = :subjectId) or subjectId = :subject)");
                    parameters.put("subjectType", typeAndId[0]);
                    parameters.put("subjectId", typeAndId[1]);
                }, () -> conditions.add("(subjectType = :subject or subjectId = :subject)"));
            });
            filter.from().ifPresent(from -> {
                conditions.add("occurredAt >= :from");
                parameters.put("from", from);
            });
            filter.to().ifPresent(to -> {
                conditions.add("occurredAt <= :to");
                parameters.put("to", to);
            });
            return new Query(String.join(" and ", conditions), Map.copyOf(parameters));
        }

        Query upTo(long id) {
            return and("id <= :upToId", "upToId", id);
        }

        /** The events after this one in newest-first order: a keyset, so that each chunk is an index range. */
        Query after(Entry last) {
            Map<String, Object> more = new HashMap<>(parameters);
            more.put("afterTime", last.occurredAt());
            more.put("afterId", last.id());
            String condition = "(occurredAt < :afterTime or (occurredAt = :afterTime and id < :afterId))";
            return new Query(where.isEmpty() ? condition : where + " and " + condition, Map.copyOf(more));
        }

        private Query and(String condition, String name, Object value) {
            Map<String, Object> more = new HashMap<>(parameters);
            more.put(name, value);
            return new Query(where.isEmpty() ? condition : where + " and " + condition, Map.copyOf(more));
        }
    }
}
