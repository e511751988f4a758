package dev.agora.access.ui;

import dev.agora.access.activity.ProductActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An event of a product's activity as a sentence a person reads: "olivia published version 1.2.0 · 3 min ago". */
final class ActivityLines {

    private ActivityLines() {
    }

    static String line(ProductActivity.Entry entry, Instant now) {
        return sentence(entry) + " · " + ago(entry.time(), now);
    }

    static String sentence(ProductActivity.Entry entry) {
        Map<String, Object> data = entry.data();
        String who = entry.actor() == null || entry.actor().isBlank() ? "Someone" : entry.actor();
        String forWhom = entry.principal() == null ? "" : " for " + entry.principal().replaceFirst("^user ", "");
        return switch (entry.type()) {
            case "agora.product.created" -> who + " drafted the product";
            case "agora.product.published" -> who + " published version " + data.get("version");
            case "agora.product.updated" -> who + " revised the product";
            case "agora.product.version-released" -> who + " released version " + data.get("version");
            case "agora.product.deprecated" -> who + " deprecated the product";
            case "agora.product.schema-changed" -> "The columns changed in version " + data.get("version") + ": "
                    + schemaSummary(data);
            case "agora.access.requested" -> "Access requested" + forWhom;
            case "agora.access.approved" -> "Access approved" + forWhom;
            case "agora.access.rejected" -> "Access rejected" + forWhom;
            case "agora.access.cancelled" -> "Access request cancelled" + forWhom;
            case "agora.access.extended" -> "Access extended" + forWhom;
            case "agora.access.revoked" -> "Access revoked" + forWhom;
            case "agora.access.expired" -> "Access expired" + forWhom;
            case "agora.grant.applied" -> "Grant applied for " + data.getOrDefault("principal", "?");
            case "agora.grant.failed" -> "A grant could not be applied";
            case "agora.grant.revoked" -> "Grant revoked for " + data.getOrDefault("principal", "?");
            case "agora.drift.found" -> "Reconciliation found a " + String.valueOf(data.get("kind")).toLowerCase()
                    .replace('_', ' ') + " grant for " + data.get("grantee") + " (" + data.get("action") + ")";
            default -> entry.type().replaceFirst("^agora\\.", "") + " by " + who;
        };
    }

    private static String schemaSummary(Map<String, Object> data) {
        int added = 0;
        int removed = 0;
        int changed = 0;
        if (data.get("ports") instanceof List<?> ports) {
            for (Object port : ports) {
                if (port instanceof Map<?, ?> change) {
                    added += size(change.get("added"));
                    removed += size(change.get("removed"));
                    changed += size(change.get("changed"));
                }
            }
        }
        return added + " added, " + removed + " removed, " + changed + " changed";
    }

    private static int size(Object list) {
        return list instanceof List<?> items ? items.size() : 0;
    }

    static String ago(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + (age.toDays() == 1 ? " day ago" : " days ago");
    }
}
