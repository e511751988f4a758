package dev.agora.catalog.schema;

import java.util.List;

/** What a check of a product's schema against its data found and did. */
public sealed interface SchemaCheck {

    /** The lines of the differences found (empty when none). */
    List<String> differences();

    /** The data matches the product's schema. */
    record Unchanged() implements SchemaCheck {
        public List<String> differences() {
            return List.of();
        }
    }

    /** The change became a new version (minor when compatible, major when nobody consumed the product). */
    record Released(String version, boolean breaking, List<String> differences) implements SchemaCheck {}

    /** A breaking change is held until an owner decides (a new hold, or a held one updated). */
    record Held(long changeId, List<String> differences) implements SchemaCheck {}

    /** The data is back to the product's schema: the hold is closed. */
    record Restored(long changeId) implements SchemaCheck {
        public List<String> differences() {
            return List.of();
        }
    }

    /** Nothing was compared: the product is not published, or its data could not be read. */
    record NotChecked(String reason) implements SchemaCheck {
        public List<String> differences() {
            return List.of();
        }
    }
}
