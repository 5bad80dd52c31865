package dev.skerry.engine.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.VfsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery keeps whole committed transactions only: torn or missing commit frames, bad checksums, damaged
 * headers and frames of an older generation are ignored, each case checked against what SQLite itself
 * recovers from the same two files.
 */
class WalRecoveryTest {
    @TempDir
    static Path dir;

    static byte[] s0;
    static byte[] s1;
    static byte[] s2;
    static List<String> rows0;
    static List<String> rows1;
    static List<String> rows2;
    static int pageSize;
    static List<Integer> t1;
    static List<Integer> t2;
    static byte[] wal12;
    static int caseNumber;

    @BeforeAll
    static void makeStates() throws Exception {
        WalStates st = WalStates.get();
        s0 = st.s0;
        s1 = st.s1;
        s2 = st.s2;
        rows0 = st.rows0;
        rows1 = st.rows1;
        rows2 = st.rows2;
        pageSize = st.pageSize;
        t1 = st.t1;
        t2 = st.t2;
        wal12 = st.wal12;
    }

    /** Recovers {@code walBytes} over {@code db}; returns the Wal. */
    static Wal recover(SuiteVfs vfs, byte[] db, byte[] walBytes) throws SqliteException {
        vfs.put("x.db", db);
        vfs.put("x.db-wal", walBytes);
        Wal wal = new Wal(vfs, "x.db-wal", 11);
        Io.drive(vfs, () -> wal.open(SqliteFiles.pageSize(db)));
        return wal;
    }

    /** What SQLite reads from the same pair of files. */
    private static List<String> sqliteRows(byte[] db, byte[] walBytes) throws Exception {
        Path p = SqliteFiles.write(dir.resolve("case" + (++caseNumber)), "x.db", db, walBytes);
        List<String> rows = WalSqliteInteropTest.rowsOf(p);
        assertEquals("ok", SqliteFiles.integrity(p));
        return rows;
    }

    private static long frameEnd(int frame) {
        return WalFormat.frameOffset(frame + 1, pageSize);
    }

    private void expect(byte[] walBytes, int frames, List<String> rows) throws Exception {
        Wal wal = recover(SuiteVfs.create(), s0, walBytes);
        assertEquals(frames, wal.maxFrame());
        assertEquals(rows, sqliteRows(s0, walBytes));
    }

    @Test
    void intactLogHasBothTransactions() throws Exception {
        expect(wal12, t1.size() + t2.size(), rows2);
        assertEquals(0x377f0683, WalFormat.get32(wal12, 0), "Skerry writes big-endian checksums");
    }

    @Test
    void tornLastFrameDropsItsTransaction() throws Exception {
        int last = t1.size() + t2.size();
        expect(Arrays.copyOf(wal12, (int) frameEnd(last - 1) + 24 + pageSize / 2), t1.size(), rows1);
        expect(Arrays.copyOf(wal12, (int) frameEnd(last - 1) + 10), t1.size(), rows1);
    }

    @Test
    void missingCommitFrameDropsItsTransaction() throws Exception {
        expect(Arrays.copyOf(wal12, (int) frameEnd(t1.size() + t2.size() - 1)), t1.size(), rows1);
        expect(Arrays.copyOf(wal12, (int) frameEnd(t1.size() - 1)), 0, rows0);
    }

    @Test
    void badChecksumEndsTheLog() throws Exception {
        byte[] w = wal12.clone();
        w[(int) WalFormat.frameOffset(t1.size() + 2, pageSize) + 24 + 100] ^= 1;
        expect(w, t1.size(), rows1);
        byte[] first = wal12.clone();
        first[(int) WalFormat.frameOffset(1, pageSize) + 3] ^= 4;
        expect(first, 0, rows0);
    }

    @Test
    void damagedHeaderEmptiesTheLog() throws Exception {
        byte[] checksum = wal12.clone();
        checksum[27] ^= 1;
        expect(checksum, 0, rows0);
        byte[] magic = wal12.clone();
        magic[3] = (byte) 0x84;
        expect(magic, 0, rows0);
        expect(Arrays.copyOf(wal12, 20), 0, rows0);
    }

    @Test
    void unknownVersionCannotBeOpened() throws Exception {
        byte[] w = wal12.clone();
        WalFormat.put32(w, 4, 3007001);
        long c = WalFormat.checksum(w, 0, 24, true, 0);
        WalFormat.put32(w, 24, WalFormat.s0(c));
        WalFormat.put32(w, 28, WalFormat.s1(c));
        SqliteException e = assertThrows(SqliteException.class, () -> recover(SuiteVfs.create(), s0, w));
        assertEquals(ResultCode.SQLITE_CANTOPEN, e.code());
        Path p = SqliteFiles.write(dir.resolve("version"), "x.db", s0, w);
        SQLException sqlite = assertThrows(SQLException.class, () -> WalSqliteInteropTest.rowsOf(p));
        assertEquals(ResultCode.SQLITE_CANTOPEN, sqlite.getErrorCode() & 0xff);
    }

