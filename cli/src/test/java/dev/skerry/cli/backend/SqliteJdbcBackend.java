package dev.skerry.cli.backend;

import dev.skerry.engine.value.Mem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Test support: a {@link Backend} over real SQLite (sqlite-jdbc 3.50.3), so that the shell and the
 * sqllogictest runner can be proven against SQLite itself. Statement tails come from {@link SqlSplitter};
 * JDBC gives no error offset, so errors carry -1 (the shell then prints no caret lines).
 */
public final class SqliteJdbcBackend implements Backend {
    private final Connection conn;

    private SqliteJdbcBackend(Connection conn) {
        this.conn = conn;
    }

    public static Backend open(String path) throws BackendException {
        try {
            return new SqliteJdbcBackend(DriverManager.getConnection("jdbc:sqlite:" + path));
        } catch (SQLException e) {
            throw error(e);
        }
    }

    @Override
    public Query prepare(String sql) throws BackendException {
        int start = 0;
        SqlSplitter.Split split = SqlSplitter.first(sql);
        while (split.empty) {
            if (split.end >= sql.length() - start) {
                return null;
            }
            start += split.end;
            split = SqlSplitter.first(sql.substring(start));
        }
        try {
            return new JdbcQuery(conn.prepareStatement(sql.substring(start, start + split.end)), start + split.end);
        } catch (SQLException e) {
            throw error(e);
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            // closing a connection that failed is not an error the shell can act on
        }
    }

    static BackendException error(SQLException e) {
        String m = e.getMessage();
        // sqlite-jdbc: "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.a)"
        int open = m.indexOf('(');
        if (m.startsWith("[") && open >= 0 && m.endsWith(")")) {
            m = m.substring(open + 1, m.length() - 1);
        }
        return new BackendException(e.getErrorCode() & 0xFF, m, -1);
    }

    /** One JDBC statement; the first {@link #step()} executes it. */
    private static final class JdbcQuery implements Query {
        private final PreparedStatement ps;
        private final int tail;
        private final String[] names;
        private final int nCol;
        private ResultSet rs;
        private boolean executed;
        private final Object[] row;

        JdbcQuery(PreparedStatement ps, int tail) throws SQLException {
            this.ps = ps;
            this.tail = tail;
            this.names = columnNames(ps);
            this.nCol = names.length;
            this.row = new Object[nCol];
        }

        /** sqlite-jdbc's metadata throws for statements without result columns. */
        private static String[] columnNames(PreparedStatement ps) throws SQLException {
            try {
                java.sql.ResultSetMetaData md = ps.getMetaData();
                int n = md == null ? 0 : md.getColumnCount();
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = md.getColumnLabel(i + 1);
                }
                return out;
            } catch (SQLException e) {
                return new String[0];
            }
        }

        @Override
        public int tailOffset() {
            return tail;
        }

        @Override
        public int columnCount() {
            return nCol;
        }

        @Override
        public String columnName(int i) {
            return names[i];
        }

        @Override
        public boolean step() throws BackendException {
            try {
                if (!executed) {
                    executed = true;
                    if (!ps.execute()) {
                        return false;
                    }
                    rs = ps.getResultSet();
                }
                if (rs == null || !rs.next()) {
                    return false;
                }
                for (int i = 0; i < nCol; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return true;
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public int columnType(int i) {
            Object o = row[i];
            if (o == null) {
                return Mem.NULL;
            }
            if (o instanceof Integer || o instanceof Long) {
                return Mem.INTEGER;
            }
            if (o instanceof Double) {
                return Mem.FLOAT;
            }
            return o instanceof String ? Mem.TEXT : Mem.BLOB;
        }

        @Override
        public long columnLong(int i) {
            try {
                return rs.getLong(i + 1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public double columnDouble(int i) {
            try {
                return rs.getDouble(i + 1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String columnText(int i) {
            try {
                return rs.getString(i + 1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] columnBlob(int i) {
            Object o = row[i];
            if (o instanceof byte[]) {
                return (byte[]) o;
            }
            String s = columnText(i);
            return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            try {
                if (rs != null) {
                    rs.close();
                }
                ps.close();
            } catch (SQLException e) {
                // nothing to do: the statement is being discarded
            }
        }
    }
}
