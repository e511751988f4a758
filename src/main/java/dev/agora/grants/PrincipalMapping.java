package dev.agora.grants;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configured mapping of people to what an engine knows them as: "marco=marco_login,olivia=olivia". A malformed
 * entry is refused, naming the setting and the entry, rather than silently dropped: a person left out of the
 * mapping would be granted under another name than the administrator meant.
 */
public final class PrincipalMapping {

    /** A setting that cannot be read; the message is one line naming the setting and the bad entry. */
    public static final class Malformed extends IllegalArgumentException {
        Malformed(String message) {
            super(message);
        }
    }

    private PrincipalMapping() {
    }

    /** Reads {@code value}; {@code setting} (an environment variable name) is only for the message. */
    public static Map<String, String> parse(String setting, String value) {
        Map<String, String> principals = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        for (String entry : value.split(",", -1)) {
            String pair = entry.strip();
            if (pair.isEmpty()) {
                throw new Malformed(setting + " has an empty entry in \"" + value.strip()
                        + "\" (expected person=name entries separated by single commas)");
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new Malformed(setting + " has a malformed entry \"" + pair + "\" (expected person=name, e.g. "
                        + "marco=marco_login)");
            }
            String person = parts[0].strip();
            String name = parts[1].strip();
            if (name.contains("=") || person.chars().anyMatch(Character::isWhitespace)
                    || name.chars().anyMatch(Character::isISOControl)) {
                throw new Malformed(setting + " has a malformed entry \"" + pair + "\" (expected person=name, e.g. "
                        + "marco=marco_login)");
            }
            if (principals.putIfAbsent(person, name) != null) {
                throw new Malformed(setting + " maps " + person + " twice (entry \"" + pair + "\")");
            }
        }
        return Map.copyOf(principals);
    }
}
