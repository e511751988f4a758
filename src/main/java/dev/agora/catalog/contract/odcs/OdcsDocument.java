package dev.agora.catalog.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An ODCS document as read: its JSON tree and, for every JSON pointer in it, the line of the YAML text it came from
 * (1-based), so that every problem found later can say where it is.
 */
public record OdcsDocument(JsonNode root, Map<String, Integer> lines) {

    public OdcsDocument {
        lines = Map.copyOf(lines);
    }

    /** The line of the node at {@code pointer}, or of its nearest ancestor that has one. */
    public int lineOf(String pointer) {
        String at = pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 1;
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
    }

    /** How a person reads a pointer: {@code /schema/0/properties/1/logicalType} → {@code schema[0].properties[1].logicalType}. */
    public static String fieldOf(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String segment : segments(pointer)) {
            if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
                field.append('[').append(segment).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(segment);
            }
        }
        return field.isEmpty() ? "(document)" : field.toString();
    }

    /** A JSON pointer from its segments (keys escaped as RFC 6901 asks). */
    public static String pointer(List<?> segments) {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(String.valueOf(segment).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    static List<String> segments(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(pointer.substring(1).split("/", -1))
                .map(s -> s.replace("~1", "/").replace("~0", "~")).toList();
    }

    /** "line 12: schema[0].properties[1].logicalType", the field of a problem. */
    public String where(String pointer) {
        return "line " + lineOf(pointer) + ": " + fieldOf(pointer);
    }
}
