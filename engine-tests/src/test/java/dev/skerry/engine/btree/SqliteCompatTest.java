package dev.skerry.engine.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.record.RecordWriter;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.value.Mem;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File compatibility with real SQLite (sqlite-jdbc 3.50.3) in both directions, for every page size:
 * databases SQLite made (rollback journal and WAL, with overflow, several indexes and a filled freelist)
 * are walked with {@link BTreeCursor} and compared value by value with SQLite's SELECTs; databases Skerry
 * made through its b-tree pass SQLite's {@code PRAGMA integrity_check} and read back the same rows.
 */
class SqliteCompatTest {
    @TempDir
    Path dir;

    private static String text(Random r, int len) {
        StringBuilder sb = new StringBuilder(len);
        String pool = "abcXYZ éü€中文 0123456789";
        for (int i = 0; i < len; i++) {
            sb.append(pool.charAt(r.nextInt(pool.length())));
        }
        return sb.toString();
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws Exception {
        if (v == null) {
            ps.setNull(i, java.sql.Types.NULL);
        } else if (v instanceof Long) {
            ps.setLong(i, (Long) v);
        } else if (v instanceof Double) {
            ps.setDouble(i, (Double) v);
        } else if (v instanceof String) {
            ps.setString(i, (String) v);
        } else {
            ps.setBytes(i, (byte[]) v);
        }
    }

    /** One row: id, a (integer), b (real), c (text), d (blob or null). */
    private static Object[] randomRow(Random r, long id, int pageSize) {
        long a = r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(2000) - 1000;
        double b = r.nextInt(7) == 0 ? (double) r.nextInt(100) : r.nextGaussian() * 1e6;
        int clen = r.nextInt(60) == 0 ? pageSize + r.nextInt(pageSize) : r.nextInt(30);
        String c = r.nextInt(15) == 0 ? null : text(r, clen);
        byte[] d = null;
        if (r.nextInt(3) == 0) {
            d = new byte[r.nextInt(60) == 0 ? pageSize + r.nextInt(pageSize * 2) : r.nextInt(20)];
            r.nextBytes(d);
        }
        return new Object[] {id, a, b, c, d};
    }

    private static Object memValue(Mem m) {
        switch (m.type()) {
            case Mem.INTEGER: return m.longValue();
            case Mem.FLOAT: return m.doubleValue();
            case Mem.TEXT: return m.text();
            case Mem.BLOB: return m.blob();
            default: return null;
        }
    }

    private static Object jdbcValue(ResultSet rs, int i) throws Exception {
        Object o = rs.getObject(i);
        if (o instanceof Integer) {
            return ((Integer) o).longValue();
        }
        return o;
    }

    private static void assertValue(Object expected, Object actual, String where) {
        if (expected instanceof byte[]) {
            assertTrue(actual instanceof byte[], where);
            assertArrayEquals((byte[]) expected, (byte[]) actual, where);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    private static Pager openPager(Vfs vfs, String path) throws Exception {
        Pager p = Pager.open(vfs, path);
        TestVfs.run(vfs, p::openStep);
        TestVfs.run(vfs, p::beginRead);
        return p;
    }

    /** name → root page, from sqlite_schema read through the b-tree. */
    private static Map<String, Integer> roots(Vfs vfs, Pager p) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        BTreeCursor c = new BTreeCursor(p, 1, null);
        Mem name = new Mem();
        Mem root = new Mem();
        boolean ok = TestVfs.drive(vfs, c::first);
        while (ok) {
            TestVfs.run(vfs, () -> c.column(1, name));
            TestVfs.run(vfs, () -> c.column(3, root));
            out.put(name.text(), (int) root.longValue());
            ok = TestVfs.drive(vfs, c::next);
        }
        c.close();
        return out;
    }

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

    private static void compareTable(Vfs vfs, Pager p, int root, Connection conn) throws Exception {
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
                    assertValue(jdbcValue(rs, k), memValue(m), "row " + id + " column " + k);
                }
                n++;
                ok = TestVfs.drive(vfs, c::next);
            }
            assertFalse(ok, "no extra rows");
        }
        assertTrue(n > 1000);
        c.close();
    }

    private static void compareIndex(Vfs vfs, Pager p, int root, KeyInfo ki, Connection conn, String sql, int nCols)
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
                    assertValue(jdbcValue(rs, k + 1), memValue(m), sql + " field " + k);
                }
                ok = TestVfs.drive(vfs, c::next);
            }
            assertFalse(ok);
        }
        c.close();
    }

    private static void seekEveryOther(Vfs vfs, Pager p, int root, Connection conn) throws Exception {
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

    private static Mem mem(Object v) {
        Mem m = new Mem();
        if (v instanceof Long) {
            m.setLong((Long) v);
        } else if (v instanceof Double) {
            m.setDouble((Double) v);
        } else if (v instanceof String) {
            m.setText((String) v);
        } else if (v instanceof byte[]) {
            m.setBlob((byte[]) v);
        }
        return m;
    }

    private static byte[] record(Object... vals) {
        Mem[] ms = new Mem[vals.length];
        for (int i = 0; i < vals.length; i++) {
            ms[i] = mem(vals[i]);
        }
        return RecordWriter.encode(ms, 0, ms.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048, 4096, 8192, 16384, 32768, 65536})
    void sqliteReadsSkerryFiles(int pageSize) throws Exception {
        for (boolean deleteMost : new boolean[] {false, true}) {
            Path db = dir.resolve("k" + pageSize + deleteMost + ".db");
            Vfs vfs = TestVfs.wrap(new FileVfs());
            Pager p = Pager.open(vfs, db.toString());
            TestVfs.run(vfs, p::openStep);
            p.setPageSize(pageSize);
            TestVfs.run(vfs, p::beginWrite);
            int tRoot = TestVfs.drive(vfs, () -> BTree.create(p, false));
            int iRoot = TestVfs.drive(vfs, () -> BTree.create(p, true));
            BTreeCursor schema = new BTreeCursor(p, 1, null);
            byte[] s1 = record("table", "t", "t", (long) tRoot,
                    "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b REAL, c TEXT, d BLOB)");
            byte[] s2 = record("index", "ia", "t", (long) iRoot, "CREATE INDEX ia ON t(a)");
            TestVfs.run(vfs, () -> schema.insert(1, s1));
            TestVfs.run(vfs, () -> schema.insert(2, s2));
            schema.close();
            p.setSchemaCookie(1);

            Random r = new Random(pageSize + (deleteMost ? 1 : 0));
            int rows = pageSize >= 32768 ? 3000 : 6000;
            List<Long> ids = new ArrayList<>();
            for (long i = 1; i <= rows; i++) {
                ids.add(i * 3 + r.nextInt(3));
            }
            Collections.shuffle(ids, r);
            Map<Long, Object[]> model = new HashMap<>();
            BTreeCursor t = new BTreeCursor(p, tRoot, null);
            BTreeCursor ix = new BTreeCursor(p, iRoot, KeyInfo.binary(1));
            for (long id : ids) {
                Object[] row = randomRow(r, id, pageSize);
                byte[] rec = record(null, row[1], row[2], row[3], row[4]);
                byte[] key = record(row[1], id);
                TestVfs.run(vfs, () -> t.insert(id, rec));
                TestVfs.run(vfs, () -> ix.insertIndex(key));
                model.put(id, row);
            }
            if (deleteMost) {
                for (long id : ids) {
                    if (r.nextInt(10) == 0) {
                        continue;
                    }
                    Object[] row = model.remove(id);
                    assertEquals(0, (int) TestVfs.drive(vfs, () -> t.seekRowid(id)));
                    TestVfs.run(vfs, t::delete);
                    Mem[] k = {mem(row[1]), mem(id)};
                    assertEquals(0, (int) TestVfs.drive(vfs, () -> ix.seekIndex(k, 2, 0)));
                    TestVfs.run(vfs, ix::delete);
                }
            }
            t.close();
            ix.close();
            new TreeChecker(vfs, p).checkAll(1, tRoot, iRoot);
            TestVfs.run(vfs, p::commit);
            TestVfs.run(vfs, p::close);

            try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement st = conn.createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    assertTrue(rs.next());
                    assertEquals("ok", rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                    assertEquals(pageSize, rs.getInt(1));
                }
                int n = 0;
                try (ResultSet rs = st.executeQuery("SELECT id, a, b, c, d FROM t")) {
                    while (rs.next()) {
                        Object[] row = model.get(rs.getLong(1));
                        assertTrue(row != null, "row " + rs.getLong(1) + " exists in the model");
                        for (int k = 2; k <= 5; k++) {
                            assertValue(row[k - 1], jdbcValue(rs, k), "row " + rs.getLong(1) + " column " + k);
                        }
                        n++;
                    }
                }
                assertEquals(model.size(), n);
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t INDEXED BY ia WHERE a IS NOT NULL")) {
                    assertEquals(model.size(), rs.getInt(1));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 4096})
    void rollbackJournalDatabaseSwitchesToWalOnFirstWrite(int pageSize) throws Exception {
        Path db = dir.resolve("j" + pageSize + ".db");
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = conn.createStatement()) {
            st.execute("PRAGMA page_size=" + pageSize);
            st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<3000) "
                    + "INSERT INTO t SELECT i, printf('value %d', i) FROM n");
        }
        assertEquals(1, Files.readAllBytes(db)[18], "SQLite made a rollback-journal database");
        Vfs vfs = TestVfs.wrap(new FileVfs());
        Pager p = openPager(vfs, db.toString());
        int root = roots(vfs, p).get("t");
        TestVfs.run(vfs, p::beginWrite);
        BTreeCursor c = new BTreeCursor(p, root, null);
        for (long id = 3001; id <= 4000; id++) {
            byte[] rec = record(null, "skerry " + id);
            long k = id;
            TestVfs.run(vfs, () -> c.insert(k, rec));
        }
        c.close();
        TestVfs.run(vfs, p::commit);
        TestVfs.run(vfs, p::close);
        byte[] h = Files.readAllBytes(db);
        assertEquals(2, h[18]);
        assertEquals(2, h[19]);
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), sum(v LIKE 'skerry%') FROM t")) {
                assertEquals(4000, rs.getInt(1));
                assertEquals(1000, rs.getInt(2));
            }
        }
    }
}
