package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.TestVfs;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LIMIT and OFFSET from bound parameters, against SQLite through sqlite-jdbc: integers, negative values, text
 * that is or is not a number, REAL with and without a fraction, NULL (unbound), each giving SQLite's rows or
 * its {@code datatype mismatch}.
 */
class BoundLimitTest {
    private static final String SETUP = "create table t(a)";
    private static final String FILL = "insert into t values (1), (2), (3), (4), (5)";
    private static final String QUERY = "select a from t order by a limit ? offset ?";
    private static final Object[][] BINDINGS = {
        {2L, 1L}, {-1L, 2L}, {0L, 0L}, {2L, -3L}, {"2", "1"}, {" 3 ", 0L}, {"x", 0L}, {2.0, 1.0}, {2.5, 0L},
        {1L, 1.5}, {null, 0L}, {2L, null}, {9223372036854775807L, 4L}, {"2e0", 0L},
    };

    @Test
    void boundLimitAndOffsetAgreeWithSqlite() throws Exception {
        List<String> want = new ArrayList<>();
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.createStatement().execute(SETUP);
            c.createStatement().execute(FILL);
            for (Object[] b : BINDINGS) {
                try (PreparedStatement ps = c.prepareStatement(QUERY)) {
                    ps.setObject(1, b[0]);
                    ps.setObject(2, b[1]);
                    StringBuilder sb = new StringBuilder();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sb.append(rs.getLong(1)).append(' ');
                        }
                    }
                    want.add(sb.toString());
                } catch (SQLException e) {
                    String m = e.getMessage();
                    want.add("error: " + m.substring(m.indexOf('(') + 1, m.lastIndexOf(')')));
                }
            }
        }
        List<String> got = new ArrayList<>();
        Vfs vfs = TestVfs.create();
        Connection conn = HostLoop.open(vfs, "bound.db");
        run(conn, vfs, SETUP);
        run(conn, vfs, FILL);
        for (Object[] b : BINDINGS) {
            Statement st = conn.prepare(QUERY);
            try {
                for (int k = 0; k < 2; k++) {
                    bind(st, k + 1, b[k]);
                }
                StringBuilder sb = new StringBuilder();
                while (HostLoop.step(st, vfs) == StepResult.ROW) {
                    sb.append(st.columnLong(0)).append(' ');
                }
                got.add(sb.toString());
            } catch (SqliteException e) {
                got.add("error: " + e.getMessage());
            } finally {
                st.close();
            }
        }
        assertEquals(want, got);
    }

    private static void bind(Statement st, int i, Object v) throws SqliteException {
        if (v == null) {
            st.bindNull(i);
        } else if (v instanceof Long) {
            st.bindLong(i, (Long) v);
        } else if (v instanceof Double) {
            st.bindDouble(i, (Double) v);
        } else {
            st.bindText(i, (String) v);
        }
    }

    private static void run(Connection conn, Vfs vfs, String sql) throws SqliteException {
        Statement st = conn.prepare(sql);
        try {
            while (HostLoop.step(st, vfs) == StepResult.ROW) {
                continue;
            }
        } finally {
            st.close();
        }
    }
}
