package dev.agora.identity;

/** The security role names, in one place, for {@code @RolesAllowed} on views and resources. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String USER = "USER";

    private Roles() {
    }
}
