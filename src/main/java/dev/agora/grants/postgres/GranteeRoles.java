package dev.agora.grants.postgres;

import dev.agora.grants.Grantee;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The PostgreSQL group role of each principal, kept in Agora's table {@code grantee_roles} (unique on both sides),
 * so that two principals never share a role whatever characters their names contain. A name the readable role
 * spells out exactly keeps it: a person of {@code [a-z0-9_]} ({@code ann_lee}: {@code agora_user_ann_lee}), a team
 * slug of {@code [a-z0-9-]} ({@code marketing-insights}: {@code agora_team_marketing_insights}, dashes read back
 * from underscores). Any other name (a dot, an underscore in a team, upper case, too long) gets a readable stem and
 * a SHA-256 suffix ({@code agora_user_ann_lee_3f9c0a12bd}). Once recorded, a principal's role never changes; two
 * workers resolving the same new principal at once get the same role.
 */
@ApplicationScoped
public class GranteeRoles {

    public static final String TEAM_PREFIX = "agora_team_";
    public static final String USER_PREFIX = "agora_user_";
    private static final int MAX_ROLE_BYTES = 63;

    private final AgroalDataSource agoraDatabase;

    GranteeRoles(AgroalDataSource agoraDatabase) {
        this.agoraDatabase = agoraDatabase;
    }

    /** The principal's role, recorded on first use. */
    public String roleOf(Grantee principal) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = agoraDatabase.getConnection()) {
                Optional<String> known = recorded(connection, principal);
                if (known.isPresent()) {
                    return known.get();
                }
                for (String candidate : candidates(principal)) {
                    // a concurrent worker recording the same principal makes this wait, then do nothing
                    try (PreparedStatement insert = connection.prepareStatement("""
                            INSERT INTO grantee_roles (principal_type, principal_name, role_name) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING""")) {
                        insert.setString(1, principal.type());
                        insert.setString(2, principal.name());
                        insert.setString(3, candidate);
                        insert.executeUpdate();
                    }
                    known = recorded(connection, principal);
                    if (known.isPresent()) {
                        return known.get();
                    }
                    // the candidate belongs to another principal: try the next one
                }
                throw new IllegalStateException("no free role name for " + principal);
            }
        });
    }

    /** The recorded role of a principal, if it has one. */
    public Optional<String> recorded(Grantee principal) {
        try (Connection connection = agoraDatabase.getConnection()) {
            return recorded(connection, principal);
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot read the grantee roles: " + failed.getMessage(), failed);
        }
    }

    /** Records an existing role for a principal unless either already has a mapping; tells whether it did. */
    public boolean claim(Grantee principal, String role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = agoraDatabase.getConnection();
                    PreparedStatement insert = connection.prepareStatement("""
                            INSERT INTO grantee_roles (principal_type, principal_name, role_name) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING""")) {
                insert.setString(1, principal.type());
                insert.setString(2, principal.name());
                insert.setString(3, role);
                return insert.executeUpdate() == 1;
            }
        });
    }

    private static Optional<String> recorded(Connection connection, Grantee principal) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT role_name FROM grantee_roles WHERE principal_type = ? AND principal_name = ?")) {
            query.setString(1, principal.type());
            query.setString(2, principal.name());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The role names a principal may get, the preferred first. */
    static List<String> candidates(Grantee principal) {
        List<String> candidates = new ArrayList<>();
        if (reversible(principal)) {
            candidates.add(readable(principal));
        }
        String digest = sha256(principal.type() + ":" + principal.name());
        for (int length : new int[] {10, 16, 24, 32}) {
            candidates.add(withSuffix(readable(principal), digest.substring(0, length)));
        }
        return candidates;
    }

    /** The role a principal gets when nothing is recorded yet and nobody holds that name. */
    public static String derived(Grantee principal) {
        return candidates(principal).get(0);
    }

    /**
     * Whether the readable name alone tells the principal back, and is short enough: people of [a-z0-9_] as they
     * are, teams of [a-z0-9-] with each dash an underscore (so of ann_lee and ann.lee, or a-b and a_b, exactly one
     * is readable).
     */
    static boolean reversible(Grantee principal) {
        String exact = team(principal) ? "[a-z0-9-]+" : "[a-z0-9_]+";
        return principal.name().matches(exact) && readable(principal).length() <= MAX_ROLE_BYTES;
    }

    private static String readable(Grantee principal) {
        return (team(principal) ? TEAM_PREFIX : USER_PREFIX)
                // character by character (no runs folded into one), so that a reversible name reads back exactly
                + principal.name().toLowerCase(Locale.ROOT)
                        .replaceAll(team(principal) ? "[^a-z0-9]" : "[^a-z0-9_]", "_");
    }

    private static boolean team(Grantee principal) {
        return principal.type().equals("TEAM");
    }

    private static String withSuffix(String stem, String hash) {
        int room = MAX_ROLE_BYTES - hash.length() - 1;
        return (stem.length() > room ? stem.substring(0, room) : stem) + "_" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
