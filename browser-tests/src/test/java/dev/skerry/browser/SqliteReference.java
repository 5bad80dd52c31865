package dev.skerry.browser;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteException;

/** Real SQLite (sqlite-jdbc), asked what it does, in the JSON shapes the test pages' helpers produce. */
final class SqliteReference {
    private SqliteReference() {
    }

    /**
     * What {@code window.failure(...)} gives for {@code failing} run after {@code setup} (statements separated
     * by ';') on a fresh in-memory SQLite: {@code {name, code, rawCode, message, sqlite}}, or "no error".
     */
    static String error(String setup, String failing) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            for (String s : setup.split(";")) {
                if (!s.isBlank()) {
                    st.execute(s);
                }
            }
            st.execute(failing);
            return "\"no error\"";
        } catch (SQLiteException e) {
            return "{\"name\":\"SqliteError\",\"code\":\"" + e.getResultCode().name() + "\",\"rawCode\":"
                    + e.getResultCode().code + ",\"message\":\"" + message(e).replace("\"", "\\\"") + "\",\"sqlite\":true}";
        }
    }

    /** SQLite's own message text inside sqlite-jdbc's decorated one. */
    static String message(SQLiteException e) {
        String m = e.getMessage();
        return m.substring(m.indexOf('(') + 1, m.lastIndexOf(')'));
    }
}
