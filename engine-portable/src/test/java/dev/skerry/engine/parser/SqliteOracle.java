package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Real SQLite (sqlite-jdbc) as the reference for the parser: prepares a statement and reports SQLite's
 * error message, and compares that with what {@link Parser#parseFirst} does with the same text.
 */
final class SqliteOracle implements AutoCloseable {
    /**
     * Messages SQLite produces while parsing (tokenizer, grammar and grammar actions). "all VALUES must have
     * the same number of terms" is left out: SQLite raises it both while parsing a VALUES list and while
     * resolving a compound SELECT, so it is compared only where both sides give it; so is "no such window",
     * raised while parsing a WINDOW clause and while resolving OVER.
     */
    private static final String[] PARSE_MESSAGES = {
        "syntax error", "incomplete input", "unrecognized token", "Expression tree is too large",
        "parser stack overflow", "clause should come after", "too many terms in compound SELECT",
        "unknown join type", "a JOIN clause is required",
        "unknown table option", "error in generated column", "syntax error after column name",
        "qualified table names are not allowed", "clause is not allowed on UPDATE or DELETE",
        "variable number must be between", "too many SQL variables", "unsupported frame specification",
        "cannot use RETURNING in a trigger", "ORDER BY may not be used with non-aggregate",
        "too many arguments on function", "cannot override", " columns assigned ",
    };

    private final Connection connection;

    SqliteOracle() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    /** SQLite's message for preparing {@code sql}, or null when it prepares (or holds no statement). */
    String prepareError(String sql) {
        if (isBlank(sql)) {
            return null;
        }
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            return null;
        } catch (SQLException e) {
            return message(e);
        }
    }

    /**
     * True when {@code sql} holds only whitespace, comments and semicolons (sqlite-jdbc cannot prepare
     * such a text); decided here independently of Skerry's lexer.
     */
    static boolean isBlank(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int e = sql.indexOf('\n', i);
                i = e < 0 ? n : e + 1;
            } else if (sql.startsWith("/*", i)) {
                int e = sql.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code sql} for its effect on the schema, ignoring errors. */
    void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            // The statement's outcome is compared elsewhere; here only its effect on the schema matters.
        }
    }

    /** SQLite's own text inside sqlite-jdbc's message "[SQLITE_ERROR] SQL error or missing database (text)". */
    static String message(SQLException e) {
        String m = e.getMessage();
        int i = m.indexOf(" (");
        if (m.startsWith("[") && i >= 0 && m.endsWith(")")) {
            return m.substring(i + 2, m.length() - 1);
        }
        return m;
    }

    static boolean isParseMessage(String m) {
        for (String p : PARSE_MESSAGES) {
            if (m.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Skerry's message for parsing the first statement of {@code sql}, or null when it parses. */
    static String parseError(String sql) {
        try {
            Parser.parseFirst(sql);
            return null;
        } catch (SqliteException e) {
            return e.getMessage();
        }
    }

    /**
     * Null when Skerry agrees with SQLite about {@code sql} (both accept it syntactically, or both reject it
     * with the same parse-time message), else a description of the disagreement.
     */
    String disagreement(String sql) {
        String theirs = prepareError(sql);
        String mine;
        try {
            mine = parseError(sql);
        } catch (RuntimeException | StackOverflowError e) {
            return "CRASH " + e + " :: " + sql;
        }
        if (java.util.Objects.equals(theirs, mine)) {
            return null;
        }
        if (theirs != null && isParseMessage(theirs)) {
            return theirs.equals(mine) ? null : "sqlite: " + theirs + " | skerry: " + mine + " :: " + sql;
        }
        return mine == null ? null : "sqlite: " + (theirs == null ? "ok" : theirs) + " | skerry: " + mine + " :: "
            + sql;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
