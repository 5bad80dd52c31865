package dev.skerry.vfs.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import org.junit.jupiter.api.Test;

class MemoryVfsTest {
    @Test
    void opensOfOnePathShareBytes() {
        MemoryVfs vfs = new MemoryVfs();
        VfsFile a = vfs.open("x", Vfs.CREATE);
        VfsFile b = vfs.open("x", 0);
        assertEquals(3, a.write(10, new byte[] {1, 2, 3}, 0, 3).result());
        assertEquals(13, b.size().result());
        byte[] buf = new byte[16];
        Completion r = b.read(8, buf, 0, 16);
        assertTrue(r.isDone());
        assertEquals(5, r.result(), "bytes that existed");
        assertArrayEquals(new byte[] {0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, buf);
        assertFalse(vfs.runPendingIo());
    }

    @Test
    void missingFileWithoutCreateFailsWithCantOpen() {
        MemoryVfs vfs = new MemoryVfs();
        Completion c = vfs.open("nope", 0).size();
        assertTrue(c.isFailed());
        assertEquals(ResultCode.SQLITE_CANTOPEN, c.errorCode());
        assertFalse(vfs.exists("nope"));
    }

    @Test
    void truncateAndDelete() {
        MemoryVfs vfs = new MemoryVfs();
        VfsFile f = vfs.open("t", Vfs.CREATE);
        f.write(0, new byte[100], 0, 100);
        f.truncate(10);
        assertEquals(10, f.size().result());
        f.truncate(50);
        byte[] buf = new byte[50];
        buf[20] = 9;
        assertEquals(50, f.read(0, buf, 0, 50).result());
        assertEquals(0, buf[20], "extension reads as zeros");
        vfs.delete("t");
        assertFalse(vfs.exists("t"));
        assertTrue(vfs.open("t", 0).size().isFailed());
    }
}
