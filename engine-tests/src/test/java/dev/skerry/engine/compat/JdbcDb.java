package dev.skerry.engine.compat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Real SQLite (sqlite-jdbc 3.50.3) on a disk file; prepared statements are cached by SQL text. */
final class JdbcDb implements Db {
    private final Connection connection;
    private final Map<String, PreparedStatement> cache = new HashMap<>();

    JdbcDb(Path file) throws Exception {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private PreparedStatement prepare(String sql, Object[] params) throws Exception {
        PreparedStatement ps = cache.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            cache.put(sql, ps);
        }
        for (int i = 0; i < params.length; i++) {
            Object v = params[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof Long) {
                ps.setLong(i + 1, (Long) v);
            } else if (v instanceof Double) {
                ps.setDouble(i + 1, (Double) v);
            } else if (v instanceof String) {
                ps.setString(i + 1, (String) v);
            } else {
                ps.setBytes(i + 1, (byte[]) v);
            }
        }
        return ps;
    }

    @Override
    public void exec(String sql, Object... params) throws Exception {
        if (params.length == 0) {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute(sql);
            }
            return;
        }
        prepare(sql, params).execute();
    }

    @Override
    public List<List<Object>> query(String sql, Object... params) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        PreparedStatement ps = prepare(sql, params);
        try (ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    row.add(o instanceof Integer ? Long.valueOf((Integer) o) : o);
                }
                out.add(row);
            }
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (PreparedStatement ps : cache.values()) {
            ps.close();
        }
        connection.close();
    }
}
