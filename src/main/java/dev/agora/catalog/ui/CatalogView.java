package dev.agora.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.search.CatalogSearch;
import dev.agora.catalog.search.Facet;
import dev.agora.catalog.search.SearchQuery;
import dev.agora.catalog.search.SearchResult;
import dev.agora.catalog.search.SortOrder;
import dev.agora.catalog.search.Suggestion;
import dev.agora.catalog.search.Visibility;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The searchable catalog: one search box with name suggestions as you type, facets with counts, result cards
 * and paging. The words searched for are kept in the address (?q=…), so a search can be shared.
 */
@Route(value = "catalog", layout = MainLayout.class)
@PageTitle("Catalog · Agora")
@Menu(order = 1, title = "Catalog", icon = "vaadin:database")
@PermitAll
class CatalogView extends VerticalLayout implements BeforeEnterObserver {

    private static final int PAGE_SIZE = 10;
    private static final Map<Facet, String> FACET_TITLES = Map.of(Facet.DOMAIN, "Domain", Facet.TEAM, "Owner team",
            Facet.CLASSIFICATION, "Classification", Facet.TAG, "Tag", Facet.TYPE, "Port type", Facet.STATUS, "Status");

    private final CatalogSearch search;
    private final Visibility visibility;
    private final ComboBox<Suggestion> searchBox = new ComboBox<>();
    private final Map<Facet, CheckboxGroup<String>> facetBoxes = new EnumMap<>(Facet.class);
    private final Select<SortOrder> sort = new Select<>();
    private final Checkbox includeDeprecated = new Checkbox("Include deprecated");
    private final Span summary = new Span();
    private final Div results = new Div();
    private final Button previous = new Button("Previous", VaadinIcon.ANGLE_LEFT.create());
    private final Button next = new Button("Next", VaadinIcon.ANGLE_RIGHT.create());
    private String text = "";
    private int page;
    private boolean updatingFacets;

    CatalogView(CatalogSearch search, CatalogService catalog, SecurityIdentity identity) {
        this.search = search;
        String username = identity.getPrincipal().getName();
        this.visibility = search.visibilityOf(username);
        addClassName("catalog-view");
        setWidthFull();

        HorizontalLayout heading = new HorizontalLayout(new H2("Catalog"));
        heading.setWidthFull();
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (!catalog.teamsForNewProducts(username).isEmpty()) {
            Div spacer = new Div();
            heading.addAndExpand(spacer);
            heading.add(CatalogNavigation.linkToPublishForm("Publish a data product"));
        }
        add(heading, searchBar(), body());
    }

