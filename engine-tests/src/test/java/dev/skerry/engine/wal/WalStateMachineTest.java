package dev.skerry.engine.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.testkit.DeferredVfs;
import dev.skerry.testkit.FaultVfs;
import dev.skerry.vfs.memory.MemoryVfs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The re-callable methods issue each I/O exactly once however often they are re-entered, and misuse gives
 * {@code SQLITE_MISUSE}.
 */
class WalStateMachineTest {
    /** Calls {@code step} until it returns, counting the IoPending throws. */
    private static int throwsUntilDone(DeferredVfs vfs, Io.Step step) throws SqliteException {
        int yields = 0;
        for (;;) {
            try {
                step.run();
                return yields;
            } catch (IoPending p) {
                yields++;
                for (Completion c : p.completions()) {
                    Io.awaitDone(vfs, c);
                }
            }
        }
    }

    @Test
    void everyOperationIsIssuedOnceAcrossReentries() throws Exception {
        WalStates st = WalStates.get();
        MemoryVfs memory = new MemoryVfs();
        FaultVfs counting = new FaultVfs(memory, 1);
        DeferredVfs vfs = new DeferredVfs(counting);
        VfsFile db0 = memory.open("x.db", MemoryVfs.CREATE);
        db0.write(0, st.s0, 0, st.s0.length);
        Wal wal = new Wal(vfs, "x.db-wal", 1);
        assertTrue(throwsUntilDone(vfs, () -> wal.open(st.pageSize)) > 0);
        assertEquals(0, counting.mutations());

        int[] p1 = SqliteFiles.numbers(st.t1);
        byte[][] i1 = SqliteFiles.pages(st.s1, st.t1, st.pageSize);
        int yields = throwsUntilDone(vfs, () -> wal.commit(p1, i1, p1.length, st.s1.length / st.pageSize));
        assertEquals(3, counting.mutations(), "header, frames, sync on an empty log");
        assertEquals(3, yields);

        int[] p2 = SqliteFiles.numbers(st.t2);
        byte[][] i2 = SqliteFiles.pages(st.s2, st.t2, st.pageSize);
        throwsUntilDone(vfs, () -> wal.commit(p2, i2, p2.length, st.s2.length / st.pageSize));
        assertEquals(3 + 2, counting.mutations(), "frames, sync when appending");

        VfsFile db = vfs.open("x.db", 0);
        throwsUntilDone(vfs, () -> wal.checkpoint(db));
        long distinct = java.util.stream.Stream.concat(st.t1.stream(), st.t2.stream()).distinct().count();
        assertEquals(5 + distinct + 4, counting.mutations(), "one write per page, db truncate + sync, log truncate + sync");

        throwsUntilDone(vfs, () -> wal.commit(p2, i2, p2.length, st.s2.length / st.pageSize));
        assertEquals(5 + distinct + 4 + 3, counting.mutations(), "a new generation on the truncated log: no header sync");
        assertEquals(p2.length, wal.maxFrame());
    }

    @Test
    void misuseIsReported() throws Exception {
        WalStates st = WalStates.get();
        SuiteVfs vfs = SuiteVfs.create();
        Wal wal = new Wal(vfs, "x.db-wal", 1);
        SqliteException notOpen = assertThrows(SqliteException.class,
                () -> wal.commit(new int[] {1}, new byte[][] {new byte[st.pageSize]}, 1, 1));
        assertEquals(ResultCode.SQLITE_MISUSE, notOpen.code());
        assertThrows(SqliteException.class, () -> wal.open(1000));
        Io.drive(vfs, () -> wal.open(st.pageSize));
        assertEquals(ResultCode.SQLITE_MISUSE,
                assertThrows(SqliteException.class, () -> wal.commit(new int[] {1}, new byte[][] {new byte[10]}, 1, 1)).code());
        assertEquals(ResultCode.SQLITE_MISUSE,
                assertThrows(SqliteException.class, () -> wal.commit(new int[] {0}, new byte[][] {new byte[st.pageSize]}, 1, 1)).code());
        assertEquals(ResultCode.SQLITE_MISUSE,
                assertThrows(SqliteException.class, () -> wal.commit(new int[0], new byte[0][], 0, 1)).code());
        Completion c = wal.readFrame(1, new byte[st.pageSize]);
        assertTrue(c.isFailed());
        assertEquals(ResultCode.SQLITE_MISUSE, c.errorCode());
        byte[] page = new byte[st.pageSize];
        Arrays.fill(page, (byte) 9);
        Io.drive(vfs, () -> wal.commit(new int[] {1, 2}, new byte[][] {page, page}, 2, 2));
        assertEquals(2, wal.maxFrame());
        assertEquals(2, wal.dbSizeAfterLastCommit());
        assertEquals(1, wal.findFrame(1));
        assertEquals(0, wal.findFrame(3));
    }
}
