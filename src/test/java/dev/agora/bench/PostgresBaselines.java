package dev.agora.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two PostgreSQL baselines, on the same corpus as Agora's index.
 *
 * <p><b>Full-text search</b>: every word must match the weighted tsvector of {@code bench_fts} (GIN index), the
 * last word also as a prefix (as Agora matches the last word as a name prefix), ranked by {@code ts_rank}, top 20
 * with their names, the total, and counts of four facets over all matches (domain, team, classification, top 25
 * tags) by {@code GROUP BY}, so that it does the work Agora's search does. Typos are not tolerated.
 *
 * <p><b>ILIKE</b>: the naive search: every word as {@code ILIKE '%word%'} on name or description, the total
 * and 20 products; no ranking, no facets.
 */
final class PostgresBaselines implements AutoCloseable {

    private final Connection connection;

    PostgresBaselines(Connection connection) {
        this.connection = connection;
    }

    /** The words of a query as both baselines use them: lower-case letters and digits. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String part : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!part.isEmpty()) {
                words.add(part);
            }
        }
        return words;
    }

    /** {@code w1 & w2 & w3:*} */
    static String tsQuery(String text) {
        List<String> words = words(text);
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                query.append(" & ");
            }
            query.append(words.get(i));
            if (i == words.size() - 1) {
                query.append(":*");
            }
        }
        return query.toString();
    }

    long fullText(QueryMix.Query query) throws SQLException {
        String filters = (query.domain() == null ? "" : " AND f.domain = ?")
                + (query.classification() == null ? "" : " AND f.classification = ?");
        String sql = """
                WITH q AS (SELECT to_tsquery('english', ?) AS query),
                matches AS MATERIALIZED (
                    SELECT f.product_id, f.domain, f.team, f.classification, f.tags, ts_rank(f.document, q.query) AS rank
                      FROM bench_fts f, q
                     WHERE f.document @@ q.query%s)
                SELECT 'total', NULL, count(*)::float8 FROM matches
                UNION ALL
                (SELECT 'hit', p.name, m.rank
                   FROM (SELECT product_id, rank FROM matches ORDER BY rank DESC LIMIT 20) m
                   JOIN data_products p ON p.id = m.product_id)
                UNION ALL
                (SELECT 'domain', domain, count(*) FROM matches GROUP BY domain)
                UNION ALL
                (SELECT 'team', team, count(*) FROM matches GROUP BY team ORDER BY 3 DESC LIMIT 25)
                UNION ALL
                (SELECT 'classification', classification, count(*) FROM matches GROUP BY classification)
                UNION ALL
                (SELECT 'tag', tag, count(*) FROM matches, unnest(tags) AS tag GROUP BY tag ORDER BY 3 DESC LIMIT 25)
                """.formatted(filters);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            statement.setString(parameter++, tsQuery(query.text()));
            if (query.domain() != null) {
                statement.setString(parameter++, query.domain());
            }
            if (query.classification() != null) {
                statement.setString(parameter, query.classification());
            }
            long total = -1;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).equals("total")) {
                        total = (long) rows.getDouble(3);
                    }
                }
            }
            return total;
        }
    }

    long ilike(QueryMix.Query query) throws SQLException {
        List<String> words = words(query.text());
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.name, count(*) OVER () FROM data_products p
                  JOIN domains d ON d.id = p.domain_id
                 WHERE p.status = 'PUBLISHED'""");
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND (p.name ILIKE ? OR p.description ILIKE ?)");
        }
        if (query.domain() != null) {
            sql.append(" AND d.slug = ?");
        }
        if (query.classification() != null) {
            sql.append(" AND p.classification = ?");
        }
        sql.append(" LIMIT 20");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (String word : words) {
                statement.setString(parameter++, "%" + word + "%");
                statement.setString(parameter++, "%" + word + "%");
            }
            if (query.domain() != null) {
                statement.setString(parameter++, query.domain());
            }
            if (query.classification() != null) {
                statement.setString(parameter, query.classification());
            }
            long total = 0;
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    total = rows.getLong(3);
                }
            }
            return total;
        }
    }

    /** Sizes in bytes: the catalog tables with their indexes, and the full-text table with its GIN index. */
    long catalogBytes() throws SQLException {
        return single("SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY['data_products', "
                + "'data_product_tags', 'output_ports', 'output_port_columns']::regclass[]) AS c");
    }

    long fullTextBytes() throws SQLException {
        return single("SELECT pg_total_relation_size('bench_fts')");
    }

    String version() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SHOW server_version");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private long single(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
