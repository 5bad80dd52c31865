package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.testkit.FaultVfs;
import dev.skerry.testkit.MemFiles;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.memory.MemoryVfs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An I/O error (not a crash) at each write and at each sync of the commit of {@link SqlCrashTest}'s
 * transaction: COMMIT fails with SQLite's SQLITE_IOERR code, the transaction is rolled back (autocommit
 * again, old contents visible), the same connection then runs the transaction again successfully, and after
 * close SQLite finds the new contents and an intact file.
 */
class SqlIoErrorTest {
    private static byte[] before;
    private static List<List<List<Object>>> oldState;
    private static List<List<List<Object>>> newState;
    private static int writes;
    private static int syncs;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        MemoryVfs mem = new MemoryVfs();
        SkerryDb db = SkerryDb.create(mem, SqlCrashTest.DB, SqlCrashTest.PAGE_SIZE);
        Workload w = new Workload(99, SqlCrashTest.PAGE_SIZE, SqlCrashTest.ROWS);
        w.createSchema(db);
        w.fill(db);
        db.close();
        before = MemFiles.get(mem, SqlCrashTest.DB);

        Counter counter = new Counter(TestVfs.wrap(restore()));
        db = SkerryDb.open(counter, SqlCrashTest.DB);
        oldState = SqlCrashTest.contents(db);
        counter.reset();
        SqlCrashTest.transaction(db);
        newState = SqlCrashTest.contents(db);
        writes = counter.writes;
        syncs = counter.syncs;
        db.close();
        assertTrue(writes > 0 && syncs > 0, writes + " writes, " + syncs + " syncs");
    }

    /** Counts the writes and syncs that reach the files. */
    private static final class Counter implements Vfs {
        private final Vfs base;
        int writes;
        int syncs;

        Counter(Vfs base) {
            this.base = base;
        }

        void reset() {
            writes = 0;
            syncs = 0;
        }

        @Override
        public VfsFile open(String path, int flags) {
            VfsFile f = base.open(path, flags);
            return new VfsFile() {
                @Override
                public Completion read(long pos, byte[] buf, int off, int len) {
                    return f.read(pos, buf, off, len);
                }

                @Override
                public Completion write(long pos, byte[] buf, int off, int len) {
                    writes++;
                    return f.write(pos, buf, off, len);
                }

                @Override
                public Completion sync() {
                    syncs++;
                    return f.sync();
                }

                @Override
                public Completion truncate(long size) {
                    return f.truncate(size);
                }

                @Override
                public Completion size() {
                    return f.size();
                }

                @Override
                public void close() {
                    f.close();
                }
            };
        }

        @Override
        public Completion delete(String path) {
            return base.delete(path);
        }

        @Override
        public boolean runPendingIo() {
            return base.runPendingIo();
        }
    }

    private static MemoryVfs restore() {
        MemoryVfs mem = new MemoryVfs();
        MemFiles.put(mem, SqlCrashTest.DB, before);
        return mem;
    }

    @Test
    void failedWriteDuringCommitRollsBackAndTheRetrySucceeds() throws Exception {
        for (int k = 1; k <= writes; k++) {
            failAndRetry(k, true);
        }
    }

    @Test
    void failedSyncDuringCommitRollsBackAndTheRetrySucceeds() throws Exception {
        for (int k = 1; k <= syncs; k++) {
            failAndRetry(k, false);
        }
    }

    private void failAndRetry(int k, boolean write) throws Exception {
        String where = (write ? "write " : "sync ") + k + " of the commit fails";
        MemoryVfs mem = restore();
        FaultVfs fault = new FaultVfs(TestVfs.wrap(mem), k);
        SkerryDb db = SkerryDb.open(fault, SqlCrashTest.DB);
        if (write) {
            fault.failWrite(k);
        } else {
            fault.failSync(k);
        }
        try {
            SqlCrashTest.transaction(db);
            fail(where + ": COMMIT succeeded");
        } catch (SqliteException e) {
            assertEquals(10, e.primaryCode(), where + ": SQLITE_IOERR expected: " + e);
        }
        assertTrue(db.connection().isAutocommit(), where + ": the failed COMMIT rolls the transaction back");
        assertTrue(SqlCrashTest.same(oldState, SqlCrashTest.contents(db)), where + ": old contents after the failure");
        SqlCrashTest.transaction(db);
        assertTrue(SqlCrashTest.same(newState, SqlCrashTest.contents(db)), where + ": new contents after the retry");
        db.close();

        Path copy = dir.resolve("ioerr.db");
        MemFiles.copyOut(mem, SqlCrashTest.DB, copy);
        try (JdbcDb sqlite = new JdbcDb(copy)) {
            FileRoundTrip.assertIntact(sqlite, where);
            assertTrue(SqlCrashTest.same(newState, SqlCrashTest.contents(sqlite)), where + ": SQLite sees the retry");
        }
        java.nio.file.Files.delete(copy);
    }
}
