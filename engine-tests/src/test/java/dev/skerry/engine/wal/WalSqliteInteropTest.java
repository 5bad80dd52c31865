package dev.skerry.engine.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.io.VfsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The WAL format against real SQLite in both directions: SQLite writes, Skerry reads; Skerry writes, SQLite reads. */
class WalSqliteInteropTest {
    @TempDir
    Path dir;

    private static void fill(Connection c, int from, int to) throws Exception {
        SqliteFiles.exec(c, "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v TEXT)");
        for (int i = from; i < to; i += 25) {
            SqliteFiles.exec(c, "WITH RECURSIVE s(n) AS (SELECT " + i + " UNION ALL SELECT n + 1 FROM s WHERE n < " + (i + 24)
                    + ") INSERT INTO t SELECT n, printf('row %d %.*c', n, 80, 'x') FROM s");
        }
    }

    private static Connection create(Path db, int pageSize) throws Exception {
        Files.createDirectories(db.getParent());
        Connection c = SqliteFiles.open(db);
        SqliteFiles.exec(c, "PRAGMA page_size=" + pageSize, "PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0");
        return c;
    }

    /** SQLite's commits, copied without checkpoint: Skerry finds exactly SQLite's frames and SQLite's pages. */
    @ParameterizedTest
    @ValueSource(ints = {512, 4096, 65536})
    void recoversWalWrittenBySqlite(int size) throws Exception {
        Path a = dir.resolve("a/x.db");
        Path b;
        Path c;
        try (Connection conn = create(a, size)) {
            fill(conn, 1, 2000);
            SqliteFiles.exec(conn, "UPDATE t SET v = 'changed ' || id WHERE id % 7 = 0", "DELETE FROM t WHERE id % 11 = 0");
            b = SqliteFiles.copyWithWal(a, dir.resolve("b"));
            c = SqliteFiles.copyWithWal(a, dir.resolve("c"));
        }
        byte[] dbBytes = Files.readAllBytes(b);
        int pageSize = SqliteFiles.pageSize(dbBytes);
        assertEquals(size, pageSize);
        byte[] walBytes = Files.readAllBytes(Path.of(b + "-wal"));
        assertEquals(0x377f0682, WalFormat.get32(walBytes, 0), "SQLite on this machine writes little-endian checksums");

        SuiteVfs vfs = SuiteVfs.create();
        vfs.put("x.db", dbBytes);
        vfs.put("x.db-wal", walBytes);
        Wal wal = new Wal(vfs, "x.db-wal", 1);
        Io.drive(vfs, () -> wal.open(pageSize));

        int sqliteFrames = SqliteFiles.checkpointTruncate(c);
        assertEquals(sqliteFrames, wal.maxFrame());
        byte[] expected = Files.readAllBytes(c);
        assertEquals(expected.length / pageSize, wal.dbSizeAfterLastCommit());
        byte[] page = new byte[pageSize];
        int inWal = 0;
        for (int p = 1; p <= wal.dbSizeAfterLastCommit(); p++) {
            int frame = wal.findFrame(p);
            if (frame != 0) {
                inWal++;
                Io.await(vfs, wal.readFrame(frame, page));
                assertArrayEquals(SqliteFiles.page(expected, p, pageSize), page, "page " + p);
            }
        }
        assertTrue(inWal >= 3, "the test must put several pages in the log");

        VfsFile db = vfs.open("x.db", 0);
        Io.drive(vfs, () -> wal.checkpoint(db));
        assertArrayEquals(expected, vfs.get("x.db"));
        assertEquals(0, vfs.get("x.db-wal").length);
        assertEquals(0, wal.maxFrame());
        assertEquals(0, wal.findFrame(1));
    }

