package dev.skerry.engine.vdbe;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.io.Vfs;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.TestVfs;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A connection on the test VFS, programs run through the public API, and SQLite (sqlite-jdbc) to compare with. */
abstract class VmTestBase {
    Vfs vfs;
    Connection conn;

    @BeforeEach
    void openConnection() throws SqliteException {
        vfs = TestVfs.create();
        conn = HostLoop.open(vfs, "test.db");
    }

    @AfterEach
    void closeConnection() throws SqliteException {
        HostLoop.close(conn, vfs);
    }

    List<List<Object>> run(Program p) throws SqliteException {
        Statement s = conn.prepare(p);
        try {
            return HostLoop.rows(s, vfs);
        } finally {
            s.close();
        }
    }

    /** The rows SQLite gives for {@code query} after running {@code setup} statements, as Java objects. */
    static List<List<Object>> sqlite(String query, String... setup) throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             java.sql.Statement s = c.createStatement()) {
            for (String sql : setup) {
                s.execute(sql);
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(query)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object o = rs.getObject(i);
                        if (o instanceof Integer) {
                            o = ((Integer) o).longValue();
                        }
                        row.add(o);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** Rows as comparable text: each value with its Java type, blobs in hex. */
    static String show(List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<Object> row : rows) {
            for (Object o : row) {
                if (o == null) {
                    sb.append("NULL");
                } else if (o instanceof byte[]) {
                    sb.append("x'");
                    for (byte b : (byte[]) o) {
                        sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
                    }
                    sb.append('\'');
                } else {
                    sb.append(o.getClass().getSimpleName()).append(':').append(o);
                }
                sb.append('|');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Emits code that loads a Java value (Long, Double, String, byte[], null) into {@code reg}. */
    static void load(ProgramBuilder b, Object v, int reg) {
        if (v == null) {
            b.addOp(Opcode.NULL, 0, reg);
        } else if (v instanceof Long) {
            b.addInteger((Long) v, reg);
        } else if (v instanceof Double) {
            b.addReal((Double) v, reg);
        } else if (v instanceof String) {
            b.addString((String) v, reg);
        } else {
            b.addBlob((byte[]) v, reg);
        }
    }
}
