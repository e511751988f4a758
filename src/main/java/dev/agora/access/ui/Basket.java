package dev.agora.access.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The products a consumer collects to request together, kept for the browser session. */
final class Basket {

    /** A product in the basket. */
    record Item(String slug, String name) {}

    private static final String KEY = Basket.class.getName();

    private Basket() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Item> items() {
        VaadinSession session = VaadinSession.getCurrent();
        Map<String, Item> items = (Map<String, Item>) session.getAttribute(KEY);
        if (items == null) {
            items = new LinkedHashMap<>();
            session.setAttribute(KEY, items);
        }
        return items;
    }

    static void add(String slug, String name) {
        items().put(slug, new Item(slug, name));
    }

    static void remove(String slug) {
        items().remove(slug);
    }

    static boolean contains(String slug) {
        return items().containsKey(slug);
    }

    static List<Item> contents() {
        return new ArrayList<>(items().values());
    }

    static void clear() {
        items().clear();
    }
}