    /** After a checkpoint, a new generation over the bytes of the old one never picks up old frames. */
    @Test
    void framesOfAnOlderGenerationAreIgnored() throws Exception {
        SuiteVfs vfs = SuiteVfs.create();
        Wal wal = recover(vfs, s0, wal12);
        VfsFile db = vfs.open("x.db", 0);
        Io.drive(vfs, () -> wal.checkpoint(db));
        assertArrayEquals(s2, vfs.get("x.db"));
        List<Integer> again = t2.subList(0, 2);
        Io.commitPages(vfs, wal, s2, pageSize, again, s2.length / pageSize);
        byte[] fresh = vfs.get("x.db-wal");
        assertEquals(WalFormat.get32(wal12, 16) + 1, WalFormat.get32(fresh, 16), "salt-1 + 1");
        assertEquals(WalFormat.get32(wal12, 12) + 1, WalFormat.get32(fresh, 12), "checkpoint sequence + 1");
        byte[] spliced = wal12.clone();
        System.arraycopy(fresh, 0, spliced, 0, fresh.length);

        Wal reopened = recover(SuiteVfs.create(), s2, spliced);
        assertEquals(2, reopened.maxFrame());
        assertEquals(rows2, sqliteRows(s2, spliced));
        byte[] oldHeader = fresh.clone();
        System.arraycopy(wal12, 0, oldHeader, 0, WalFormat.HEADER_SIZE);
        assertEquals(0, recover(SuiteVfs.create(), s2, oldHeader).maxFrame());
    }

    /** A log whose page size differs from the database file's wins, as in SQLite. */
    @Test
    void pageSizeOfTheLogWins() throws Exception {
        Path big = dir.resolve("ps/big.db");
        Path small = dir.resolve("ps/small.db");
        Files.createDirectories(big.getParent());
        byte[] bigDb;
        byte[] smallWal;
        try (Connection c = SqliteFiles.open(big)) {
            SqliteFiles.exec(c, "PRAGMA page_size=4096", "PRAGMA journal_mode=WAL", "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)",
                    "INSERT INTO t VALUES(1, 'big')");
            SqliteFiles.checkpointTruncateOn(c);
            bigDb = Files.readAllBytes(big);
        }
        List<String> expected;
        try (Connection c = SqliteFiles.open(small)) {
            SqliteFiles.exec(c, "PRAGMA page_size=1024", "PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0",
                    "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)", "INSERT INTO t VALUES(1, 'small'), (2, 'small')");
            smallWal = Files.readAllBytes(Path.of(small + "-wal"));
            expected = SqliteFiles.rows(c, "SELECT * FROM t ORDER BY id");
        }
        Path pair = SqliteFiles.write(dir.resolve("ps/pair"), "x.db", bigDb, smallWal);
        int sqliteFrames = SqliteFiles.checkpointTruncate(pair);
        assertEquals(expected, WalSqliteInteropTest.rowsOf(pair));
        byte[] sqliteResult = Files.readAllBytes(pair);

        SuiteVfs vfs = SuiteVfs.create();
        Wal wal = recover(vfs, bigDb, smallWal);
        assertEquals(1024, wal.pageSize());
        assertEquals(sqliteFrames, wal.maxFrame());
        VfsFile db = vfs.open("x.db", 0);
        Io.drive(vfs, () -> wal.checkpoint(db));
        assertArrayEquals(sqliteResult, vfs.get("x.db"));
    }

    /** A torn tail is overwritten by the next commit, which SQLite and Skerry then both recover. */
    @Test
    void commitAfterATornTailOverwritesIt() throws Exception {
        int last = t1.size() + t2.size();
        SuiteVfs vfs = SuiteVfs.create();
        Wal wal = recover(vfs, s0, Arrays.copyOf(wal12, (int) frameEnd(last - 1) + 100));
        assertEquals(t1.size(), wal.maxFrame());
        Io.commitPages(vfs, wal, s2, pageSize, t2, s2.length / pageSize);
        byte[] log = vfs.get("x.db-wal");
        assertEquals(last, recover(SuiteVfs.create(), s0, log).maxFrame());
        assertEquals(rows2, sqliteRows(s0, log));
    }
}
