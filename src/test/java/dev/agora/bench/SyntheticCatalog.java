package dev.agora.bench;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A synthetic catalog of published data products in Agora's own tables, and beside it the tables of the
 * PostgreSQL baselines. Every product is made from its own seeded random stream, so the corpus is the same on
 * every run and on every machine, whatever the batch size.
 *
 * <p>Rows are made here and streamed with {@code COPY} on four connections at once (products, tags, ports,
 * columns), 100,000 products per transaction. Drawing 100 million Zipf words inside PostgreSQL (arrays indexed by
 * {@code generate_series}) measured 1.6 µs a word, several times slower than this. The loading sessions run with
 * {@code session_replication_role = replica}: the triggers that stamp {@code change_xid} on every tag, port and
 * column (and the foreign-key checks) stay off during the load, and the search index is then built in full.
 */
final class SyntheticCatalog {

    /** Bumped whenever the generated content changes, so that a kept corpus of another make is regenerated. */
    static final String GENERATOR = "agora-bench-4";
    /** Synthetic products get ids from here on (or above the kept ones), in the order they are made. */
    static final long FIRST_PRODUCT_ID = 1_000;
    static final int BATCH = 100_000;

    /** A bench domain: slug, display name and share of the products. */
    record Domain(String slug, String name, double share) {}

    static final List<Domain> DOMAINS = List.of(
            new Domain("commerce", "Commerce", 0.24),
            new Domain("growth", "Growth", 0.18),
            new Domain("finance", "Finance", 0.14),
            new Domain("supply-chain", "Supply chain", 0.12),
            new Domain("customer-care", "Customer care", 0.10),
            new Domain("people", "People", 0.09),
            new Domain("risk", "Risk", 0.08),
            new Domain("platform", "Platform", 0.05));

    private static final String[] TEAM_KINDS = {"analytics", "insights", "data", "platform", "reporting",
            "science", "engineering", "operations"};
    static final int TEAMS = 30;
    static final String[] CLASSIFICATIONS = {"PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"};
    private static final double[] CLASSIFICATION_SHARES = {0.35, 0.40, 0.18, 0.07};
    private static final String[] PORT_TYPES = {"postgres-table", "glue-table", "s3-prefix", "kinesis-stream"};
    private static final double[] PORT_TYPE_SHARES = {0.40, 0.30, 0.20, 0.10};
    private static final String[] COLUMN_TYPES = {"bigint", "text", "numeric(12,2)", "timestamptz", "date",
            "boolean", "integer", "jsonb"};
    private static final Instant NEWEST = Instant.parse("2026-01-01T00:00:00Z");

    /** What a load did. */
    record Load(long products, long tags, long ports, long columns, Duration catalog, Duration baselines) {}

    private final Vocabulary vocabulary;
    private final List<String> tags;
    private final double tagLogRange;
    private final long seed;

    SyntheticCatalog(Vocabulary vocabulary, int tagCount, long seed) {
        this.vocabulary = vocabulary;
        this.tags = vocabulary.tags(tagCount, seed);
        this.tagLogRange = Math.log(tags.size() + 1);
        this.seed = seed;
    }

    List<String> tags() {
        return tags;
    }

    /** The team slugs of a domain, as {@link #teams()} makes them. */
    static List<String> teamsOf(String domain) {
        List<String> teams = new ArrayList<>();
        for (Map.Entry<String, String> team : teams().entrySet()) {
            if (team.getValue().equals(domain)) {
                teams.add(team.getKey());
            }
        }
        return teams;
    }

    /** 30 teams, spread over the domains by their share of products (at least two each): slug → domain slug. */
    static Map<String, String> teams() {
        Map<String, String> teams = new LinkedHashMap<>();
        int left = TEAMS;
        for (int d = 0; d < DOMAINS.size(); d++) {
            Domain domain = DOMAINS.get(d);
            int count = d == DOMAINS.size() - 1 ? left : Math.max(2, (int) Math.round(domain.share() * TEAMS));
            for (int t = 0; t < count && left > 0; t++, left--) {
                teams.put(domain.slug() + "-" + TEAM_KINDS[t % TEAM_KINDS.length], domain.slug());
            }
        }
        return teams;
    }

