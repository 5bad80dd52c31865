package dev.skerry.engine.btree;

import static dev.skerry.engine.btree.CompatSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.io.Vfs;

import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.value.Mem;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Databases SQLite made (rollback journal and WAL, every page size, overflow, several indexes, a filled
 * freelist) walked with {@link BTreeCursor} and compared value by value with SQLite's SELECTs.
 */
class SqliteFilesReadTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048, 4096, 8192, 16384, 32768, 65536})
    void skerryReadsSqliteFiles(int pageSize) throws Exception {
        for (String mode : new String[] {"DELETE", "WAL"}) {
            Path db = dir.resolve("s" + pageSize + mode + ".db");
            int rows = pageSize == 4096 ? 20000 : pageSize >= 32768 ? 3000 : 6000;
            Random r = new Random(pageSize * 31L + mode.length());
            try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                try (Statement st = conn.createStatement()) {
                    st.execute("PRAGMA page_size=" + pageSize);
                    st.execute("PRAGMA journal_mode=" + mode);
                    st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b REAL, c TEXT, d BLOB)");
                    st.execute("CREATE INDEX ia ON t(a)");
                    st.execute("CREATE INDEX ic ON t(c COLLATE NOCASE, a DESC)");
                }
                conn.setAutoCommit(false);
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES(?,?,?,?,?)")) {
                    long id = 0;
                    for (int i = 0; i < rows; i++) {
                        id += 1 + r.nextInt(3);
                        Object[] row = randomRow(r, id, pageSize);
                        for (int k = 0; k < 5; k++) {
                            bind(ps, k + 1, row[k]);
                        }
                        ps.executeUpdate();
                    }
                }
                try (Statement st = conn.createStatement()) {
                    st.execute("DELETE FROM t WHERE id % 3 = 0");
                }
                conn.commit();
            }
            assertFalse(Files.exists(Path.of(db + "-wal")) && Files.size(Path.of(db + "-wal")) > 0,
                    "SQLite checkpointed the WAL on close");
            Vfs vfs = TestVfs.wrap(new FileVfs());
            Pager p = openPager(vfs, db.toString());
            assertEquals(pageSize, p.pageSize());
            Map<String, Integer> roots = roots(vfs, p);
            new TreeChecker(vfs, p).checkAll(1, roots.get("t"), roots.get("ia"), roots.get("ic"));
            assertTrue(p.freelistCount() > 0 || pageSize >= 32768, "deletes filled the freelist");
            try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                compareTable(vfs, p, roots.get("t"), conn);
                compareIndex(vfs, p, roots.get("ia"), KeyInfo.binary(1), conn,
                        "SELECT a, id FROM t ORDER BY a, id", 2);
                compareIndex(vfs, p, roots.get("ic"),
                        new KeyInfo(2, new Collation[] {Collation.NOCASE, Collation.BINARY}, new boolean[] {false, true}),
                        conn, "SELECT c, a, id FROM t ORDER BY c COLLATE NOCASE, a DESC, id", 3);
                seekEveryOther(vfs, p, roots.get("t"), conn);
            }
            TestVfs.run(vfs, p::close);
        }
    }

    static void compareTable(Vfs vfs, Pager p, int root, Connection conn) throws Exception {
        BTreeCursor c = new BTreeCursor(p, root, null);
        Mem m = new Mem();
        int n = 0;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, a, b, c, d FROM t ORDER BY id")) {
            boolean ok = TestVfs.drive(vfs, c::first);
            while (rs.next()) {
                assertTrue(ok, "Skerry has row " + rs.getLong(1));
                long id = TestVfs.drive(vfs, c::rowid);
                assertEquals(rs.getLong(1), id);
                assertEquals(5, (int) TestVfs.drive(vfs, c::columnCount));
                for (int k = 2; k <= 5; k++) {
                    int col = k - 1;
                    TestVfs.run(vfs, () -> c.column(col, m));
                    if (k == 3 && m.type() == Mem.INTEGER) {
                        // SQLite stores an integral REAL as an integer; OP_RealAffinity (the VM) turns it back.
                        m.setDouble(m.longValue());
                    }
                    assertValue(jdbcValue(rs, k), HostLoop.value(m), "row " + id + " column " + k);
                }
                n++;
                ok = TestVfs.drive(vfs, c::next);
            }
            assertFalse(ok, "no extra rows");
        }
        assertTrue(n > 1000);
        c.close();
    }

    static void compareIndex(Vfs vfs, Pager p, int root, KeyInfo ki, Connection conn, String sql, int nCols)
            throws Exception {
        BTreeCursor c = new BTreeCursor(p, root, ki);
        Mem m = new Mem();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            boolean ok = TestVfs.drive(vfs, c::first);
            while (rs.next()) {
                assertTrue(ok);
                assertEquals(nCols, (int) TestVfs.drive(vfs, c::columnCount));
                for (int k = 0; k < nCols; k++) {
                    int col = k;
                    TestVfs.run(vfs, () -> c.column(col, m));
                    assertValue(jdbcValue(rs, k + 1), HostLoop.value(m), sql + " field " + k);
                }
                ok = TestVfs.drive(vfs, c::next);
            }
            assertFalse(ok);
        }
        c.close();
    }

    static void seekEveryOther(Vfs vfs, Pager p, int root, Connection conn) throws Exception {
        BTreeCursor c = new BTreeCursor(p, root, null);
        List<Long> ids = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM t ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        for (int i = 0; i < ids.size(); i += 7) {
            long id = ids.get(i);
            assertEquals(0, (int) TestVfs.drive(vfs, () -> c.seekRowid(id)));
            assertEquals(id, (long) TestVfs.drive(vfs, c::rowid));
            if (i + 1 < ids.size() && ids.get(i + 1) > id + 1) {
                int res = TestVfs.drive(vfs, () -> c.seekRowid(id + 1));
                long at = TestVfs.drive(vfs, c::rowid);
                assertTrue(res > 0 ? at == ids.get(i + 1) : res < 0 && at == id, "neighbour of " + (id + 1));
            }
        }
        c.close();
    }
}
