package dev.agora.grants;

/** Who a grant is for, as the requester named them: a person (USER) or a team (TEAM). */
public record Grantee(String type, String name) {

    public static Grantee team(String slug) {
        return new Grantee("TEAM", slug);
    }

    public static Grantee user(String username) {
        return new Grantee("USER", username);
    }

    @Override
    public String toString() {
        return type.toLowerCase() + " " + name;
    }
}
