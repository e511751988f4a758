package dev.agora.catalog.harvest.glue;

import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.PortLocation;
import dev.agora.catalog.PortType;
import dev.agora.catalog.harvest.PiiHint;
import dev.agora.catalog.harvest.SchemaHarvester;
import dev.agora.platform.AwsClients;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Reads a glue-table port's columns from the AWS Glue Data Catalog ({@code GetTable}): the storage descriptor's
 * columns, then the partition keys, each with its comment as description. Switched on with
 * {@code AGORA_GLUE_HARVEST=aws}.
 */
@ApplicationScoped
@LookupIfProperty(name = "agora.harvest.glue", stringValue = "aws")
public class GlueSchemaHarvester implements SchemaHarvester {

    private static final Logger LOG = Logger.getLogger(GlueSchemaHarvester.class);

    private final Supplier<GlueClient> glue;
    private final Optional<String> catalogId;
    private volatile GlueClient client;

    @Inject
    GlueSchemaHarvester(AwsClients aws,
            @ConfigProperty(name = "agora.aws.glue.endpoint") Optional<URI> endpoint,
            @ConfigProperty(name = "agora.aws.glue.catalog-id") Optional<String> catalogId) {
        this(() -> aws.build(GlueClient.builder(), endpoint), catalogId);
    }

    /** For a client built elsewhere, such as one pointed at a test stub. */
    public GlueSchemaHarvester(GlueClient client, Optional<String> catalogId) {
        this(() -> client, catalogId);
    }

    private GlueSchemaHarvester(Supplier<GlueClient> glue, Optional<String> catalogId) {
        this.glue = glue;
        this.catalogId = catalogId;
    }

    @Override
    public PortType portType() {
        return PortType.GLUE_TABLE;
    }

    @Override
    public Outcome harvest(String location) {
        PortLocation.TableName name = PortLocation.glueTable(location);
        GetTableRequest.Builder request = GetTableRequest.builder().databaseName(name.schema()).name(name.table());
        catalogId.ifPresent(request::catalogId);
        try {
            Table table = client().getTable(request.build()).table();
            List<ColumnSchema> columns = new ArrayList<>();
            if (table.storageDescriptor() != null) {
                table.storageDescriptor().columns().forEach(column -> columns.add(schemaOf(column, "")));
            }
            table.partitionKeys().forEach(column -> columns.add(schemaOf(column, "(partition key) ")));
            return columns.isEmpty()
                    ? new Outcome.NotFound("the Glue table " + name.schema() + "/" + name.table() + " has no columns")
                    : new Outcome.Found(columns);
        } catch (EntityNotFoundException missing) {
            return new Outcome.NotFound("there is no Glue table " + name.schema() + "/" + name.table());
        } catch (SdkException failed) {
            LOG.warnf("Glue GetTable %s/%s failed: %s", name.schema(), name.table(), failed.getMessage());
            return new Outcome.Unavailable("AWS Glue could not be asked: " + failed.getMessage());
        }
    }

    private static ColumnSchema schemaOf(Column column, String prefix) {
        String comment = column.comment() == null ? "" : column.comment();
        String description = prefix + comment;
        return new ColumnSchema(column.name(), column.type(), description.strip(), PiiHint.likelyPersonal(column.name()));
    }

    private GlueClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = glue.get();
                }
            }
        }
        return client;
    }
}
