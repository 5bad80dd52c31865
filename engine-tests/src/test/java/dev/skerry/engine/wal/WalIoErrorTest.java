package dev.skerry.engine.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.testkit.FaultVfs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write or sync ends a commit or checkpoint with SQLite's code, publishes nothing, and a retry works. */
class WalIoErrorTest {
    @TempDir
    Path dir;

    private static void commit(FaultVfs vfs, Wal wal, WalStates st, List<Integer> pages, byte[] image)
            throws SqliteException {
        Io.commitPages(vfs, wal, image, st.pageSize, pages, image.length / st.pageSize);
    }

    @Test
    void failedCommitPublishesNothingAndCanBeRetried() throws Exception {
        WalStates st = WalStates.get();
        SuiteVfs mem = SuiteVfs.create();
        mem.put("x.db", st.s0);
        FaultVfs vfs = new FaultVfs(mem, 3);
        Wal wal = new Wal(vfs, "x.db-wal", 3);
        Io.drive(vfs, () -> wal.open(st.pageSize));
        commit(vfs, wal, st, st.t1, st.s1);
        int n1 = wal.maxFrame();

        vfs.failWrite(1);
        SqliteException write = assertThrows(SqliteException.class, () -> commit(vfs, wal, st, st.t2, st.s2));
        assertEquals(ResultCode.SQLITE_IOERR_WRITE, write.code());
        assertEquals("disk I/O error", write.getMessage());
        assertEquals(n1, wal.maxFrame());
        vfs.failSync(1);
        SqliteException sync = assertThrows(SqliteException.class, () -> commit(vfs, wal, st, st.t2, st.s2));
        assertEquals(ResultCode.SQLITE_IOERR_FSYNC, sync.code());
        assertEquals(n1, wal.maxFrame());
        assertEquals(0, wal.findFrame(st.t2.stream().filter(p -> !st.t1.contains(p)).findFirst().orElseThrow()));

        commit(vfs, wal, st, st.t2, st.s2);
        assertEquals(n1 + st.t2.size(), wal.maxFrame());
        Path copy = SqliteFiles.write(dir.resolve("a"), "x.db", mem.get("x.db"), mem.get("x.db-wal"));
        assertEquals(st.rows2, WalSqliteInteropTest.rowsOf(copy));

        VfsFile db = vfs.open("x.db", 0);
        vfs.failSync(1);
        SqliteException ckpt = assertThrows(SqliteException.class, () -> Io.drive(vfs, () -> wal.checkpoint(db)));
        assertEquals(ResultCode.SQLITE_IOERR_FSYNC, ckpt.code());
        assertEquals(n1 + st.t2.size(), wal.maxFrame(), "a failed checkpoint leaves the log as it was");
        Io.drive(vfs, () -> wal.checkpoint(db));
        assertEquals(0, wal.maxFrame());
        assertArrayEquals(st.s2, mem.get("x.db"));
    }

    @Test
    void failedRecoveryReadCanBeRetried() throws Exception {
        WalStates st = WalStates.get();
        SuiteVfs mem = SuiteVfs.create();
        mem.put("x.db", st.s0);
        mem.put("x.db-wal", st.wal12);
        for (int n = 1; n <= 2; n++) {
            FaultVfs vfs = new FaultVfs(mem, n);
            Wal wal = new Wal(vfs, "x.db-wal", n);
            vfs.failRead(n);
            SqliteException e = assertThrows(SqliteException.class, () -> Io.drive(vfs, () -> wal.open(st.pageSize)));
            assertEquals(ResultCode.SQLITE_IOERR_READ, e.code());
            Io.drive(vfs, () -> wal.open(st.pageSize));
            assertEquals(st.t1.size() + st.t2.size(), wal.maxFrame());
        }
    }
}
