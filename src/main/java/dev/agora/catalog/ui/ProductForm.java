package dev.agora.catalog.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.Classification;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.PortContent;
import dev.agora.catalog.PortType;
import dev.agora.catalog.ProductContent;
import dev.agora.catalog.ProductDescription;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ProductDraft;
import dev.agora.catalog.PublishingReadiness;
import dev.agora.catalog.harvest.SchemaHarvester;
import dev.agora.platform.Refusal;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publish form: a new product, or the edit of an existing one. Port schemas are read from where the data
 * lives with one click; the checklist beside the form says what is still missing before it can be published.
 * All rules are the catalog's own: what it refuses is shown on the field concerned.
 */
@Route(value = "catalog/new", layout = MainLayout.class)
@RouteAlias(value = "catalog/:" + ProductPage.SLUG + "/edit", layout = MainLayout.class)
@PermitAll
class ProductForm extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Pattern PORT_FIELD = Pattern.compile("^outputPorts\\[(\\d+)](?:\\.columns\\[(\\d+)])?\\.?(\\w*)$");

    private final CatalogService catalog;
    private final String username;

    private final TextField name = new TextField("Name");
    private final Select<String> ownerTeam = new Select<>();
    private final Select<Classification> classification = new Select<>();
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    private final TextArea description = new TextArea();
    private final Div preview = new Div();
    private final TextField contact = new TextField("Contact");
    private final TextField freshness = new TextField("Freshness");
    private final TextField version = new TextField("Version");
    private final VerticalLayout ports = new VerticalLayout();
    private final List<PortEditor> portEditors = new ArrayList<>();
    private final Div checklist = new Div();
    private final Button save = new Button();
    private final Button saveAndPublish = new Button("Save and publish");
    private final Set<String> tagItems = new LinkedHashSet<>();

    private ProductDetails editing;
    private String title = "Publish a data product · Agora";

    private final dev.agora.catalog.contract.ContractService contracts;
    private final dev.agora.catalog.quality.QualityChecks checks;
    private ContractTermsEditor terms;

    ProductForm(CatalogService catalog, SecurityIdentity identity, dev.agora.catalog.contract.ContractService contracts,
            dev.agora.catalog.quality.QualityChecks checks) {
        this.catalog = catalog;
        this.contracts = contracts;
        this.checks = checks;
        this.username = identity.getPrincipal().getName();
        addClassName("product-form");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<String> slug = event.getRouteParameters().get(ProductPage.SLUG);
        List<String> teams = catalog.teamsForNewProducts(username);
        if (slug.isPresent()) {
            Optional<ProductDetails> product = catalog.find(slug.get(), username);
            if (product.isEmpty()) {
                add(new EmptyState("There is no data product “" + slug.get() + "”", "It may be a draft of another team."));
                return;
            }
            if (!catalog.mayChange(product.get(), username)) {
                add(new EmptyState("You cannot change “" + product.get().name() + "”",
                        "Only members of team " + product.get().ownerTeam() + " and administrators can."));
                return;
            }
            editing = product.get();
            title = "Edit " + editing.name() + " · Agora";
        } else if (teams.isEmpty()) {
            add(new EmptyState("You belong to no team yet",
                    "Data products are published by their owner team. Ask an administrator to add you to one."));
            return;
        }
        build(teams);
    }

    private void build(List<String> teams) {
        add(new H2(editing == null ? "Publish a data product" : "Edit " + editing.name()));
        name.setRequired(true);
        name.setMaxLength(120);
        name.setId("product-name");
        ownerTeam.setLabel("Owner team");
        List<String> teamChoices = new ArrayList<>(teams);
        if (editing != null && !teamChoices.contains(editing.ownerTeam())) {
            teamChoices.add(editing.ownerTeam());
        }
        ownerTeam.setItems(teamChoices);
        ownerTeam.setRequiredIndicatorVisible(true);
        classification.setLabel("Classification");
        classification.setItems(Classification.values());
        classification.setRequiredIndicatorVisible(true);
        classification.setHelperText("Decides who approves access and for how long");
        tags.setAllowCustomValue(true);
        tags.setHelperText("Type a tag and press Enter");
        tags.addCustomValueSetListener(event -> {
            String tag = event.getDetail().strip().toLowerCase().replaceAll("\\s+", "-");
            if (!tag.isEmpty()) {
                tagItems.add(tag);
                tags.setItems(tagItems);
                Set<String> selected = new LinkedHashSet<>(tags.getValue());
                selected.add(tag);
                tags.setValue(selected);
            }
        });
        contact.setHelperText("An e-mail address or a chat channel consumers can ask");
        freshness.setHelperText("How fresh the data is: \"Daily by 06:00 UTC\"");
        version.setHelperText("Semantic version; later versions are recorded with a changelog");
        version.setValue("1.0.0");

        FormLayout basics = new FormLayout(name, ownerTeam, classification, tags, contact, freshness, version);
        basics.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        version.setVisible(editing == null);

        description.setWidthFull();
        description.setMinHeight("10em");
        description.setHelperText("Markdown: **bold**, lists, links. What is in it, how it is made, what to mind.");
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.setId("product-description");
        preview.addClassName("product-description");
        TabSheet descriptionTabs = new TabSheet();
        descriptionTabs.setWidthFull();
        descriptionTabs.add("Description", description);
        descriptionTabs.add("Preview", preview);
        descriptionTabs.addSelectedChangeListener(event -> preview.getElement().setProperty("innerHTML",
                ProductDescription.toSafeHtml(description.getValue())));

        ports.setPadding(false);
        Button addPort = new Button("Add output port", VaadinIcon.PLUS.create(), click -> addPort(null));
        addPort.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        terms = new ContractTermsEditor(() -> portEditors.stream().map(PortEditor::content).toList(),
                ownerTeam::getValue, checks, username);
        VerticalLayout form = new VerticalLayout(basics, descriptionTabs, new H3("Output ports"), ports, addPort,
                terms);
        form.setPadding(false);
        checklist.addClassNames("card", "readiness");
        checklist.setWidth("20em");
        HorizontalLayout columns = new HorizontalLayout(form, checklist);
        columns.setWidthFull();
        columns.expand(form);
        add(columns);

        save.setText(editing == null ? "Save as draft" : "Save changes");
        save.setId("save-product");
        save.addThemeVariants(editing == null ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> submit(false));
        saveAndPublish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveAndPublish.addClickListener(click -> submit(true));
        saveAndPublish.setVisible(editing == null || editing.isDraft());
        Button cancel = new Button("Cancel", click -> {
            if (editing == null) {
                CatalogNavigation.toSearch();
            } else {
                CatalogNavigation.toProduct(editing.slug());
            }
        });
        add(new HorizontalLayout(save, saveAndPublish, cancel));

        fill();
        List.of(name, contact, freshness).forEach(field -> field.addValueChangeListener(event -> refreshChecklist()));
        description.addValueChangeListener(event -> refreshChecklist());
        ownerTeam.addValueChangeListener(event -> refreshChecklist());
        classification.addValueChangeListener(event -> refreshChecklist());
        refreshChecklist();
    }

    private void fill() {
        if (editing == null) {
            if (ownerTeam.getListDataView().getItemCount() == 1) {
                ownerTeam.setValue(ownerTeam.getListDataView().getItem(0));
            }
            addPort(null);
            return;
        }
        name.setValue(editing.name());
        ownerTeam.setValue(editing.ownerTeam());
        classification.setValue(editing.classification());
        tagItems.addAll(editing.tags());
        tags.setItems(tagItems);
        tags.setValue(new LinkedHashSet<>(editing.tags()));
        description.setValue(editing.description());
        contact.setValue(editing.contact() == null ? "" : editing.contact());
        freshness.setValue(editing.freshness() == null ? "" : editing.freshness());
        version.setValue(editing.version());
        editing.outputPorts().forEach(port -> addPort(new PortContent(port.name(), port.type(), port.location(),
                port.columns())));
        terms.fill(contracts.termsOf(editing.id()));
    }

    private void addPort(PortContent content) {
        PortEditor editor = new PortEditor(content);
        portEditors.add(editor);
        ports.add(editor);
        refreshChecklist();
    }

    private void refreshChecklist() {
        PublishingReadiness readiness = PublishingReadiness.of(new ProductContent(name.getValue(),
                description.getValue(), Set.of(), classification.getValue(), contact.getValue(), null,
                portEditors.stream().map(PortEditor::content).toList()), ownerTeam.getValue() != null);
        ReadinessChecklist.show(checklist, readiness.ready(), readiness.items());
        saveAndPublish.setEnabled(readiness.ready());
    }

    private ProductDraft draft() {
        return new ProductDraft(name.getValue(), editing == null ? null : editing.slug(), null, ownerTeam.getValue(),
                description.getValue(), tags.getValue(), classification.getValue(),
                editing == null ? version.getValue() : editing.version(), contact.getValue(), freshness.getValue(),
                portEditors.stream().map(PortEditor::draft).toList());
    }

    private void submit(boolean publish) {
        clearErrors();
        try {
            // read before anything is saved, so that a value that cannot be read loses nothing
            dev.agora.catalog.contract.ContractTerms entered = terms.terms();
            ProductDetails saved = editing == null ? catalog.create(draft(), username)
                    : catalog.revise(editing.slug(), draft(), editing.rowVersion(), username);
            try {
                // only a real change: every save of the form would otherwise write a contract-replaced event
                dev.agora.catalog.contract.ContractTerms current = contracts.termsOf(saved.id());
                if (!entered.equals(current) && !(ContractTermsEditor.isEmpty(entered)
                        && ContractTermsEditor.isEmpty(current))) {
                    contracts.replaceTerms(saved.slug(), entered, username);
                }
            } catch (Refusal refused) {
                // the product is saved; the form stays on it as an edit, with the rules as entered
                editing = saved;
                save.setText("Save changes");
                throw refused;
            }
            if (publish) {
                saved = catalog.publish(saved.slug(), username);
            }
            String proposal = saved.classificationProposal() == null ? ""
                    : " The lower classification " + saved.classificationProposal().classification()
                            + " waits for a steward of domain " + saved.domain() + "; until then it stays "
                            + saved.classification() + ".";
            Notification.show((publish ? "Published: everyone can find “" + saved.name() + "” now."
                            : "Saved “" + saved.name() + "”.") + proposal, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            CatalogNavigation.toProduct(saved.slug());
        } catch (Refusal refusal) {
            List<String> unplaced = new ArrayList<>();
            refusal.fieldProblems().forEach(problem -> {
                Optional<HasValidation> field = fieldFor(problem.field());
                if (field.isPresent()) {
                    field.get().setErrorMessage(problem.message());
                    field.get().setInvalid(true);
                } else {
                    unplaced.add(problem.message());
                }
            });
            String message = refusal.fieldProblems().isEmpty() ? refusal.reason()
                    : unplaced.isEmpty() ? "Please correct the marked fields." : String.join("; ", unplaced);
            Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void clearErrors() {
        List.<HasValidation>of(name, ownerTeam, classification, tags, description, contact, freshness, version)
                .forEach(field -> field.setInvalid(false));
        portEditors.forEach(PortEditor::clearErrors);
    }

    private Optional<HasValidation> fieldFor(String path) {
        Matcher port = PORT_FIELD.matcher(path);
        if (port.matches()) {
            int index = Integer.parseInt(port.group(1));
            return index < portEditors.size() ? portEditors.get(index).fieldFor(
                    port.group(2) == null ? -1 : Integer.parseInt(port.group(2)), port.group(3)) : Optional.empty();
        }
        return Optional.ofNullable(switch (path.replaceAll("\\[\\d+]$", "")) {
            case "name" -> name;
            case "ownerTeam", "domain" -> ownerTeam;
            case "classification" -> classification;
            case "tags" -> tags;
            case "description" -> description;
            case "contact" -> contact;
            case "freshness" -> freshness;
            case "version" -> version;
            default -> null;
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** One output port: its name, type, location and columns, with a button that reads the columns. */
    private final class PortEditor extends Div {

        private final TextField portName = new TextField("Port name");
        private final Select<PortType> type = new Select<>();
        private final TextField location = new TextField("Location");
        private final VerticalLayout columnRows = new VerticalLayout();
        private final List<ColumnRow> rows = new ArrayList<>();
        private final Paragraph harvestNote = new Paragraph();

        PortEditor(PortContent content) {
            addClassNames("card", "port-editor");
            portName.setRequired(true);
            type.setLabel("Type");
            type.setItems(PortType.values());
            type.setItemLabelGenerator(PortType::wireName);
            type.setValue(content == null ? PortType.POSTGRES_TABLE : content.type());
            location.setPlaceholder("lake.orders");
            location.setHelperText("schema.table · Glue database/table · s3://bucket/prefix/ · stream name");
            location.setWidth("22em");
            Button harvest = new Button("Read columns", VaadinIcon.DOWNLOAD.create(), click -> harvest());
            harvest.addClassName("harvest");
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                portEditors.remove(this);
                ports.remove(this);
                refreshChecklist();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove this port");
            HorizontalLayout header = new HorizontalLayout(portName, type, location, harvest, remove);
            header.setAlignItems(FlexComponent.Alignment.BASELINE);
            header.setWrap(true);
            columnRows.setPadding(false);
            columnRows.setSpacing(false);
            Button addColumn = new Button("Add column", VaadinIcon.PLUS.create(), click -> addRow(null));
            addColumn.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            harvestNote.addClassName("harvest-note");
            add(header, harvestNote, columnRows, addColumn);
            if (content != null) {
                portName.setValue(content.name());
                location.setValue(content.location());
                content.columns().forEach(this::addRow);
            }
            portName.addValueChangeListener(event -> refreshChecklist());
            location.addValueChangeListener(event -> {
                // a port is usually named after its table or stream: propose that name
                if (portName.isEmpty() && !location.isEmpty()) {
                    portName.setValue(location.getValue().strip().replaceAll("/+$", "").replaceAll("^.*[./:]", ""));
                }
                refreshChecklist();
            });
        }

        private void harvest() {
            location.setInvalid(false);
            if (type.getValue() == null) {
                return;
            }
            SchemaHarvester.Outcome outcome;
            try {
                outcome = catalog.harvest(type.getValue(), location.getValue(), ownerTeam.getValue(), username);
            } catch (Refusal refusal) {
                location.setErrorMessage(refusal.reason());
                location.setInvalid(true);
                return;
            }
            if (outcome instanceof SchemaHarvester.Outcome.Found found) {
                rows.clear();
                columnRows.removeAll();
                found.columns().forEach(this::addRow);
                harvestNote.setText(found.columns().size() + " columns read from " + location.getValue().strip()
                        + ". Check the descriptions and the personal-data marks.");
            } else if (outcome instanceof SchemaHarvester.Outcome.NotFound notFound) {
                location.setErrorMessage(notFound.reason());
                location.setInvalid(true);
            } else if (outcome instanceof SchemaHarvester.Outcome.Unavailable unavailable) {
                harvestNote.setText("Agora cannot read the columns: " + unavailable.reason() + ". Add them by hand.");
            }
            refreshChecklist();
        }

        private void addRow(ColumnSchema column) {
            ColumnRow row = new ColumnRow(column);
            rows.add(row);
            columnRows.add(row);
            refreshChecklist();
        }

        PortContent content() {
            return new PortContent(portName.getValue(), type.getValue(), location.getValue(),
                    rows.stream().map(ColumnRow::schema).toList());
        }

        ProductDraft.PortDraft draft() {
            boolean harvestable = type.getValue() == PortType.POSTGRES_TABLE || type.getValue() == PortType.GLUE_TABLE;
            // no columns typed for a table: let the catalog read them
            return new ProductDraft.PortDraft(portName.getValue(), type.getValue(), location.getValue(),
                    rows.isEmpty() && harvestable ? null : rows.stream().map(ColumnRow::schema).toList());
        }

        void clearErrors() {
            portName.setInvalid(false);
            type.setInvalid(false);
            location.setInvalid(false);
            rows.forEach(ColumnRow::clearErrors);
        }

        Optional<HasValidation> fieldFor(int column, String field) {
            if (column >= 0) {
                return column < rows.size() ? rows.get(column).fieldFor(field) : Optional.empty();
            }
            return Optional.ofNullable(switch (field) {
                case "name" -> portName;
                case "type" -> type;
                case "location", "columns", "" -> location;
                default -> null;
            });
        }

        /** A column: name and type (as read, or typed), description and the personal-data mark. */
        private final class ColumnRow extends HorizontalLayout {

            private final TextField columnName = new TextField();
            private final TextField columnType = new TextField();
            private final TextField columnDescription = new TextField();
            private final Checkbox pii = new Checkbox("PII");

            ColumnRow(ColumnSchema column) {
                addClassName("column-row");
                setAlignItems(FlexComponent.Alignment.BASELINE);
                columnName.setPlaceholder("column");
                columnName.setWidth("11em");
                columnType.setPlaceholder("type");
                columnType.setWidth("9em");
                columnDescription.setPlaceholder("What the column holds");
                columnDescription.setMinWidth("14em");
                columnDescription.setValueChangeMode(ValueChangeMode.LAZY);
                columnDescription.addValueChangeListener(event -> refreshChecklist());
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
                    rows.remove(this);
                    columnRows.remove(this);
                    refreshChecklist();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                remove.setAriaLabel("Remove this column");
                if (column != null) {
                    columnName.setValue(column.name());
                    columnType.setValue(column.type());
                    columnDescription.setValue(column.description());
                    pii.setValue(column.pii());
                }
                add(columnName, columnType, columnDescription, pii, remove);
                expand(columnDescription);
                setWidthFull();
            }

            ColumnSchema schema() {
                return new ColumnSchema(columnName.getValue().strip(), columnType.getValue().strip(),
                        columnDescription.getValue(), pii.getValue());
            }

            void clearErrors() {
                columnName.setInvalid(false);
                columnType.setInvalid(false);
            }

            Optional<HasValidation> fieldFor(String field) {
                return Optional.ofNullable(switch (field) {
                    case "name" -> columnName;
                    case "type" -> columnType;
                    default -> columnDescription;
                });
            }
        }
    }
}
