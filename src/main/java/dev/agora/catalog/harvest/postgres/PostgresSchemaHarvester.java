package dev.agora.catalog.harvest.postgres;

import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.PortLocation;
import dev.agora.catalog.PortType;
import dev.agora.catalog.harvest.PiiHint;
import dev.agora.catalog.harvest.SchemaHarvester;
import dev.agora.platform.LakeDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads a postgres-table port's columns from the lake database's information_schema, with each column's comment
 * as its description. Identifiers travel as bind parameters, never in the SQL text.
 */
@ApplicationScoped
public class PostgresSchemaHarvester implements SchemaHarvester {

    private static final Logger LOG = Logger.getLogger(PostgresSchemaHarvester.class);

    private static final String COLUMNS = """
            SELECT c.column_name,
                   format_type(a.atttypid, a.atttypmod) AS column_type,
                   coalesce(col_description(a.attrelid, a.attnum), '') AS description,
                   NOT a.attnotnull AS nullable,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                            WHERE i.indrelid = t.oid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS primary_key
              FROM information_schema.columns c
              JOIN pg_catalog.pg_namespace n ON n.nspname = c.table_schema
              JOIN pg_catalog.pg_class t ON t.relnamespace = n.oid AND t.relname = c.table_name
              JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attname = c.column_name
             WHERE c.table_schema = ? AND c.table_name = ?
             ORDER BY c.ordinal_position
            """;

    private final LakeDatabase lake;

    PostgresSchemaHarvester(LakeDatabase lake) {
        this.lake = lake;
    }

    @Override
    public PortType portType() {
        return PortType.POSTGRES_TABLE;
    }

    @Override
    public Outcome harvest(String location) {
        PortLocation.TableName table = PortLocation.postgresTable(location);
        try (Connection connection = lake.connect(); PreparedStatement query = connection.prepareStatement(COLUMNS)) {
            query.setString(1, table.schema());
            query.setString(2, table.table());
            List<ColumnSchema> columns = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    columns.add(new ColumnSchema(name, rows.getString(2), rows.getString(3),
                            PiiHint.likelyPersonal(name), rows.getBoolean(4), rows.getBoolean(5)));
                }
            }
            return columns.isEmpty()
                    ? new Outcome.NotFound("there is no table " + table + " in " + lake.describe())
                    : new Outcome.Found(columns);
        } catch (SQLException failed) {
            LOG.warnf("Harvesting %s failed: %s", table, failed.getMessage());
            return new Outcome.Unavailable("the lake database could not be read: " + failed.getMessage());
        }
    }
}
