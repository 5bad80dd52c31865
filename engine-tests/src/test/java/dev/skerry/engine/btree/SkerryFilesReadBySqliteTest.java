package dev.skerry.engine.btree;

import static dev.skerry.engine.btree.CompatSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.io.Vfs;

import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.value.Mem;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * Databases Skerry made through its b-tree (every page size, random insert order, deletes of most rows,
 * a rollback-journal database switched to WAL) pass SQLite's {@code PRAGMA integrity_check} and read back.
 */
class SkerryFilesReadBySqliteTest {
    @TempDir
    Path dir;

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

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void manyTablesMakePageOneAnInteriorRoot(int pageSize) throws Exception {
        Path db = dir.resolve("many" + pageSize + ".db");
        Vfs vfs = TestVfs.wrap(new FileVfs());
        Pager p = Pager.open(vfs, db.toString());
        TestVfs.run(vfs, p::openStep);
        p.setPageSize(pageSize);
        TestVfs.run(vfs, p::beginWrite);
        BTreeCursor schema = new BTreeCursor(p, 1, null);
        int tables = 400;
        for (int i = 1; i <= tables; i++) {
            int root = TestVfs.drive(vfs, () -> BTree.create(p, false));
            String name = "table_with_a_long_name_" + i;
            byte[] rec = record("table", name, name, (long) root,
                    "CREATE TABLE " + name + "(a INTEGER, b TEXT, c BLOB, d REAL, e NUMERIC)");
            long rowid = i;
            TestVfs.run(vfs, () -> schema.insert(rowid, rec));
            BTreeCursor t = new BTreeCursor(p, root, null);
            byte[] row = record((long) i, "row of " + name, null, 0.5, null);
            TestVfs.run(vfs, () -> t.insert(1, row));
            t.close();
        }
        schema.close();
        p.setSchemaCookie(1);
        TestVfs.run(vfs, p::commit);
        byte[] page1 = new byte[pageSize];
        TestVfs.run(vfs, () -> System.arraycopy(p.getPage(1).data(), 0, page1, 0, pageSize));
        assertEquals(0x05, page1[100] & 0xff, "page 1 became an interior table page");
        TestVfs.run(vfs, p::close);
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                assertEquals(tables, rs.getInt(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT b FROM table_with_a_long_name_377")) {
                assertEquals("row of table_with_a_long_name_377", rs.getString(1));
            }
        }
    }
}
