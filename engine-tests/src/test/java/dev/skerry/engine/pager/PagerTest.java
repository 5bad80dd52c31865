package dev.skerry.engine.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Vfs;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import dev.skerry.vfs.memory.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pager behaviour: new-database header, transactions, savepoints, freelist, WAL, journal handling. */
class PagerTest {
    @TempDir
    Path dir;

    private static Pager open(Vfs vfs, String path) throws SqliteException {
        Pager p = Pager.open(vfs, path);
        TestVfs.run(vfs, p::openStep);
        return p;
    }

    private static String one(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    @Test
    void newDatabaseHeaderIsWhatSqliteExpects() throws Exception {
        Path db = dir.resolve("new.db");
        Vfs vfs = TestVfs.wrap(new FileVfs());
        Pager p = open(vfs, db.toString());
        assertEquals(0, p.pageCount());
        p.setPageSize(8192);
        TestVfs.run(vfs, p::beginWrite);
        p.setUserVersion(42);
        p.setApplicationId(0x12345678);
        p.setSchemaCookie(7);
        TestVfs.run(vfs, p::commit);
        assertEquals(1, p.pageCount());
        TestVfs.run(vfs, p::close);
        assertFalse(Files.exists(Path.of(db + "-wal")), "close deletes the log");
        byte[] h = Files.readAllBytes(db);
        assertEquals(8192, h.length);
        assertEquals(2, h[DbHeader.WRITE_VERSION]);
        assertEquals(2, h[DbHeader.READ_VERSION]);
        assertEquals(4, DbHeader.get4(h, DbHeader.SCHEMA_FORMAT));
        assertEquals(1, DbHeader.get4(h, DbHeader.TEXT_ENCODING));
        assertEquals(3050003, DbHeader.get4(h, DbHeader.SQLITE_VERSION));
        assertEquals(DbHeader.get4(h, DbHeader.CHANGE_COUNTER), DbHeader.get4(h, DbHeader.VERSION_VALID_FOR));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals("ok", one(c, "PRAGMA integrity_check"));
            assertEquals("wal", one(c, "PRAGMA journal_mode"));
            assertEquals("8192", one(c, "PRAGMA page_size"));
            assertEquals("42", one(c, "PRAGMA user_version"));
            assertEquals(String.valueOf(0x12345678), one(c, "PRAGMA application_id"));
            assertEquals("7", one(c, "PRAGMA schema_version"));
            assertEquals("0", one(c, "SELECT count(*) FROM sqlite_schema"));
        }
    }

