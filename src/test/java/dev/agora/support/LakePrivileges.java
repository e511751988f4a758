package dev.agora.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What PostgreSQL itself says a role may do: the ground truth the grant specs check against. */
public final class LakePrivileges {

    private LakePrivileges() {
    }

    /** Whether the role may SELECT from the relation (as PostgreSQL spells it); a role that does not exist may not
     * (CASE, because AND does not keep PostgreSQL from evaluating the check for a missing role). */
    public static boolean canSelect(DataSource database, String role, String relation) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)
                                    THEN has_table_privilege(?, ?, 'SELECT') ELSE false END""")) {
            query.setString(1, role);
            query.setString(2, role);
            query.setString(3, relation);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