    /** Page images SQLite produced, committed by Skerry onto the old database: SQLite reads the new rows. */
    @ParameterizedTest
    @ValueSource(ints = {512, 4096, 65536})
    void sqliteReadsWalWrittenBySkerry(int size) throws Exception {
        Path a = dir.resolve("a/x.db");
        byte[] before;
        byte[] after;
        List<String> expectedRows;
        try (Connection conn = create(a, size)) {
            fill(conn, 1, 200);
            SqliteFiles.checkpointTruncateOn(conn);
            before = Files.readAllBytes(a);
            SqliteFiles.exec(conn, "UPDATE t SET v = 'after ' || id WHERE id % 3 = 0", "CREATE INDEX tv ON t(v)");
            fill(conn, 201, 701);
            SqliteFiles.checkpointTruncateOn(conn);
            after = Files.readAllBytes(a);
            expectedRows = SqliteFiles.rows(conn, "SELECT * FROM t ORDER BY id");
        }
        int pageSize = SqliteFiles.pageSize(before);
        assertEquals(size, pageSize);
        int afterPages = after.length / pageSize;

        SuiteVfs vfs = SuiteVfs.create();
        vfs.put("x.db", before);
        Wal wal = new Wal(vfs, "x.db-wal", 2);
        Io.drive(vfs, () -> wal.open(pageSize));
        assertEquals(0, wal.maxFrame());
        List<Integer> changed = new ArrayList<>();
        for (int p = 1; p <= afterPages; p++) {
            if (!Arrays.equals(SqliteFiles.page(before, p, pageSize), SqliteFiles.page(after, p, pageSize))) {
                changed.add(p);
            }
        }
        int half = changed.size() / 2;
        Io.commitPages(vfs, wal, after, pageSize, changed.subList(0, half), afterPages);
        Io.commitPages(vfs, wal, after, pageSize, changed.subList(half, changed.size()), afterPages);
        assertEquals(changed.size(), wal.maxFrame());

        Path b = SqliteFiles.write(dir.resolve("b"), "x.db", vfs.get("x.db"), vfs.get("x.db-wal"));
        assertEquals(expectedRows, rowsOf(b));
        assertEquals("ok", SqliteFiles.integrity(b));

        VfsFile db = vfs.open("x.db", 0);
        Io.drive(vfs, () -> wal.checkpoint(db));
        assertArrayEquals(after, vfs.get("x.db"));
        Path c = SqliteFiles.write(dir.resolve("c"), "x.db", vfs.get("x.db"), vfs.get("x.db-wal"));
        assertEquals(expectedRows, rowsOf(c));
        assertEquals("ok", SqliteFiles.integrity(c));
    }

    /** Skerry appends to a log SQLite wrote (little-endian checksums); SQLite reads both parts. */
    @Test
    void appendsToWalWrittenBySqlite() throws Exception {
        Path a = dir.resolve("a/x.db");
        Files.createDirectories(a.getParent());
        Path b;
        Path view;
        byte[] staleShm;
        try (Connection conn = SqliteFiles.openWalMode(a)) {
            fill(conn, 1, 300);
            b = SqliteFiles.copyWithWal(a, dir.resolve("b"));
            view = SqliteFiles.copyWithWal(a, dir.resolve("view"));
            staleShm = Files.readAllBytes(Path.of(a + "-shm"));
        }
        SqliteFiles.checkpointTruncate(view);
        byte[] middle = Files.readAllBytes(view);
        List<String> expectedRows;
        try (Connection conn = SqliteFiles.openWalMode(view)) {
            SqliteFiles.exec(conn, "DELETE FROM t WHERE id % 5 = 0", "UPDATE t SET v = upper(v) WHERE id < 50");
            fill(conn, 301, 501);
            SqliteFiles.checkpointTruncateOn(conn);
            expectedRows = SqliteFiles.rows(conn, "SELECT * FROM t ORDER BY id");
        }
        byte[] after = Files.readAllBytes(view);
        int pageSize = SqliteFiles.pageSize(after);

        SuiteVfs vfs = SuiteVfs.create();
        vfs.put("x.db", Files.readAllBytes(b));
        vfs.put("x.db-wal", Files.readAllBytes(Path.of(b + "-wal")));
        Wal wal = new Wal(vfs, "x.db-wal", 3);
        Io.drive(vfs, () -> wal.open(pageSize));
        int sqliteFrames = wal.maxFrame();
        assertTrue(sqliteFrames > 0);
        List<Integer> changed = new ArrayList<>();
        for (int p = 1; p <= after.length / pageSize; p++) {
            if (!Arrays.equals(SqliteFiles.page(middle, p, pageSize), SqliteFiles.page(after, p, pageSize))) {
                changed.add(p);
            }
        }
        Io.commitPages(vfs, wal, after, pageSize, changed, after.length / pageSize);
        assertEquals(sqliteFrames + changed.size(), wal.maxFrame());
        assertEquals(0x377f0682, WalFormat.get32(vfs.get("x.db-wal"), 0));

        Path c = SqliteFiles.write(dir.resolve("c"), "x.db", vfs.get("x.db"), vfs.get("x.db-wal"));
        assertEquals(expectedRows, rowsOf(c));
        assertEquals("ok", SqliteFiles.integrity(c));

        Path d = SqliteFiles.write(dir.resolve("d"), "x.db", vfs.get("x.db"), vfs.get("x.db-wal"));
        Files.write(Path.of(d + "-shm"), staleShm);
        assertEquals(expectedRows, rowsOf(d), "SQLite rebuilds a -shm left over from before Skerry's commit");
    }

    static List<String> rowsOf(Path db) throws Exception {
        try (Connection c = SqliteFiles.open(db)) {
            return SqliteFiles.rows(c, "SELECT * FROM t ORDER BY id");
        }
    }
}