    private Component searchBar() {
        searchBox.setPlaceholder("Search products, tags, columns …");
        searchBox.setPrefixComponent(VaadinIcon.SEARCH.create());
        searchBox.setAllowCustomValue(true);
        searchBox.setClearButtonVisible(true);
        searchBox.setItemLabelGenerator(Suggestion::name);
        searchBox.setItems(query -> {
            String typed = query.getFilter().orElse("");
            int offset = query.getOffset();
            int limit = query.getLimit();
            return typed.isBlank() ? java.util.stream.Stream.empty()
                    : search.suggest(typed, visibility).stream().skip(offset).limit(limit);
        });
        searchBox.addClassName("search-box");
        searchBox.setId("catalog-search");
        searchBox.setWidthFull();
        searchBox.addCustomValueSetListener(event -> searchFor(event.getDetail()));
        searchBox.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                CatalogNavigation.toProduct(event.getValue().slug());
            } else if (event.isFromClient()) {
                searchFor("");
            }
        });

        sort.setItems(SortOrder.values());
        sort.setItemLabelGenerator(order -> switch (order) {
            case RELEVANCE -> "Best match";
            case NEWEST -> "Newest";
            case NAME -> "Name";
        });
        sort.setValue(SortOrder.RELEVANCE);
        sort.setWidth("10em");
        sort.setAriaLabel("Sort by");
        sort.addValueChangeListener(event -> runSearch(0));
        includeDeprecated.addValueChangeListener(event -> runSearch(0));

        HorizontalLayout bar = new HorizontalLayout(searchBox, sort, includeDeprecated);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(searchBox);
        return bar;
    }

    private Component body() {
        VerticalLayout facets = new VerticalLayout();
        facets.addClassName("facets");
        facets.setPadding(false);
        facets.setWidth("16em");
        for (Facet facet : Facet.values()) {
            CheckboxGroup<String> box = new CheckboxGroup<>(FACET_TITLES.get(facet));
            box.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            box.setId("facet-" + facet.parameter());
            box.addValueChangeListener(event -> {
                if (!updatingFacets) {
                    runSearch(0);
                }
            });
            facetBoxes.put(facet, box);
            facets.add(box);
        }

        previous.addClickListener(event -> runSearch(page - 1));
        next.addClickListener(event -> runSearch(page + 1));
        next.setIconAfterText(true);
        HorizontalLayout paging = new HorizontalLayout(previous, next);
        summary.addClassName("result-summary");
        results.addClassName("results");
        VerticalLayout list = new VerticalLayout(summary, results, paging);
        list.setPadding(false);

        HorizontalLayout body = new HorizontalLayout(facets, list);
        body.setWidthFull();
        body.expand(list);
        return body;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> q = event.getLocation().getQueryParameters().getParameters().getOrDefault("q", List.of());
        text = q.isEmpty() ? "" : q.get(0);
        runSearch(0);
    }

    private void searchFor(String words) {
        text = words == null ? "" : words.strip();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                text.isEmpty() ? "catalog" : "catalog?" + QueryParameters.of("q", text).getQueryString()));
        runSearch(0);
    }

    private void runSearch(int wantedPage) {
        page = Math.max(0, wantedPage);
        Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        facetBoxes.forEach((facet, box) -> {
            if (!box.getValue().isEmpty()) {
                filters.put(facet, box.getValue());
            }
        });
        SearchResult result = search.search(new SearchQuery(text, filters, includeDeprecated.getValue(),
                sort.getValue(), page, PAGE_SIZE, visibility));
        showFacets(result);
        showResults(result);
    }

    private void showFacets(SearchResult result) {
        updatingFacets = true;
        try {
            facetBoxes.forEach((facet, box) -> {
                Map<String, Long> counts = result.facets().getOrDefault(facet.parameter(), Map.of());
                Set<String> selected = new LinkedHashSet<>(box.getValue());
                Set<String> values = new LinkedHashSet<>(counts.keySet());
                values.addAll(selected);
                box.setItems(values);
                box.setItemLabelGenerator(value -> value + " (" + counts.getOrDefault(value, 0L) + ")");
                box.setValue(selected);
                box.setVisible(!values.isEmpty());
            });
        } finally {
            updatingFacets = false;
        }
    }

    private void showResults(SearchResult result) {
        results.removeAll();
        long total = result.total();
        summary.setText(total == 0 ? "" : (result.exact() ? "" : "about ") + total
                + (total == 1 ? " data product" : " data products")
                + (text.isEmpty() ? "" : " for “" + text + "”")
                + (result.broadened() ? " — none has every word, these have some of them" : ""));
        if (result.items().isEmpty()) {
            results.add(new EmptyState(text.isEmpty() ? "No data products here yet" : "Nothing matches “" + text + "”",
                    text.isEmpty() ? "Published data products appear here." : "Try fewer words or remove a filter."));
        }
        result.items().forEach(hit -> results.add(card(hit)));
        previous.setEnabled(page > 0);
        next.setEnabled((long) (page + 1) * PAGE_SIZE < total);
        previous.setVisible(total > PAGE_SIZE);
        next.setVisible(total > PAGE_SIZE);
    }

    private static Component card(SearchResult.Hit hit) {
        Div card = new Div();
        card.addClassName("product-card");
        H3 title = new H3(CatalogNavigation.linkToProduct(hit.name(), hit.slug()));
        HorizontalLayout header = new HorizontalLayout(title, Badges.classification(hit.classification()));
        if (!"PUBLISHED".equals(hit.status())) {
            header.add(Badges.status(hit.status()));
        }
        Badges.quality(hit.qualityScore(), hit.qualityIssue()).forEach(header::add);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Span owner = new Span("Domain " + hit.domain() + " · owned by " + hit.ownerTeam());
        owner.addClassName("product-owner");
        // the snippet is HTML-escaped text in which the index only added <mark> elements
        Html snippet = new Html("<p class=\"snippet\">" + hit.snippet() + "</p>");
        Div tags = new Div();
        tags.addClassName("tags");
        hit.tags().forEach(tag -> tags.add(Badges.tag(tag)));
        card.add(header, owner, snippet, tags);
        return card;
    }
}
