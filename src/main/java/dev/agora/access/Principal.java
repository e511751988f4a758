package dev.agora.access;

import java.util.Objects;

/** Who the access is for: a person, or a team (every member, through the team's role). */
public record Principal(Type type, String name) {

    public enum Type {
        USER,
        TEAM
    }

    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    public static Principal user(String username) {
        return new Principal(Type.USER, username);
    }

    public static Principal team(String slug) {
        return new Principal(Type.TEAM, slug);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase() + " " + name;
    }
}