    /** Whether the database already holds exactly this corpus (same size and make), baselines included. */
    boolean present(Connection connection, int products) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_corpus (products INTEGER NOT NULL, "
                    + "generator TEXT NOT NULL, seed BIGINT NOT NULL, loaded_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            try (ResultSet row = statement.executeQuery("SELECT products, generator, seed FROM bench_corpus")) {
                if (!row.next()) {
                    return false;
                }
                return row.getInt(1) == products && row.getString(2).equals(GENERATOR) && row.getLong(3) == seed;
            }
        }
    }

    private static final String REPLACED_TABLES = "ARRAY['data_product_versions', 'output_port_columns', "
            + "'output_ports', 'data_product_tags', 'data_products']::regclass[]";

    /**
     * Replaces the synthetic products of the catalog with {@code products} new ones. Other products (the demo
     * ones) are kept as they are, ids included, without a catalog event.
     */
    Load load(int products, ConnectionSource connections, PrintStream log) throws Exception {
        long started = System.nanoTime();
        long firstProductId;
        long firstPortId;
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM bench_corpus");
            statement.execute("DROP TABLE IF EXISTS bench_fts");
            connection.setAutoCommit(false);
            // TRUNCATE is the only quick way to drop ten million rows: set the other products aside and back
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("""
                    CREATE TEMP TABLE kept_products ON COMMIT DROP AS
                        SELECT * FROM data_products WHERE created_by <> 'bench'""");
            statement.execute("""
                    CREATE TEMP TABLE kept_tags ON COMMIT DROP AS
                        SELECT * FROM data_product_tags WHERE product_id IN (SELECT id FROM kept_products)""");
            statement.execute("""
                    CREATE TEMP TABLE kept_ports ON COMMIT DROP AS
                        SELECT * FROM output_ports WHERE product_id IN (SELECT id FROM kept_products)""");
            statement.execute("""
                    CREATE TEMP TABLE kept_columns ON COMMIT DROP AS
                        SELECT * FROM output_port_columns WHERE port_id IN (SELECT id FROM kept_ports)""");
            statement.execute("""
                    CREATE TEMP TABLE kept_versions ON COMMIT DROP AS
                        SELECT * FROM data_product_versions WHERE product_id IN (SELECT id FROM kept_products)""");
            // TRUNCATE refuses tables that others reference (access requests point at products) even when no
            // row does: lift those foreign keys for the swap and put them back, checked, afterwards
            List<String> restoreForeignKeys = new ArrayList<>();
            try (ResultSet foreignKey = statement.executeQuery("""
                    SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                           format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,
                                  pg_get_constraintdef(oid))
                      FROM pg_constraint
                     WHERE contype = 'f'
                       AND confrelid = ANY (replaced_tables)
                       AND NOT conrelid = ANY (replaced_tables)""".replace("replaced_tables", REPLACED_TABLES))) {
                List<String> drops = new ArrayList<>();
                while (foreignKey.next()) {
                    drops.add(foreignKey.getString(1));
                    restoreForeignKeys.add(foreignKey.getString(2));
                }
                for (String drop : drops) {
                    try (Statement alter = connection.createStatement()) {
                        alter.execute(drop);
                    }
                }
            }
            statement.execute("TRUNCATE data_product_versions, output_port_columns, output_ports, data_product_tags, "
                    + "data_products");
            statement.execute("INSERT INTO data_products SELECT * FROM kept_products");
            statement.execute("INSERT INTO data_product_tags SELECT * FROM kept_tags");
            statement.execute("INSERT INTO output_ports SELECT * FROM kept_ports");
            statement.execute("INSERT INTO output_port_columns SELECT * FROM kept_columns");
            statement.execute("INSERT INTO data_product_versions SELECT * FROM kept_versions");
            for (String restore : restoreForeignKeys) {
                statement.execute(restore);
            }
            try (ResultSet row = statement.executeQuery("SELECT (SELECT coalesce(max(id), 0) FROM data_products), "
                    + "(SELECT coalesce(max(id), 0) FROM output_ports)")) {
                row.next();
                firstProductId = Math.max(FIRST_PRODUCT_ID, row.getLong(1) + 1);
                firstPortId = Math.max(2 * firstProductId, row.getLong(2) + 1);
            }
            connection.commit();
        }
        Map<String, Long> domainIds = new LinkedHashMap<>();
        Map<String, Long> teamIds = new LinkedHashMap<>();
        try (Connection connection = connections.open()) {
            organisation(connection, domainIds, teamIds);
        }
        List<Long>[] teamIdsByDomain = teamIdsByDomain(teamIds);

        AtomicLong tagRows = new AtomicLong();
        AtomicLong portRows = new AtomicLong();
        AtomicLong columnRows = new AtomicLong();
        for (int from = 0; from < products; from += BATCH) {
            int to = Math.min(products, from + BATCH);
            long batchStarted = System.nanoTime();
            loadBatch(from, to, firstProductId, firstPortId, connections, domainIds, teamIdsByDomain, tagRows,
                    portRows, columnRows);
            log.printf(Locale.ROOT, "[bench] loaded products %,d–%,d of %,d in %.1f s%n", from + 1, to, products,
                    seconds(System.nanoTime() - batchStarted));
        }
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT setval(pg_get_serial_sequence('data_products', 'id'), "
                    + "(SELECT max(id) FROM data_products))");
            statement.execute("SELECT setval(pg_get_serial_sequence('output_ports', 'id'), "
                    + "(SELECT max(id) FROM output_ports))");
            long vacuum = System.nanoTime();
            // hint bits and statistics now, not during the first measured queries
            statement.execute("VACUUM ANALYZE data_products, data_product_tags, output_ports, output_port_columns");
            log.printf(Locale.ROOT, "[bench] VACUUM ANALYZE of the catalog took %.1f s%n",
                    seconds(System.nanoTime() - vacuum));
        }
        Duration catalog = Duration.ofNanos(System.nanoTime() - started);

        long baselineStarted = System.nanoTime();
        buildFullTextTable(connections, log);
        Duration baselines = Duration.ofNanos(System.nanoTime() - baselineStarted);

        try (Connection connection = connections.open();
                PreparedStatement done = connection.prepareStatement(
                        "INSERT INTO bench_corpus (products, generator, seed) VALUES (?, ?, ?)")) {
            done.setInt(1, products);
            done.setString(2, GENERATOR);
            done.setLong(3, seed);
            done.executeUpdate();
        }
        return new Load(products, tagRows.get(), portRows.get(), columnRows.get(), catalog, baselines);
    }

    /** The bench domains and teams, created when missing. */
    private static void organisation(Connection connection, Map<String, Long> domainIds, Map<String, Long> teamIds)
            throws SQLException {
        try (PreparedStatement domain = connection.prepareStatement("""
                INSERT INTO domains (slug, name, description) VALUES (?, ?, ?)
                ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id""")) {
            for (Domain each : DOMAINS) {
                domain.setString(1, each.slug());
                domain.setString(2, each.name());
                domain.setString(3, "Synthetic domain of the search benchmark");
                try (ResultSet row = domain.executeQuery()) {
                    row.next();
                    domainIds.put(each.slug(), row.getLong(1));
                }
            }
        }
        try (PreparedStatement team = connection.prepareStatement("""
                INSERT INTO teams (slug, name, description, domain_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id""")) {
            for (Map.Entry<String, String> each : teams().entrySet()) {
                team.setString(1, each.getKey());
                team.setString(2, capitalised(each.getKey().replace('-', ' ')));
                team.setString(3, "Synthetic team of the search benchmark");
                team.setLong(4, domainIds.get(each.getValue()));
                try (ResultSet row = team.executeQuery()) {
                    row.next();
                    teamIds.put(each.getKey(), row.getLong(1));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long>[] teamIdsByDomain(Map<String, Long> teamIds) {
        List<Long>[] byDomain = new List[DOMAINS.size()];
        for (int d = 0; d < DOMAINS.size(); d++) {
            byDomain[d] = new ArrayList<>();
            for (String team : teamsOf(DOMAINS.get(d).slug())) {
                byDomain[d].add(teamIds.get(team));
            }
        }
        return byDomain;
    }

    /** Products [from, to): one transaction on each of four connections, each streaming one table. */
    private void loadBatch(int from, int to, long firstProductId, long firstPortId, ConnectionSource connections,
            Map<String, Long> domainIds, List<Long>[] teamIdsByDomain, AtomicLong tagRows, AtomicLong portRows, AtomicLong columnRows)
            throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            Connection products = loading(connections, open);
            Connection tagLinks = loading(connections, open);
            Connection ports = loading(connections, open);
            Connection columns = loading(connections, open);
            try (Writer productRows = copy(products, "COPY data_products (id, slug, name, domain_id, owner_team_id, "
                    + "description, classification, status, semantic_version, contact, freshness, created_at, "
                    + "updated_at, published_at, created_by) FROM STDIN");
                    Writer tagRowsOut = copy(tagLinks, "COPY data_product_tags (product_id, tag) FROM STDIN");
                    Writer portRowsOut = copy(ports, "COPY output_ports (id, product_id, position, name, type, "
                            + "location) FROM STDIN");
                    Writer columnRowsOut = copy(columns, "COPY output_port_columns (port_id, position, name, type, "
                            + "description, pii) FROM STDIN")) {
                Long[] domainIdByIndex = DOMAINS.stream().map(d -> domainIds.get(d.slug())).toArray(Long[]::new);
                StringBuilder line = new StringBuilder(1024);
                for (int i = from; i < to; i++) {
                    long id = firstProductId + i;
                    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
                    int domain = pick(random, DOMAINS.stream().mapToDouble(Domain::share).toArray());
                    List<Long> domainTeams = teamIdsByDomain[domain];
                    long team = domainTeams.get(random.nextInt(domainTeams.size()));
                    String classification = CLASSIFICATIONS[pick(random, CLASSIFICATION_SHARES)];
                    Instant published = NEWEST.minusSeconds(random.nextLong(3L * 365 * 24 * 3600));

                    line.setLength(0);
                    line.append(id).append('\t').append("bench-").append(id).append('\t');
                    escape(line, name(random)).append('\t');
                    line.append(domainIdByIndex[domain]).append('\t').append(team).append('\t');
                    escape(line, description(random)).append('\t');
                    line.append(classification).append("\tPUBLISHED\t1.").append(random.nextInt(5)).append(".0\t");
                    line.append(DOMAINS.get(domain).slug()).append("-data@agora.example\t");
                    line.append("Daily by 06:00 UTC\t");
                    line.append(published.minusSeconds(86_400 * 30)).append('\t');
                    line.append(published).append('\t').append(published).append("\tbench\n");
                    productRows.append(line);

                    Set<String> productTags = new LinkedHashSet<>();
                    int tagCount = 1 + random.nextInt(4);
                    while (productTags.size() < tagCount) {
                        productTags.add(tags.get(Vocabulary.zipfRank(random, tagLogRange, tags.size()) - 1));
                    }
                    for (String tag : productTags) {
                        tagRowsOut.append(Long.toString(id)).append('\t').append(tag).append('\n');
                    }
                    tagRows.addAndGet(productTags.size());

                    int portCount = random.nextDouble() < 0.7 ? 1 : 2;
                    int columnCount = 8 + random.nextInt(5);
                    Set<String> portNames = new LinkedHashSet<>();
                    for (int p = 0; p < portCount; p++) {
                        long portId = firstPortId + 2L * i + p;
                        String portName = vocabulary.zipfWord(random) + "_" + vocabulary.zipfWord(random);
                        if (!portNames.add(portName)) {
                            portName = portName + "_" + (p + 1);
                            portNames.add(portName);
                        }
                        String type = PORT_TYPES[pick(random, PORT_TYPE_SHARES)];
                        portRowsOut.append(Long.toString(portId)).append('\t').append(Long.toString(id)).append('\t')
                                .append(Integer.toString(p)).append('\t').append(portName).append('\t').append(type)
                                .append('\t').append(location(type, DOMAINS.get(domain).slug(), portName))
                                .append('\n');
                        int portColumns = portCount == 1 ? columnCount
                                : p == 0 ? columnCount / 2 : columnCount - columnCount / 2;
                        for (int c = 0; c < portColumns; c++) {
                            line.setLength(0);
                            line.append(portId).append('\t').append(c).append('\t');
                            line.append(columnName(random)).append('\t');
                            line.append(COLUMN_TYPES[random.nextInt(COLUMN_TYPES.length)]).append('\t');
                            escape(line, words(random, 4 + random.nextInt(9), false)).append('\t');
                            line.append(random.nextDouble() < 0.05 ? 't' : 'f').append('\n');
                            columnRowsOut.append(line);
                        }
                        columnRows.addAndGet(portColumns);
                    }
                    portRows.addAndGet(portCount);
                }
            }
            for (Connection connection : open) {
                connection.commit();
            }
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
        }
    }

    private static Connection loading(ConnectionSource connections, List<Connection> open) throws SQLException {
        Connection connection = connections.open();
        open.add(connection);
        try (Statement statement = connection.createStatement()) {
            // no change_xid triggers and no foreign-key triggers while loading (the index is rebuilt after)
            statement.execute("SET session_replication_role = replica");
            statement.execute("SET synchronous_commit = off");
        }
        connection.setAutoCommit(false);
        return connection;
    }

    private static Writer copy(Connection connection, String sql) throws SQLException {
        PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** 2–4 words, each capitalised: "Customer Revenue Daily". */
    private String name(SplittableRandom random) {
        int count = 2 + random.nextInt(3);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                name.append(' ');
            }
            name.append(capitalised(vocabulary.zipfWord(random)));
        }
        return name.toString();
    }

    /** 20–60 words in sentences of 5–12, as one or two Markdown paragraphs. */
    private String description(SplittableRandom random) {
        int total = 20 + random.nextInt(41);
        StringBuilder text = new StringBuilder(total * 9);
        int written = 0;
        boolean secondParagraph = false;
        while (written < total) {
            int sentence = Math.min(total - written, 5 + random.nextInt(8));
            if (!text.isEmpty()) {
                if (!secondParagraph && total > 35 && written > total / 2) {
                    text.append("\n\n");
                    secondParagraph = true;
                } else {
                    text.append(' ');
                }
            }
            text.append(words(random, sentence, true)).append('.');
            written += sentence;
        }
        return text.toString();
    }

    private String words(SplittableRandom random, int count, boolean sentence) {
        StringBuilder words = new StringBuilder(count * 9);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                words.append(' ');
            }
            String word = vocabulary.zipfWord(random);
            words.append(sentence && i == 0 ? capitalised(word) : word);
        }
        return words.toString();
    }

    /** snake_case: "customer_id", "revenue_daily_amount". */
    private String columnName(SplittableRandom random) {
        StringBuilder name = new StringBuilder(vocabulary.zipfWord(random));
        if (random.nextBoolean()) {
            name.append('_').append(vocabulary.zipfWord(random));
        }
        if (random.nextDouble() < 0.6) {
            name.append('_').append(Vocabulary.COLUMN_SUFFIXES.get(random.nextInt(Vocabulary.COLUMN_SUFFIXES.size())));
        }
        return name.toString();
    }

    private static String location(String type, String domain, String portName) {
        return switch (type) {
            case "postgres-table" -> "lake." + portName;
            case "glue-table" -> domain + "/" + portName;
            case "s3-prefix" -> "s3://agora-" + domain + "/" + portName + "/";
            default -> portName.replace('_', '-') + "-stream";
        };
    }

    private static int pick(SplittableRandom random, double[] shares) {
        double roll = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (roll < sum) {
                return i;
            }
        }
        return shares.length - 1;
    }

    static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    private static StringBuilder escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    /**
     * The PostgreSQL full-text baseline: one row per product with a weighted tsvector (name A, tags and domain B,
     * description C, column names and descriptions D), the facet values beside it, and a GIN index. Built from
     * the catalog tables in id ranges on two connections (two cores).
     */
    private static void buildFullTextTable(ConnectionSource connections, PrintStream log) throws Exception {
        long started = System.nanoTime();
        long maxId;
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE bench_fts (
                        product_id     BIGINT   PRIMARY KEY,
                        domain         TEXT     NOT NULL,
                        team           TEXT     NOT NULL,
                        classification TEXT     NOT NULL,
                        tags           TEXT[]   NOT NULL,
                        document       TSVECTOR NOT NULL)""");
            try (ResultSet row = statement.executeQuery("SELECT coalesce(max(id), 0) FROM data_products")) {
                row.next();
                maxId = row.getLong(1);
            }
        }
        long step = 50_000;
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> ranges = new ArrayList<>();
            AtomicLong done = new AtomicLong();
            for (long from = 0; from <= maxId; from += step) {
                long lower = from;
                long upper = from + step;
                ranges.add(workers.submit(() -> {
                    try (Connection connection = connections.open();
                            PreparedStatement insert = connection.prepareStatement("""
                                    INSERT INTO bench_fts (product_id, domain, team, classification, tags, document)
                                    SELECT p.id, d.slug, t.slug, p.classification, coalesce(g.tags, '{}'),
                                           setweight(to_tsvector('english', p.name), 'A')
                                           || setweight(to_tsvector('english', coalesce(array_to_string(g.tags, ' '), '')
                                                        || ' ' || d.slug || ' ' || d.name), 'B')
                                           || setweight(to_tsvector('english', p.description), 'C')
                                           || setweight(to_tsvector('english', coalesce(c.text, '')), 'D')
                                      FROM data_products p
                                      JOIN domains d ON d.id = p.domain_id
                                      JOIN teams t ON t.id = p.owner_team_id
                                      LEFT JOIN LATERAL (SELECT array_agg(tag ORDER BY tag) AS tags
                                                           FROM data_product_tags WHERE product_id = p.id) g ON TRUE
                                      LEFT JOIN LATERAL (SELECT string_agg(c.name || ' ' || c.description, ' ') AS text
                                                           FROM output_ports o
                                                           JOIN output_port_columns c ON c.port_id = o.id
                                                          WHERE o.product_id = p.id) c ON TRUE
                                     WHERE p.id >= ? AND p.id < ?""")) {
                        insert.setLong(1, lower);
                        insert.setLong(2, upper);
                        long rows = insert.executeUpdate();
                        long total = done.addAndGet(rows);
                        if (total > 0 && (total / 100_000) != ((total - rows) / 100_000)) {
                            log.printf(Locale.ROOT, "[bench] full-text documents: %,d%n", total);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> range : ranges) {
                range.get();
            }
        } finally {
            workers.shutdown();
        }
        log.printf(Locale.ROOT, "[bench] full-text documents built in %.1f s; building the GIN index%n",
                seconds(System.nanoTime() - started));
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '1GB'");
            statement.execute("CREATE INDEX bench_fts_document_idx ON bench_fts USING gin (document)");
            statement.execute("VACUUM ANALYZE bench_fts");
        }
        log.printf(Locale.ROOT, "[bench] full-text baseline ready after %.1f s%n",
                seconds(System.nanoTime() - started));
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Opens a fresh connection to the bench database (autocommit on). */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }
}
