package dev.agora.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.server.StreamResource;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.contract.ContractDocuments;
import dev.agora.catalog.contract.ContractService;
import dev.agora.catalog.contract.DataContract;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.contract.ServiceLevels;
import dev.agora.catalog.contract.odcs.OdcsReader;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * "Contract" on a product page: the service levels and, port by port, the schema (type, nullable, primary key,
 * PII) and the quality rules; a download of the ODCS YAML for everyone who sees the product, and an upload for who
 * may change it, applied as the API's PUT is, with every problem (line and field) shown until dismissed.
 */
@ApplicationScoped
class ProductContractSection implements ProductPageExtension {

    private final ContractService contracts;
    private final ContractDocuments documents;
    private final CatalogService catalog;

    ProductContractSection(ContractService contracts, ContractDocuments documents, CatalogService catalog) {
        this.contracts = contracts;
        this.documents = documents;
        this.catalog = catalog;
    }

    @Override
    public List<Component> actions(ProductDetails product, String viewer) {
        return List.of();
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Component> sections(ProductDetails product, String viewer) {
        Div section = new Div();
        section.setId("product-contract");
        section.addClassName("product-contract");
        fill(section, product.slug(), viewer);
        return List.of(section);
    }

    private void fill(Div section, String slug, String viewer) {
        section.removeAll();
        section.add(new H3("Contract"));
        DataContract contract = contracts.contract(slug, viewer).orElse(null);
        if (contract == null) {
            section.setVisible(false);
            return;
        }
        section.add(serviceLevels(contract.serviceLevels()));
        contract.ports().forEach(port -> section.add(port(port)));
        Anchor download = new Anchor(new StreamResource(contract.product() + ".odcs.yaml", () -> yaml(slug, viewer)),
                "Download contract (ODCS YAML)");
        download.getElement().setAttribute("download", true);
        download.setId("contract-download");
        Div tools = new Div(download);
        tools.addClassName("contract-tools");
        section.add(tools);
        ProductDetails product = catalog.find(slug, viewer).orElse(null);
        if (product != null && catalog.mayChange(product, viewer)) {
            tools.add(upload(section, slug, viewer));
        }
    }

    private InputStream yaml(String slug, String viewer) {
        return new ByteArrayInputStream(documents.export(slug, viewer).orElse("").getBytes(StandardCharsets.UTF_8));
    }

    private Component upload(Div section, String slug, String viewer) {
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId("contract-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(OdcsReader.MAX_BYTES);
        upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml");
        upload.setUploadButton(new Button("Upload contract (ODCS YAML)"));
        upload.setDropLabel(new Span("or drop the file here"));
        upload.addFileRejectedListener(rejected -> problems(section, List.of(rejected.getErrorMessage()),
                "The file was not accepted"));
        upload.addSucceededListener(done -> {
            String text;
            try (InputStream in = buffer.getInputStream()) {
                text = new String(in.readNBytes(OdcsReader.MAX_BYTES + 1), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                problems(section, List.of("The file could not be read: " + unreadable.getMessage()),
                        "The contract was not applied");
                return;
            }
            try {
                ContractDocuments.Applied applied = documents.apply(slug, text, null, viewer);
                fill(section, slug, viewer);
                Notification.show("Contract applied: version " + applied.version()
                        + (applied.changelog() == null ? "" : " — " + applied.changelog().lines().findFirst()
                        .orElse("")), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (Refusal refused) {
                List<String> lines = new ArrayList<>();
                refused.fieldProblems().forEach(p -> lines.add(p.field() + ": " + p.message()));
                if (lines.isEmpty()) {
                    lines.add(refused.reason());
                }
                upload.clearFileList();
                problems(section, lines, "The contract was not applied");
            }
        });
        return upload;
    }

    /** Every problem, each on its own line, in the section and in a notification that stays until closed. */
    private static void problems(Div section, List<String> problems, String title) {
        section.getChildren().filter(c -> "contract-problems".equals(c.getId().orElse(null))).toList()
                .forEach(section::remove);
        UnorderedList list = new UnorderedList();
        problems.forEach(problem -> list.add(new ListItem(problem)));
        Div shown = new Div(new Paragraph(title + ":"), list);
        shown.setId("contract-problems");
        shown.addClassNames("card", "contract-problems");
        section.add(shown);
        UnorderedList copy = new UnorderedList();
        problems.forEach(problem -> copy.add(new ListItem(problem)));
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setPosition(Notification.Position.MIDDLE);
        notification.setDuration(0);
        Button close = new Button("Close", click -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        notification.add(new Div(new Paragraph(title + ":"), copy, close));
        notification.open();
    }

    private static Component serviceLevels(ServiceLevels levels) {
        List<String> parts = new ArrayList<>();
        if (levels.freshness() != null) {
            parts.add("Freshness: newest data at most " + duration(levels.freshness()) + " old");
        }
        if (levels.updateFrequency() != null) {
            parts.add("Updated every " + duration(levels.updateFrequency()));
        }
        if (levels.supportChannel() != null) {
            parts.add("Support: " + levels.supportChannel());
        }
        if (levels.responseTime() != null) {
            parts.add("Answer within " + duration(levels.responseTime()));
        }
        Paragraph text = new Paragraph(parts.isEmpty() ? "No service levels promised." : String.join(" · ", parts));
        text.setId("contract-service-levels");
        return text;
    }

    private static Component port(DataContract.Port port) {
        Div card = new Div();
        card.addClassNames("card", "contract-port");
        card.add(new H4(port.name() + " (" + port.type() + " " + port.location() + ")"));
        if (!port.columns().isEmpty()) {
            Grid<ColumnSchema> columns = new Grid<>();
            columns.addColumn(ColumnSchema::name).setHeader("Column").setAutoWidth(true);
            columns.addColumn(ColumnSchema::type).setHeader("Type").setAutoWidth(true);
            columns.addColumn(c -> c.nullable() ? "nullable" : "not null").setHeader("Nullable").setAutoWidth(true);
            columns.addColumn(c -> c.primaryKey() ? "PK" : "").setHeader("Key").setAutoWidth(true);
            columns.addColumn(c -> c.pii() ? "PII" : "").setHeader("PII").setAutoWidth(true);
            columns.addColumn(ColumnSchema::description).setHeader("Description").setFlexGrow(1);
            columns.setItems(port.columns());
            columns.setAllRowsVisible(true);
            columns.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            columns.addClassName("contract-columns");
            card.add(columns);
        }
        UnorderedList rules = new UnorderedList();
        rules.addClassName("contract-rules");
        port.rules().forEach(rule -> rules.add(new ListItem(rule.name() + " — " + describe(rule))));
        card.add(port.rules().isEmpty() ? new Paragraph("No quality rules.") : rules);
        return card;
    }

    /** A rule in a sentence: "null rate of amount at most 0.5 %". */
    static String describe(QualityRule rule) {
        if (rule instanceof QualityRule.RowCount count) {
            return "row count" + bounds(count.min(), count.max());
        }
        if (rule instanceof QualityRule.NullRate rate) {
            return "null rate of " + rate.column() + " at most " + rate.maxPercent().toPlainString() + " %";
        }
        if (rule instanceof QualityRule.Unique unique) {
            return "unique " + String.join(", ", unique.keyColumns());
        }
        if (rule instanceof QualityRule.AcceptedValues accepted) {
            return accepted.column() + " is one of " + String.join(", ", accepted.values());
        }
        if (rule instanceof QualityRule.ValueRange range) {
            return range.column() + bounds(range.min(), range.max());
        }
        if (rule instanceof QualityRule.Freshness fresh) {
            return "newest " + fresh.column() + " at most " + duration(fresh.maxAge()) + " old";
        }
        return "custom SQL finds no offending rows";
    }

    private static String bounds(Object min, Object max) {
        String low = min == null ? null : min instanceof java.math.BigDecimal d ? d.toPlainString() : min.toString();
        String high = max == null ? null : max instanceof java.math.BigDecimal d ? d.toPlainString() : max.toString();
        return low != null && high != null ? " between " + low + " and " + high
                : low != null ? " at least " + low : " at most " + high;
    }

    static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
