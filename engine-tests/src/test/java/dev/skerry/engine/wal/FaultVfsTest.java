package dev.skerry.engine.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.testkit.FaultVfs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** FaultVfs itself: injected errors, and what survives a crash. */
class FaultVfsTest {
    private static byte[] bytes(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static void ok(Vfs vfs, Completion c) {
        Io.await(vfs, c);
    }

    private static int failure(Vfs vfs, Completion c) {
        Io.awaitDone(vfs, c);
        assertTrue(c.isFailed());
        return c.errorCode();
    }

    @Test
    void unsyncedChangesAreLostOnCrashSyncedOnesSurvive() {
        SuiteVfs mem = SuiteVfs.create();
        FaultVfs vfs = new FaultVfs(mem, 1);
        VfsFile f = vfs.open("f", Vfs.CREATE);
        ok(vfs, f.write(0, bytes(1000, 1), 0, 1000));
        ok(vfs, f.sync());
        ok(vfs, f.write(500, bytes(1000, 2), 0, 1000));
        ok(vfs, f.truncate(700));
        ok(vfs, f.write(2000, bytes(10, 3), 0, 10));
        assertEquals(2010, mem.get("f").length);
        vfs.crash(false);
        assertArrayEquals(bytes(1000, 1), mem.get("f"));
    }

    @Test
    void partialLossKeepsEachSectorOldOrNew() {
        for (long seed = 1; seed <= 20; seed++) {
            SuiteVfs mem = SuiteVfs.create();
            FaultVfs vfs = new FaultVfs(mem, seed);
            VfsFile f = vfs.open("f", Vfs.CREATE);
            ok(vfs, f.write(0, bytes(4096, 1), 0, 4096));
            ok(vfs, f.sync());
            ok(vfs, f.write(0, bytes(4096, 2), 0, 4096));
            vfs.crash(true);
            byte[] after = mem.get("f");
            assertEquals(4096, after.length);
            for (int s = 0; s < 4096; s += FaultVfs.SECTOR) {
                byte v = after[s];
                assertTrue(v == 1 || v == 2);
                for (int i = s; i < s + FaultVfs.SECTOR; i++) {
                    assertEquals(v, after[i], "sector " + s + " is all old or all new");
                }
            }
        }
    }

    @Test
    void injectedFailuresCarrySqliteCodes() {
        SuiteVfs mem = SuiteVfs.create();
        FaultVfs vfs = new FaultVfs(mem, 1);
        VfsFile f = vfs.open("f", Vfs.CREATE);
        vfs.failRead(1);
        assertEquals(ResultCode.SQLITE_IOERR_READ, failure(vfs, f.read(0, new byte[4], 0, 4)));
        ok(vfs, f.read(0, new byte[4], 0, 4));
        vfs.failWrite(2);
        ok(vfs, f.write(0, bytes(10, 1), 0, 10));
        assertEquals(ResultCode.SQLITE_IOERR_WRITE, failure(vfs, f.write(10, bytes(10, 1), 0, 10)));
        assertEquals(10, mem.get("f").length);
        vfs.failSync(1);
        assertEquals(ResultCode.SQLITE_IOERR_FSYNC, failure(vfs, f.sync()));
        vfs.crash(false);
        assertEquals(0, mem.get("f").length, "a failed sync made nothing durable");
    }

    @Test
    void powerFailureStopsEverythingUntilTheCrash() {
        SuiteVfs mem = SuiteVfs.create();
        FaultVfs vfs = new FaultVfs(mem, 1);
        VfsFile f = vfs.open("f", Vfs.CREATE);
        vfs.powerFailAt(2);
        ok(vfs, f.write(0, bytes(10, 1), 0, 10));
        assertEquals(ResultCode.SQLITE_IOERR_FSYNC, failure(vfs, f.sync()));
        assertTrue(vfs.isPoweredOff());
        assertEquals(ResultCode.SQLITE_IOERR_READ, failure(vfs, f.read(0, new byte[10], 0, 10)));
        assertEquals(ResultCode.SQLITE_IOERR_WRITE, failure(vfs, f.write(0, bytes(10, 1), 0, 10)));
        vfs.crash(false);
        assertFalse(vfs.isPoweredOff());
        assertEquals(0, mem.get("f").length);
        ok(vfs, f.write(0, bytes(10, 4), 0, 10));
        assertEquals(3 + 1, vfs.mutations());
    }

    @Test
    void tornWriteLeavesAPrefix() {
        boolean sawPartial = false;
        for (long seed = 1; seed <= 10; seed++) {
            SuiteVfs mem = SuiteVfs.create();
            FaultVfs vfs = new FaultVfs(mem, seed);
            VfsFile f = vfs.open("f", Vfs.CREATE);
            vfs.tearAt(1);
            assertEquals(ResultCode.SQLITE_IOERR_WRITE, failure(vfs, f.write(0, bytes(3000, 7), 0, 3000)));
            byte[] now = mem.get("f");
            assertTrue(now.length <= 3000);
            for (byte b : now) {
                assertEquals(7, b);
            }
            sawPartial |= now.length > 0 && now.length < 3000;
        }
        assertTrue(sawPartial);
    }
}
