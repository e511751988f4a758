package dev.agora.grants;

/** A permission an engine actually holds, as reconciliation reads it. {@code column} is null for a whole table. */
public record ActualGrant(String grantee, String location, String column, String permission) {

    public String resource() {
        return column == null ? location : location + "." + column;
    }
}
