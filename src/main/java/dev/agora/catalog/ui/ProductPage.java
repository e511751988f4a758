package dev.agora.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.platform.Refusal;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** A data product's page: what it is, who owns it, its ports with their schemas, its versions. */
@Route(value = "catalog/:" + ProductPage.SLUG, layout = MainLayout.class)
@PermitAll
class ProductPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SLUG = "slug";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneId.systemDefault());

    private final CatalogService catalog;
    private final String username;
    private final Instance<ProductPageExtension> extensions;
    private String title = "Data product · Agora";

    ProductPage(CatalogService catalog, SecurityIdentity identity, Instance<ProductPageExtension> extensions) {
        this.catalog = catalog;
        this.username = identity.getPrincipal().getName();
        this.extensions = extensions;
        addClassName("product-page");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get(SLUG).orElse("");
        show(slug);
    }

    private void show(String slug) {
        removeAll();
        catalog.find(slug, username).ifPresentOrElse(this::show, () -> {
            title = "Not found · Agora";
            add(new EmptyState("There is no data product “" + slug + "”",
                    "It may have been renamed, or it is a draft of a team you do not belong to."));
        });
    }

    private void show(ProductDetails product) {
        title = product.name() + " · Agora";
        H2 name = new H2(product.name());
        HorizontalLayout header = new HorizontalLayout(name, Badges.classification(product.classification()),
                Badges.status(product.status()), versionBadge(product));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.addClassName("product-header");
        add(header, facts(product), actions(product));
        extensions.stream().sorted(java.util.Comparator.comparingInt(ProductPageExtension::order))
                .forEach(extension -> extension.notices(product, username).forEach(this::add));
        if (product.classificationProposal() != null) {
            add(classificationProposal(product));
        }

        if (product.deprecationNote() != null) {
            Paragraph note = new Paragraph("Deprecated: " + product.deprecationNote());
            note.addClassName("deprecation-note");
            add(note);
        }
        if (product.isDraft()) {
            add(readiness(product));
        }
        Div description = new Div(new Html("<div>" + product.descriptionHtml() + "</div>"));
        description.addClassNames("card", "product-description");
        add(description);
        Div tags = new Div();
        tags.addClassName("tags");
        product.tags().forEach(tag -> tags.add(Badges.tag(tag)));
        add(tags);

        add(new H3("Output ports"));
        product.outputPorts().forEach(port -> add(port(port)));
        add(new H3("Versions"));
        UnorderedList versions = new UnorderedList();
        versions.addClassName("versions");
        java.util.List<ProductDetails.VersionEntry> newestFirst = new java.util.ArrayList<>(product.versions());
        java.util.Collections.reverse(newestFirst);
        newestFirst.forEach(version -> {
            ListItem item = new ListItem(new Span(version.version()), new Span(" · "
                    + DAY.format(version.createdAt()) + " · " + version.createdBy() + " — "),
                    new Span(version.changelog()));
            if (version.deprecatedUntil() != null) {
                // superseded by a major version: consumers see until when they may stay on it
                Span until = new Span("deprecated, usable until " + DAY.format(version.deprecatedUntil()));
                until.getElement().getThemeList().add("badge error");
                until.addClassName("deprecated-until");
                item.addComponentAtIndex(1, until);
            }
            versions.add(item);
        });
        add(versions);
        extensions.stream().sorted(java.util.Comparator.comparingInt(ProductPageExtension::order))
                .forEach(extension -> extension.sections(product, username).forEach(this::add));
    }

    /** A lower classification waiting for a steward: who proposed it, and Agree / Reject for those who decide. */
    private Component classificationProposal(ProductDetails product) {
        var proposal = product.classificationProposal();
        Div card = new Div();
        card.addClassNames("card", "classification-proposal");
        card.setId("classification-proposal");
        card.add(new Paragraph(proposal.proposedBy() + " proposes to lower the classification from "
                + product.classification() + " to " + proposal.classification() + " (" + DAY.format(proposal.proposedAt())
                + "). It applies once a steward of domain " + product.domain() + " from outside team "
                + product.ownerTeam() + " (or an administrator) agrees; until then the product stays "
                + product.classification() + "."));
        HorizontalLayout buttons = new HorizontalLayout();
        if (catalog.mayDecideClassificationProposal(product, username).allowed()) {
            Button agree = new Button("Agree", click -> act(product.slug(),
                    () -> catalog.agreeToClassificationProposal(product.slug(), username),
                    "The product is now " + proposal.classification() + "."));
            agree.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            agree.setId("agree-classification");
            buttons.add(agree);
        }
        if (catalog.mayWithdrawClassificationProposal(product, username).allowed()) {
            TextField reason = new TextField();
            reason.setPlaceholder("Why (optional)");
            Button reject = new Button("Reject", click -> act(product.slug(),
                    () -> catalog.rejectClassificationProposal(product.slug(), reason.getValue(), username),
                    "The proposal is withdrawn; the product stays " + product.classification() + "."));
            reject.setId("reject-classification");
            buttons.add(reason, reject);
        }
        card.add(buttons);
        return card;
    }

    private static Span versionBadge(ProductDetails product) {
        Span version = new Span("v" + product.version());
        version.getElement().getThemeList().add("badge contrast");
        return version;
    }

    private static Component facts(ProductDetails product) {
        Div facts = new Div();
        facts.addClassName("product-facts");
        Anchor team = new Anchor(dev.agora.ui.TeamPage.path(product.ownerTeam()), product.ownerTeamName());
        team.addClassName("fact-value");
        team.setId("owner-team-link");
        facts.add(fact("Domain", product.domain()), fact("Owner team", team),
                fact("Owners", product.owners().isEmpty() ? "—" : String.join(", ", product.owners())),
                fact("Contact", product.contact() == null ? "—" : product.contact()),
                fact("Freshness", product.freshness() == null ? "—" : product.freshness()));
        return facts;
    }

    private static Component fact(String label, String value) {
        Span detail = new Span(value);
        detail.addClassName("fact-value");
        return fact(label, detail);
    }

    private static Component fact(String label, Component detail) {
        Span term = new Span(label);
        term.addClassName("fact-label");
        Div fact = new Div(term, detail);
        fact.addClassName("fact");
        return fact;
    }

    private Component actions(ProductDetails product) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("product-actions");
        extensions.forEach(extension -> extension.actions(product, username).forEach(actions::add));
        if (!catalog.mayChange(product, username)) {
            return actions;
        }
        RouterLink edit = new RouterLink("Edit", ProductForm.class, new RouteParameters(SLUG, product.slug()));
        edit.addClassName("edit-link");
        actions.add(edit);
        if (product.isDraft()) {
            Button publish = new Button("Publish", click -> act(product.slug(),
                    () -> catalog.publish(product.slug(), username), "Published: everyone can find it now."));
            publish.setEnabled(product.readiness().ready());
            publish.setId("publish");
            actions.add(publish);
        }
        if (product.status() != dev.agora.catalog.ProductStatus.DEPRECATED) {
            actions.add(new Button("New version", click -> newVersion(product)));
        }
        if (product.status() == dev.agora.catalog.ProductStatus.PUBLISHED) {
            Button deprecate = new Button("Deprecate", click -> deprecate(product));
            deprecate.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(deprecate);
        }
        return actions;
    }

    private static Component readiness(ProductDetails product) {
        Div checklist = new Div();
        ReadinessChecklist.show(checklist, product.readiness().ready(), product.readiness().checklist());
        return checklist;
    }

    private static Component port(ProductDetails.Port port) {
        Div card = new Div();
        card.addClassNames("card", "port");
        Span type = new Span(port.type().wireName());
        type.getElement().getThemeList().add("badge contrast");
        HorizontalLayout header = new HorizontalLayout(new H4(port.name()), type, new Span(port.location()));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Grid<ColumnSchema> columns = new Grid<>();
        columns.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        columns.addColumn(ColumnSchema::name).setHeader("Column").setAutoWidth(true);
        columns.addColumn(ColumnSchema::type).setHeader("Type").setAutoWidth(true);
        columns.addColumn(ColumnSchema::description).setHeader("Description").setFlexGrow(3);
        columns.addComponentColumn(column -> {
            Span pii = new Span(column.pii() ? "PII" : "");
            if (column.pii()) {
                pii.getElement().getThemeList().add("badge error small");
            }
            return pii;
        }).setHeader("Personal data").setAutoWidth(true);
        columns.setItems(port.columns());
        columns.setAllRowsVisible(true);
        card.add(header, port.columns().isEmpty() ? new Paragraph("No schema described yet.") : columns);
        return card;
    }

    private void newVersion(ProductDetails product) {
        TextField version = new TextField("Version");
        version.setPlaceholder("e.g. " + product.version());
        version.setRequired(true);
        TextArea changelog = new TextArea("What changed");
        changelog.setRequired(true);
        changelog.setWidthFull();
        Dialog dialog = new Dialog(new VerticalLayout(version, changelog));
        dialog.setHeaderTitle("New version of " + product.name());
        Button save = new Button("Record version", click -> {
            try {
                catalog.addVersion(product.slug(), version.getValue(), changelog.getValue(), null, username);
                dialog.close();
                Notification.show("Version " + version.getValue() + " recorded.", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                show(product.slug());
            } catch (Refusal refusal) {
                refusal.fieldProblems().forEach(problem -> {
                    if (problem.field().equals("version")) {
                        version.setErrorMessage(problem.message());
                        version.setInvalid(true);
                    } else {
                        changelog.setErrorMessage(problem.message());
                        changelog.setInvalid(true);
                    }
                });
                if (refusal.fieldProblems().isEmpty()) {
                    error(refusal.reason());
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void deprecate(ProductDetails product) {
        TextArea reason = new TextArea("Why, and what consumers should use instead");
        reason.setWidthFull();
        reason.setRequired(true);
        Dialog dialog = new Dialog(reason);
        dialog.setHeaderTitle("Deprecate " + product.name());
        dialog.setWidth("32em");
        Button confirm = new Button("Deprecate", click -> {
            try {
                catalog.deprecate(product.slug(), reason.getValue(), username);
                dialog.close();
                show(product.slug());
            } catch (Refusal refusal) {
                reason.setErrorMessage(refusal.fieldProblems().isEmpty() ? refusal.reason()
                        : refusal.fieldProblems().get(0).message());
                reason.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    private void act(String slug, Supplier<ProductDetails> action, String success) {
        try {
            action.get();
            Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(slug);
        } catch (Refusal refusal) {
            error(refusal.reason());
        }
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
