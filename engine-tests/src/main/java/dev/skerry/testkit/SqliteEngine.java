package dev.skerry.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Real SQLite through sqlite-jdbc (the reference of every differential test), on a private in-memory
 * database. Needs the sqlite-jdbc driver on the class path (a test dependency of the modules that use it).
 */
public final class SqliteEngine implements AutoCloseable {
    private final Connection connection;

    public SqliteEngine() {
        this(":memory:");
    }

    /** SQLite on the database at {@code path} (a file, or {@code :memory:}). */
    public SqliteEngine(String path) {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + path);
        } catch (SQLException e) {
            throw new IllegalStateException("sqlite-jdbc is not available", e);
        }
    }

    /** Runs one statement and returns its rows or its error. */
    public Outcome run(String sql) {
        try (Statement st = connection.createStatement()) {
            if (!st.execute(sql)) {
                return Outcome.rows(new ArrayList<>(), new ArrayList<>());
            }
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    columns.add(md.getColumnName(i));
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(render(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return Outcome.rows(columns, rows);
            }
        } catch (SQLException e) {
            return Outcome.error(e.getErrorCode() & 0xff, sqliteMessage(e.getMessage()));
        }
    }

    /**
     * Runs each statement of {@code script} (to build the database a test starts from); throws an
     * AssertionError at the first statement that fails.
     */
    public void runScript(String script) {
        for (String sql : ScriptSplitter.split(script)) {
            Outcome o = run(sql);
            if (o.isError()) {
                throw new AssertionError(sql + ": " + o);
            }
        }
    }

    private static String render(Object o) {
        if (o == null) {
            return Outcome.nullValue();
        }
        if (o instanceof Integer || o instanceof Long) {
            return Outcome.integer(((Number) o).longValue());
        }
        if (o instanceof Double || o instanceof Float) {
            return Outcome.real(((Number) o).doubleValue());
        }
        if (o instanceof byte[]) {
            return Outcome.blob((byte[]) o);
        }
        return Outcome.text(o.toString());
    }

    /** sqlite-jdbc's message is {@code [CODE] description (errmsg)}: returns errmsg. */
    static String sqliteMessage(String jdbcMessage) {
        int close = jdbcMessage.indexOf(']');
        int open = jdbcMessage.indexOf(" (", close < 0 ? 0 : close);
        if (open < 0 || !jdbcMessage.endsWith(")")) {
            return jdbcMessage;
        }
        return jdbcMessage.substring(open + 2, jdbcMessage.length() - 1);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
