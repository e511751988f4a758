package dev.agora.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * What consumers need before a product may be published, as a checklist: each item says what is missing in
 * words a producer can act on. Shown by the publish form, and the reason the API gives when it refuses.
 */
public final class PublishingReadiness {

    static final int MIN_DESCRIPTION_WORDS = 8;

    /** One line of the checklist. */
    public record Item(String requirement, boolean met, String missing) {}

    private final List<Item> items;

    private PublishingReadiness(List<Item> items) {
        this.items = List.copyOf(items);
    }

    public static PublishingReadiness of(DataProduct product) {
        return of(product.content(), product.ownerTeam() != null);
    }

    public static PublishingReadiness of(ProductContent content, boolean hasOwnerTeam) {
        List<Item> items = new ArrayList<>();
        int words = ProductDescription.wordCount(content.description());
        items.add(new Item("A description of some substance", words >= MIN_DESCRIPTION_WORDS,
                "a description of at least " + MIN_DESCRIPTION_WORDS + " words (it has " + words + ")"));
        items.add(new Item("An owner team", hasOwnerTeam, "an owner team"));
        items.add(new Item("A classification", content.classification() != null, "a classification"));
        items.add(new Item("A contact", content.contact() != null && !content.contact().isBlank(),
                "a contact (an e-mail address or a channel)"));
        boolean hasPortWithSchema = content.ports().stream().anyMatch(port -> !port.columns().isEmpty());
        items.add(new Item("An output port with a schema", hasPortWithSchema,
                "at least one output port with its columns"));
        List<String> undescribed = content.ports().stream()
                .flatMap(port -> port.columns().stream()
                        .filter(column -> !column.isDescribed())
                        .map(column -> port.name() + "." + column.name()))
                .toList();
        items.add(new Item("Every column described", hasPortWithSchema && undescribed.isEmpty(),
                undescribed.isEmpty() ? "descriptions of the columns"
                        : "descriptions of the columns " + abbreviate(undescribed)));
        return new PublishingReadiness(items);
    }

    public List<Item> items() {
        return items;
    }

    public boolean ready() {
        return items.stream().allMatch(Item::met);
    }

    /** What is missing, one sentence fragment per unmet item. */
    public List<String> missing() {
        return items.stream().filter(item -> !item.met()).map(Item::missing).toList();
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
