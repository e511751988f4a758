package dev.agora.platform.web;

import dev.agora.platform.Refusal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Query parameters read as text and parsed here, so that {@code ?page=abc} is a 400 that names the parameter
 * (JAX-RS answers 404 when it cannot convert a query parameter itself).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A whole number within [min, max]; {@code fallback} when the parameter is absent or empty. */
    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.strip();
        if (!text.matches("[+-]?\\d{1,10}")) {
            throw Refusal.invalid(name, "must be a whole number from " + min + " to " + max + ", not '"
                    + shortened(text) + "'");
        }
        long number = Long.parseLong(text);
        if (number < min || number > max) {
            throw Refusal.invalid(name, "must be a whole number from " + min + " to " + max + ", not " + number);
        }
        return (int) number;
    }

    /** true or false; {@code fallback} when the parameter is absent or empty. */
    public static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Refusal.invalid(name, "must be true or false, not '" + shortened(value.strip()) + "'");
        };
    }

    /** Enumeration values, each parameter possibly a comma-separated list, matched without regard to case. */
    public static <E extends Enum<E>> Set<E> enums(String name, Iterable<String> values, Class<E> type) {
        Set<E> parsed = EnumSet.noneOf(type);
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    throw Refusal.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                            .map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + shortened(part.strip())
                            + "'");
                }
            }
        }
        return parsed;
    }

    static String shortened(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