    @Test
    void headerMatchesSqlitesOwnNewDatabase() throws Exception {
        Path ours = dir.resolve("ours.db");
        Vfs vfs = TestVfs.wrap(new FileVfs());
        Pager p = open(vfs, ours.toString());
        TestVfs.run(vfs, p::beginWrite);
        TestVfs.run(vfs, p::commit);
        TestVfs.run(vfs, p::close);
        Path theirs = dir.resolve("theirs.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + theirs); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE x(a)");
            st.execute("DROP TABLE x");
        }
        byte[] a = Files.readAllBytes(ours);
        byte[] b = Files.readAllBytes(theirs);
        // Fields that must agree for a fresh database (counters and cookies legitimately differ).
        int[] same = {16, 17, 18, 19, 20, 21, 22, 23, 44, 45, 46, 47, 48, 49, 50, 51, 56, 57, 58, 59};
        for (int off : same) {
            assertEquals(b[off], a[off], "header byte " + off);
        }
        assertArrayEquals(java.util.Arrays.copyOf(b, 16), java.util.Arrays.copyOf(a, 16));
    }

    @Test
    void savepointsRestorePagesAndSize() throws Exception {
        Vfs vfs = TestVfs.create();
        Pager p = open(vfs, "sp.db");
        TestVfs.run(vfs, p::beginWrite);
        Page a = TestVfs.drive(vfs, p::allocatePage);
        a.data()[10] = 1;
        int sp0 = p.savepoint();
        p.markDirty(a);
        a.data()[10] = 2;
        int sp1 = p.savepoint();
        p.markDirty(a);
        a.data()[10] = 3;
        Page b = TestVfs.drive(vfs, p::allocatePage);
        b.data()[5] = 9;
        assertEquals(3, p.pageCount());
        p.rollbackTo(sp1);
        assertEquals(2, a.data()[10]);
        assertEquals(2, p.pageCount());
        p.markDirty(a);
        a.data()[10] = 4;
        p.release(sp1);
        p.rollbackTo(sp0);
        assertEquals(1, a.data()[10], "released level's image handed down");
        p.release(sp0);
        TestVfs.run(vfs, p::commit);
        Page again = TestVfs.drive(vfs, () -> p.getPage(2));
        assertEquals(1, again.data()[10]);
        TestVfs.run(vfs, p::beginWrite);
        p.markDirty(again);
        again.data()[10] = 77;
        TestVfs.drive(vfs, p::allocatePage);
        p.rollback();
        assertEquals(2, p.pageCount());
        assertEquals(1, TestVfs.drive(vfs, () -> p.getPage(2)).data()[10]);
    }

    @Test
    void freelistPagesAreReusedBeforeTheFileGrows() throws Exception {
        Vfs vfs = TestVfs.create();
        Pager p = open(vfs, "fl.db");
        p.setPageSize(512);
        TestVfs.run(vfs, p::beginWrite);
        int[] pages = new int[400];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = TestVfs.drive(vfs, p::allocatePage).pgno();
        }
        for (int pg : pages) {
            TestVfs.run(vfs, () -> p.freePage(pg));
        }
        assertEquals(400, p.freelistCount());
        assertTrue(p.freelistTrunk() != 0);
        TestVfs.run(vfs, p::commit);
        TestVfs.run(vfs, p::beginWrite);
        java.util.Set<Integer> got = new java.util.HashSet<>();
        for (int i = 0; i < 400; i++) {
            got.add(TestVfs.drive(vfs, p::allocatePage).pgno());
        }
        assertEquals(401, p.pageCount(), "no growth while the freelist had pages");
        assertEquals(400, got.size());
        assertEquals(0, p.freelistCount());
        assertEquals(402, TestVfs.drive(vfs, p::allocatePage).pgno());
        TestVfs.run(vfs, p::commit);
    }

    @Test
    void committedPagesAreReadBackFromTheLogAfterReopen() throws Exception {
        MemoryVfs mem = new MemoryVfs();
        Vfs vfs = TestVfs.wrap(mem);
        Pager p = open(vfs, "w.db");
        TestVfs.run(vfs, p::beginWrite);
        Page a = TestVfs.drive(vfs, p::allocatePage);
        a.data()[100] = 55;
        TestVfs.run(vfs, p::commit);
        assertTrue(mem.exists("w.db-wal"));
        // Reopen without closing: the data lives only in the log.
        Pager q = open(vfs, "w.db");
        TestVfs.run(vfs, q::beginRead);
        assertEquals(2, q.pageCount());
        assertEquals(55, TestVfs.drive(vfs, () -> q.getPage(2)).data()[100]);
    }

    @Test
    void manyCommitsCheckpointAutomatically() throws Exception {
        Path db = dir.resolve("ckpt.db");
        Vfs vfs = TestVfs.wrap(new FileVfs());
        Pager p = open(vfs, db.toString());
        for (int i = 0; i < 700; i++) {
            TestVfs.run(vfs, p::beginWrite);
            Page a = TestVfs.drive(vfs, p::allocatePage);
            a.data()[0] = (byte) i;
            TestVfs.run(vfs, p::commit);
        }
        long walSize = Files.size(Path.of(db + "-wal"));
        assertTrue(walSize < 1000L * (4096 + 24) + 32, "log was checkpointed and restarted: " + walSize);
        assertTrue(Files.size(db) >= 4096L * 500, "checkpoint copied pages into the database file");
        TestVfs.run(vfs, p::close);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals("701", one(c, "PRAGMA page_count"));
        }
    }

    @Test
    void hotJournalIsRefused() throws Exception {
        Path db = dir.resolve("hot.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(a)");
        }
        byte[] journal = new byte[512];
        byte[] magic = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7};
        System.arraycopy(magic, 0, journal, 0, 8);
        Files.write(Path.of(db + "-journal"), journal);
        Vfs vfs = TestVfs.wrap(new FileVfs());
        Pager p = Pager.open(vfs, db.toString());
        SqliteException e = assertThrows(SqliteException.class, () -> TestVfs.run(vfs, p::openStep));
        assertEquals(ResultCode.SQLITE_CANTOPEN, e.code());
        assertTrue(e.getMessage().contains("hot journal"));
    }

    @Test
    void notADatabase() throws Exception {
        Path db = dir.resolve("junk.db");
        Files.write(db, new byte[4096]);
        Vfs vfs = TestVfs.wrap(new FileVfs());
        Pager p = Pager.open(vfs, db.toString());
        SqliteException e = assertThrows(SqliteException.class, () -> TestVfs.run(vfs, p::openStep));
        assertEquals(ResultCode.SQLITE_NOTADB, e.code());
        assertEquals("file is not a database", e.getMessage());
    }
}
