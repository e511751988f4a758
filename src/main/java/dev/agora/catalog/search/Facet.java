package dev.agora.catalog.search;

import java.util.Arrays;
import java.util.Optional;

/** The dimensions a search can be narrowed by, each counted in every result. */
public enum Facet {
    DOMAIN("domain"),
    TEAM("team"),
    CLASSIFICATION("classification"),
    TAG("tag"),
    TYPE("type"),
    STATUS("status");

    private final String parameter;

    Facet(String parameter) {
        this.parameter = parameter;
    }

    /** The name in the API's query string and facet map: "domain", "team" … */
    public String parameter() {
        return parameter;
    }

    public static Optional<Facet> byParameter(String name) {
        return Arrays.stream(values()).filter(facet -> facet.parameter.equals(name)).findFirst();
    }
}
