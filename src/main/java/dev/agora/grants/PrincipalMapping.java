package dev.agora.grants;

import java.util.HashMap;
import java.util.Map;

/** A configured mapping of people to what an engine knows them as: "marco=marco_login,olivia=olivia". */
public final class PrincipalMapping {

    private PrincipalMapping() {
    }

    public static Map<String, String> parse(String mapping) {
        Map<String, String> principals = new HashMap<>();
        for (String pair : mapping.split(",")) {
            String[] parts = pair.strip().split("=", 2);
            if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                principals.put(parts[0].strip(), parts[1].strip());
            }
        }
        return Map.copyOf(principals);
    }
}
