package dev.agora.platform;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads a timestamp column of a native query, whichever Java type the driver and Hibernate chose for it. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The instant of a TIMESTAMPTZ value (Instant, OffsetDateTime or java.sql.Timestamp), or null for SQL NULL. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }
}
