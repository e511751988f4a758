package dev.agora.catalog.search;

import dev.agora.catalog.ProductDescription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads products from PostgreSQL as the index needs them, streaming: products, their tags and their columns
 * in three queries ordered by product id, merged as they arrive, so that a million products need not fit in
 * memory. Runs inside the caller's transaction (and snapshot).
 */
final class ProductDocuments implements Iterator<IndexedProduct>, AutoCloseable {

    /** All products, or those changed by transactions from a given one on. */
    enum Scope {
        ALL("TRUE"),
        CHANGED_SINCE("p.change_xid >= CAST(CAST(? AS text) AS xid8)");

        private final String condition;

        Scope(String condition) {
            this.condition = condition;
        }
    }

    private static final int FETCH_SIZE = 2_000;

    private final List<PreparedStatement> statements = new ArrayList<>();
    private final ResultSet products;
    private final ResultSet tags;
    private final ResultSet columns;
    private boolean tagsAhead;
    private boolean columnsAhead;
    private Boolean productAhead;

    ProductDocuments(Connection connection, Scope scope, long sinceXid) throws SQLException {
        products = query(connection, scope, sinceXid, """
                SELECT p.id, p.slug, p.name, d.slug, d.name, t.slug, t.name, p.description, p.classification,
                       p.status, p.semantic_version, coalesce(p.published_at, p.updated_at),
                       q.score, coalesce(q.failing_rules, 0)
                  FROM data_products p
                  JOIN domains d ON d.id = p.domain_id
                  JOIN teams t ON t.id = p.owner_team_id
                  LEFT JOIN data_product_quality q ON q.product_id = p.id
                 WHERE %s
                 ORDER BY p.id""");
        tags = query(connection, scope, sinceXid, """
                SELECT g.product_id, g.tag
                  FROM data_product_tags g JOIN data_products p ON p.id = g.product_id
                 WHERE %s
                 ORDER BY g.product_id, g.tag""");
        columns = query(connection, scope, sinceXid, """
                SELECT o.product_id, o.name, o.type, c.name, c.type, c.description
                  FROM output_ports o
                  JOIN data_products p ON p.id = o.product_id
                  LEFT JOIN output_port_columns c ON c.port_id = o.id
                 WHERE %s
                 ORDER BY o.product_id, o.position, c.position""");
        tagsAhead = tags.next();
        columnsAhead = columns.next();
    }

    private ResultSet query(Connection connection, Scope scope, long sinceXid, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.formatted(scope.condition));
        statements.add(statement);
        statement.setFetchSize(FETCH_SIZE);
        if (scope == Scope.CHANGED_SINCE) {
            statement.setString(1, Long.toString(sinceXid));
        }
        return statement.executeQuery();
    }

    @Override
    public boolean hasNext() {
        if (productAhead == null) {
            try {
                productAhead = products.next();
            } catch (SQLException failed) {
                throw new IllegalStateException("reading products for the search index failed", failed);
            }
        }
        return productAhead;
    }

    @Override
    public IndexedProduct next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        productAhead = null;
        try {
            long id = products.getLong(1);
            List<String> productTags = new ArrayList<>();
            while (tagsAhead && tags.getLong(1) <= id) {
                if (tags.getLong(1) == id) {
                    productTags.add(tags.getString(2));
                }
                tagsAhead = tags.next();
            }
            Set<String> portTypes = new LinkedHashSet<>();
            List<IndexedProduct.Column> productColumns = new ArrayList<>();
            while (columnsAhead && columns.getLong(1) <= id) {
                if (columns.getLong(1) == id) {
                    portTypes.add(columns.getString(3));
                    if (columns.getString(4) != null) {
                        productColumns.add(new IndexedProduct.Column(columns.getString(2), columns.getString(4),
                                columns.getString(5), columns.getString(6)));
                    }
                }
                columnsAhead = columns.next();
            }
            Timestamp sortTime = products.getTimestamp(12);
            java.math.BigDecimal score = products.getBigDecimal(13);
            return new IndexedProduct(id, products.getString(2), products.getString(3), products.getString(4),
                    products.getString(5), products.getString(6), products.getString(7),
                    ProductDescription.toPlainText(products.getString(8)), productTags, products.getString(9),
                    products.getString(10), products.getString(11), List.copyOf(portTypes), productColumns,
                    sortTime.toInstant(), score == null ? null : score.doubleValue(), products.getInt(14));
        } catch (SQLException failed) {
            throw new IllegalStateException("reading products for the search index failed", failed);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements) {
            statement.close();
        }
    }
}
