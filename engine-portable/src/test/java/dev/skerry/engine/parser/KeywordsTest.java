package dev.skerry.engine.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@link Keywords#isKeyword} agrees with SQLite, which quotes a keyword when it writes a CTAS column name. */
class KeywordsTest {
    private static final String[] WORDS = {
        "select", "SeLeCt", "without", "current_timestamp", "nothing", "returning", "materialized", "if", "as",
        "abc", "rowid", "true", "false", "strict", "main", "x", "selects", "currenttimestamp",
    };

    @Test
    void agreesWithSqliteQuoting() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            for (int i = 0; i < WORDS.length; i++) {
                String w = WORDS[i];
                s.execute("CREATE TABLE t" + i + " AS SELECT 1 AS \"" + w + "\"");
                try (ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE name = 't" + i + "'")) {
                    rs.next();
                    boolean quoted = rs.getString(1).contains("\"" + w + "\"");
                    assertEquals(quoted, Keywords.isKeyword(w), w);
                }
            }
        }
    }
}
