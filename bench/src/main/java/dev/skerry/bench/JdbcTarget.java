package dev.skerry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQLite itself, through sqlite-jdbc, with SQLite's defaults except journal_mode=WAL (as Skerry always uses). */
final class JdbcTarget implements Target {
    private final Connection conn;

    JdbcTarget(String path) throws Exception {
        conn = DriverManager.getConnection("jdbc:sqlite:" + path);
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public void exec(String sql) throws Exception {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Override
    public PreparedStep prepare(String sql) throws Exception {
        PreparedStatement ps = conn.prepareStatement(sql);
        return new PreparedStep() {
            private void bind(Object[] args) throws Exception {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
            }

            @Override
            public void run(Object[] args) throws Exception {
                bind(args);
                ps.executeUpdate();
            }

            @Override
            public Object[] get(Object[] args) throws Exception {
                bind(args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? row(rs) : null;
                }
            }

            @Override
            public List<Object[]> all(Object[] args) throws Exception {
                bind(args);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return rows;
            }

            @Override
            public void close() throws Exception {
                ps.close();
            }
        };
    }

    private static Object[] row(ResultSet rs) throws Exception {
        int n = rs.getMetaData().getColumnCount();
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) {
            r[i] = rs.getObject(i + 1);
        }
        return r;
    }

    @Override
    public void close() throws Exception {
        conn.close();
    }
}
